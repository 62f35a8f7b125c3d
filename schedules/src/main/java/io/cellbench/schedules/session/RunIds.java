package io.cellbench.schedules.session;

import java.time.Instant;
import java.util.UUID;

/** The one rule for a fresh run's id. */
final class RunIds {
    private RunIds() {
    }

    /** The start time and a random suffix: "run-2025-03-01T18-00-00Z-1a2b3c4d". */
    static String next(Instant start) {
        return "run-" + start.toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
