package io.cellbench.daq.influx;

import java.time.Instant;

/**
 * Which points {@link InfluxReader} streams: a run and/or cell (null for any), a cycle range
 * (inclusive, null for open), a time range ({@code from} inclusive, {@code to} exclusive,
 * null for open), and how many points each chunk of the server's answer holds.
 */
public record ReadFilter(String run, String cell, Integer firstCycle, Integer lastCycle, Instant from, Instant to,
                         int chunkSize) {

    public static final int DEFAULT_CHUNK_SIZE = 10_000;

    public ReadFilter {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1");
        }
        if (firstCycle != null && lastCycle != null && firstCycle > lastCycle) {
            throw new IllegalArgumentException("cycle range " + firstCycle + ".." + lastCycle + " is empty");
        }
    }

    public static ReadFilter all() {
        return new ReadFilter(null, null, null, null, null, null, DEFAULT_CHUNK_SIZE);
    }

    public ReadFilter run(String runName) {
        return new ReadFilter(runName, cell, firstCycle, lastCycle, from, to, chunkSize);
    }

    public ReadFilter cell(String cellId) {
        return new ReadFilter(run, cellId, firstCycle, lastCycle, from, to, chunkSize);
    }

    public ReadFilter cycles(Integer first, Integer last) {
        return new ReadFilter(run, cell, first, last, from, to, chunkSize);
    }

    public ReadFilter between(Instant fromInclusive, Instant toExclusive) {
        return new ReadFilter(run, cell, firstCycle, lastCycle, fromInclusive, toExclusive, chunkSize);
    }

    public ReadFilter chunkSize(int points) {
        return new ReadFilter(run, cell, firstCycle, lastCycle, from, to, points);
    }
}
