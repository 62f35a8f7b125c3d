package io.cellbench.cli;

import io.cellbench.cli.format.OutputFormat;
import io.cellbench.cli.format.TablePrinter;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cycles", mixinStandardHelpOptions = true,
        description = "Print the per-cycle summary (capacities, efficiencies, voltages) of a run directory.",
        footer = {"", "Examples:",
            "  cellbench data cycles demo-run",
            "  cellbench data cycles demo-run --cell pouch-5MPa --cycles 2..10 --format json"})
final class DataCyclesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (written by run or demo).")
    Path directory;

    @Option(names = "--cell", paramLabel = "ID", description = "Only this cell (repeatable).")
    List<String> cells = new ArrayList<>();

    @Option(names = "--cycles", paramLabel = "FROM..TO", description = "Only cycles in this range, e.g. 2..20 or 5..")
    String cycles;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        CycleRange range = CycleRange.parse(cycles);
        if (!Files.isDirectory(directory)) {
            throw new UserError("no run directory at " + directory);
        }
        try (RunReader reader = RunReader.open(directory)) {
            List<String> ids = reader.cells();
            for (String c : cells) {
                if (!ids.contains(c)) {
                    throw new UserError("run " + directory + " has no cell '" + c + "'; it has: " + String.join(", ", ids));
                }
            }
            List<CycleColumns.Row> rows = new ArrayList<>();
            for (String id : ids) {
                if (!cells.isEmpty() && !cells.contains(id)) {
                    continue;
                }
                for (CycleSummary c : reader.cycles(id)) {
                    if (range.contains(c.cycleCount())) {
                        rows.add(new CycleColumns.Row(id, c));
                    }
                }
            }
            new TablePrinter<>(CycleColumns.forFormat(format)).print(rows.iterator(), format, System.out);
        }
        return 0;
    }
}
