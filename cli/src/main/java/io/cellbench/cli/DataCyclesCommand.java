package io.cellbench.cli;

import io.cellbench.cli.format.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cycles", mixinStandardHelpOptions = true,
        description = {"Print the per-cycle summary of a run directory or an InfluxDB database.",
            "Capacities, energies, efficiencies, mean and end voltages, duration, per cell and cycle."},
        footer = {"", "Examples:",
            "  cellbench data cycles demo-run",
            "  cellbench data cycles demo-run --cell pouch-5MPa --cycles 2..10 --format json",
            "  cellbench data cycles --influx http://127.0.0.1:8086 --db lab --cell A1 --format csv",
            "", "The table shows mAh, mWh, %% and hours; CSV and JSON keep Ah, Wh, fractions and seconds.",
            "A run whose sweeps were fitted (run --fit, demo) adds R_bulk, R_gb and R_int: the fitted",
            "R0, R1 and R2 of the last sweep of each cycle (docs/impedance.md)."})
final class DataCyclesCommand implements Callable<Integer> {
    @Mixin
    DataInput input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the console.")
    Path output;

    @Override
    public Integer call() throws Exception {
        return input.write(this::write);
    }

    private List<String> write(DataSource data, DataFilter filter, BufferAllocator allocator) throws Exception {
        List<String> fitWarnings = new ArrayList<>();
        CycleResistances fits = data instanceof RunDirectoryData run
                ? CycleResistances.read(run.directory(), run.cells().orElseThrow(), allocator, fitWarnings) : null;
        if (fits == null) {
            DataOutput.printCycles(data, filter, format, output);
        } else {
            DataOutput.printCycles(data, filter, format, output, fits.columns(format));
        }
        return fitWarnings;
    }
}
