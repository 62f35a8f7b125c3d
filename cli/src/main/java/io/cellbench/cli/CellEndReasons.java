package io.cellbench.cli;

import io.cellbench.daq.run.EventLogReader;
import io.cellbench.daq.run.LoggedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Why each cell's run ended, from events.jsonl: the message of its last RunEnded. A cell
 * that faulted before it had a directory (its instruments would not open) has nothing else.
 */
final class CellEndReasons {

    private CellEndReasons() {
    }

    /** Cell id → the message its run ended with; empty when the run has no event log. */
    static Map<String, String> read(Path runDirectory) throws IOException {
        Map<String, String> reasons = new HashMap<>();
        EventLogReader.readAll(runDirectory, event -> {
            if (event instanceof LoggedEvent.RunEnded e) {
                reasons.put(e.cellId(), e.message());
            }
        });
        return reasons;
    }
}
