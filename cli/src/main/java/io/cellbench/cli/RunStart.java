package io.cellbench.cli;

import java.time.Instant;
import java.util.UUID;

/**
 * When a fresh run starts and the id it is recorded under. A run takes {@link #now()}; a test
 * that compares a run's files across builds gives a fixed one, since both end up in every file.
 */
record RunStart(Instant at, String runId) {

    /** Now, with an id of the start time and a random suffix: "run-2025-03-01T18-00-00Z-1a2b3c4d". */
    static RunStart now() {
        Instant at = Instant.now();
        return new RunStart(at, "run-" + at.toString().replace(':', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    double unixSecond() {
        return at.getEpochSecond() + at.getNano() * 1e-9;
    }
}
