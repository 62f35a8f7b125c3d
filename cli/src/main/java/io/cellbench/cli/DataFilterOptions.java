package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.CycleRange;
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
        TimeBound start = TimeBound.parse("--from", from);
        TimeBound end = TimeBound.parse("--to", to);
        // a window that selects nothing would print nothing and succeed: say why instead
        if (start instanceof TimeBound.TestTime a && end instanceof TimeBound.TestTime b && !(a.seconds() < b.seconds())
                || start instanceof TimeBound.At a2 && end instanceof TimeBound.At b2 && !a2.instant().isBefore(b2.instant())) {
            throw new UserError("--from " + from + " --to " + to + " selects nothing: --to must be later than --from"
                    + " (it is exclusive)");
        }
        return new DataFilter(cells, CycleRange.parse(cycles), start, end);
    }
}
