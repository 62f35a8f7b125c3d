package io.cellbench.cli;

import io.cellbench.schedules.session.SessionStart;
import java.time.Instant;

/**
 * When a fresh demo starts and the id it is recorded under; on the command line always now
 * ({@link SessionStart.Fresh#now()}). A test that compares a run's files across builds gives a
 * fixed one, since both end up in every file.
 */
record RunStart(Instant at, String runId) {

    SessionStart.Fresh fresh() {
        return new SessionStart.Fresh(at, runId);
    }
}
