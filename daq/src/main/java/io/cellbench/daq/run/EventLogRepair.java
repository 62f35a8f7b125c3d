package io.cellbench.daq.run;

import io.cellbench.core.data.RunEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Finds and repairs a torn last line of a run directory's events.jsonl outside a run (cellbench repair). */
public final class EventLogRepair {
    private EventLogRepair() {
    }

    /** True when events.jsonl exists and does not end with a newline: its last line is torn. Reads only. */
    public static boolean torn(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(RunLayout.EVENTS);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Cuts a torn last line off and records that in the log, as a run does when it opens the log; what it did. */
    public static Optional<String> repair(Path runDirectory) throws IOException {
        try (EventLog log = EventLog.open(runDirectory.resolve(RunLayout.EVENTS))) {
            if (log.repaired() == null) {
                return Optional.empty();
            }
            log.append(new RunEvent.Notice("", Double.NaN, RunEvent.Severity.WARNING, log.repaired()),
                    System.currentTimeMillis() / 1000.0);
            return Optional.of(log.repaired());
        }
    }
}
