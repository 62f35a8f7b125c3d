package io.cellbench.daq.run;

import static io.cellbench.daq.run.EventKeys.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Notice;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.RunEvent.StepEnded;
import io.cellbench.core.data.RunEvent.StepStarted;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * events.jsonl: one JSON object per line for every run, step and notice event of every cell
 * (never samples or spectra: those have their own files). Lines are appended, so a resumed
 * run continues the same log, and each goes to the file as it happens, so the log is current.
 * The caller serialises writers (all cells share the log).
 *
 * <p>A line is written whole or not at all: a failed write (a full disk) is cut back to the
 * last whole line, so the next event never continues a torn one. A log that a killed process
 * left with a torn last line is repaired when it is opened again: the partial line is cut off
 * and {@link #repaired()} says what it held.
 */
final class EventLog implements AutoCloseable {
    /** How much of a torn line a repair notice quotes. */
    static final int QUOTED = 2000;

    private final FileChannel out;
    private final String repaired;
    /** Bytes of whole lines in the file: where the next line goes. */
    private long size;

    private EventLog(FileChannel out, long size, String repaired) {
        this.out = out;
        this.size = size;
        this.repaired = repaired;
    }

    static EventLog open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long whole = wholeLines(channel, size);
            String repaired = null;
            if (whole < size) {
                byte[] torn = new byte[(int) Math.min(size - whole, QUOTED)];
                channel.read(ByteBuffer.wrap(torn), whole);
                channel.truncate(whole);
                repaired = String.format(java.util.Locale.ROOT, "%s: its last line was cut off when the process writing"
                        + " it was interrupted; removed that partial line (%d bytes) so that the next event starts a line"
                        + " of its own. It read: %s%s", file.getFileName(), size - whole,
                        new String(torn, StandardCharsets.UTF_8), size - whole > QUOTED ? "…" : "");
            }
            return new EventLog(channel, whole, repaired);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The length of the file up to and including its last newline (0 when it has none). */
    private static long wholeLines(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        for (long end = size; end > 0; ) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            channel.read(block, start);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /** What opening repaired (a torn last line and what it held), or null when the log was whole. */
    String repaired() {
        return repaired;
    }

    /**
     * Appends the event, if it is one the log records. {@code unixTimeSecond} is the event's
     * wall-clock time where the caller knows it (NaN otherwise).
     */
    void append(RunEvent event, double unixTimeSecond) throws IOException {
        ObjectNode line = toJson(event, unixTimeSecond);
        if (line == null) {
            return;
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(line(line) + "\n");
        int length = bytes.remaining();
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes, size + (length - bytes.remaining()));
            }
        } catch (IOException e) {
            try {
                out.truncate(size); // never leave half a line for the next event to continue
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        size += length;
    }

    /** The JSON line for an event, or null for the events the log does not record. */
    static ObjectNode toJson(RunEvent event, double unixTimeSecond) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put(TYPE, event.getClass().getSimpleName());
        n.put(CELL_ID, event.cellId());
        switch (event) {
            case RunStarted e -> {
                Json.number(n, UNIX_TIME, e.unixTimeSecond());
                n.put(PROTOCOL_NAME, e.protocolName());
                n.put(RESUMED, e.resumed());
            }
            case StepStarted e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put(STEP_COUNT, e.stepCount());
                n.put(STEP_ID.getFirst(), e.stepIndex());
                n.put(CYCLE_COUNT, e.cycleCount());
                n.put(DESCRIPTION, e.description());
            }
            case StepEnded e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put(STEP_COUNT, e.stepCount());
                n.put(STEP_ID.getFirst(), e.stepIndex());
                n.put(REASON, e.reason());
            }
            case Notice e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put(SEVERITY, e.severity().name());
                n.put(MESSAGE, e.message());
            }
            case RunEnded e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put(OUTCOME, e.outcome().name());
                n.put(MESSAGE, e.message());
            }
            case SampleRecorded e -> {
                return null;
            }
            case SpectrumMeasured e -> {
                return null;
            }
        }
        return n;
    }

    private static void times(ObjectNode n, double testTimeSecond, double unixTimeSecond) {
        Json.number(n, TEST_TIME, testTimeSecond);
        if (!Double.isNaN(unixTimeSecond)) {
            Json.number(n, UNIX_TIME, unixTimeSecond);
        }
    }

    private static String line(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + node, e); // a tree of plain values always serialises
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
