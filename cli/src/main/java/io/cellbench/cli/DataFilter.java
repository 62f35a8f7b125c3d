package io.cellbench.cli;

import io.cellbench.daq.run.CycleRange;
import java.util.List;

/**
 * Which rows the {@code data} commands keep: cells (none named: every cell), an inclusive
 * cycle range, and a time range ({@code from} inclusive, {@code to} exclusive).
 */
record DataFilter(List<String> cells, CycleRange cycles, TimeBound from, TimeBound to) {

    DataFilter {
        cells = List.copyOf(cells);
    }

    static DataFilter all() {
        return new DataFilter(List.of(), CycleRange.parse(null), null, null);
    }

    boolean includesCell(String cellId) {
        return cells.isEmpty() || cells.contains(cellId);
    }

    boolean accepts(int cycleCount, double testTimeSecond, double unixTimeSecond) {
        return cycles.contains(cycleCount) && TimeBound.atOrAfter(from, testTimeSecond, unixTimeSecond)
                && TimeBound.before(to, testTimeSecond, unixTimeSecond);
    }

    /** A cycle is kept by its number and by when it started. */
    boolean acceptsCycle(int cycleCount, double startTestTimeSecond, double startUnixTimeSecond) {
        return accepts(cycleCount, startTestTimeSecond, startUnixTimeSecond);
    }

    /** Whether a bound is a calendar time (which needs unix times to compare with). */
    boolean hasCalendarBound() {
        return from instanceof TimeBound.At || to instanceof TimeBound.At;
    }

    Integer firstCycle() {
        return cycles.from() == Integer.MIN_VALUE ? null : cycles.from();
    }

    Integer lastCycle() {
        return cycles.to() == Integer.MAX_VALUE ? null : cycles.to();
    }
}
