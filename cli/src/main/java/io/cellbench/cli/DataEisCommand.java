package io.cellbench.cli;

import io.cellbench.core.UserError;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eis", mixinStandardHelpOptions = true,
        description = {"Print or write the impedance spectra of a run.",
            "Frequency, Z', Z'' (as measured, negative when capacitive), |Z|, phase, with the sweep's",
            "cycle, time and index."},
        footer = {"", "Examples:",
            "  cellbench data eis demo-run --cell coin-60MPa",
            "  cellbench data eis demo-run --cycles 1..1 --format csv > first-spectra.csv",
            "  cellbench data eis demo-run --cell pouch-1MPa --format arrow -o pouch.arrows",
            "  cellbench data eis --influx http://127.0.0.1:8086 --db lab --format json"})
final class DataEisCommand implements Callable<Integer> {
    @Mixin
    DataSourceOptions source;

    @Mixin
    DataFilterOptions filters;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or arrow (one cell, -o FILE) (default: ${DEFAULT-VALUE}).")
    DataFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the console.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (format == DataFormat.BDF) {
            throw new UserError("the Battery Data Format has no impedance columns; use --format csv or arrow");
        }
        DataFilter filter = filters.filter();
        try (BufferAllocator allocator = new RootAllocator();
             DataSource data = source.open(allocator, System.getenv())) {
            if (format == DataFormat.ARROW) {
                DataOutput.arrowImpedance(data, filter, DataOutput.requireOutput(output, format, "an Arrow file"),
                        allocator);
            } else {
                DataOutput.printImpedance(data, filter, format.console(), output);
            }
            DataOutput.printWarnings(data);
        }
        return 0;
    }
}
