package io.cellbench.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The row filters shared by {@code data raw}, {@code eis} and {@code export}. */
final class DataFilterOptions {
    @Option(names = "--cell", paramLabel = "ID", description = "Only this cell (repeatable).")
    List<String> cells = new ArrayList<>();

    @Option(names = "--cycles", paramLabel = "FROM..TO", description = "Only cycles in this range, e.g. 2..20, 5.. or 7.")
    String cycles;

    @Option(names = "--from", paramLabel = "TIME",
            description = "From this time on (inclusive): test time in seconds (3600) or ISO-8601 (2024-05-01T12:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Up to this time (exclusive): test time in seconds or ISO-8601.")
    String to;

    DataFilter filter() {
        return new DataFilter(cells, CycleRange.parse(cycles),
                TimeBound.parse("--from", from), TimeBound.parse("--to", to));
    }
}
