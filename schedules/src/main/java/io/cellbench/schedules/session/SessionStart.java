package io.cellbench.schedules.session;

import io.cellbench.schedules.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Whether a session starts a run afresh or continues one. */
public sealed interface SessionStart {

    /**
     * A new run, started at {@code at} under {@code runId} (both end up in every file: a test
     * that compares a run's files across builds fixes them).
     */
    record Fresh(Instant at, String runId) implements SessionStart {
        /** Now, with a new id. */
        public static Fresh now() {
            Instant at = Instant.now();
            return new Fresh(at, RunIds.next(at));
        }

        double unixSecond() {
            return at.getEpochSecond() + at.getNano() * 1e-9;
        }
    }

    /**
     * An interrupted run going on: the {@code cells} named (the unfinished ones) continue from
     * their journaled {@code positions}, or start when they have none.
     *
     * @param runId                the run's id (run.json)
     * @param startTime            when the run first started (run.json)
     * @param clockStartUnixSecond the simulated clocks' origin (DIR/journal/run-mode.json)
     */
    record Resumed(String runId, Instant startTime, double clockStartUnixSecond, List<String> cells,
                   Map<String, JournalEntry> positions) implements SessionStart {
        public Resumed {
            cells = List.copyOf(cells);
            positions = Map.copyOf(positions);
        }
    }
}
