package io.cellbench.daq.run;

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
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * events.jsonl: one JSON object per line for every run, step and notice event of every cell
 * (never samples or spectra: those have their own files). Lines are appended, so a resumed
 * run continues the same log, and flushed one by one, so the log is current. The caller
 * serialises writers (all cells share the log).
 */
final class EventLog implements AutoCloseable {

    private final BufferedWriter out;

    private EventLog(BufferedWriter out) {
        this.out = out;
    }

    static EventLog open(Path file) throws IOException {
        return new EventLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
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
        out.write(line(line));
        out.write('\n');
        out.flush();
    }

    /** The JSON line for an event, or null for the events the log does not record. */
    static ObjectNode toJson(RunEvent event, double unixTimeSecond) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", event.getClass().getSimpleName());
        n.put("cell_id", event.cellId());
        switch (event) {
            case RunStarted e -> {
                Json.number(n, "unix_time_second", e.unixTimeSecond());
                n.put("protocol_name", e.protocolName());
                n.put("resumed", e.resumed());
            }
            case StepStarted e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put("step_count", e.stepCount());
                n.put("step_index", e.stepIndex());
                n.put("cycle_count", e.cycleCount());
                n.put("description", e.description());
            }
            case StepEnded e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put("step_count", e.stepCount());
                n.put("step_index", e.stepIndex());
                n.put("reason", e.reason());
            }
            case Notice e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put("severity", e.severity().name());
                n.put("message", e.message());
            }
            case RunEnded e -> {
                times(n, e.testTimeSecond(), unixTimeSecond);
                n.put("outcome", e.outcome().name());
                n.put("message", e.message());
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
        Json.number(n, "test_time_second", testTimeSecond);
        if (!Double.isNaN(unixTimeSecond)) {
            Json.number(n, "unix_time_second", unixTimeSecond);
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
