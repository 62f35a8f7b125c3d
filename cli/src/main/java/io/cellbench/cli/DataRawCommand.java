package io.cellbench.cli;

import io.cellbench.core.data.BdfVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "raw", mixinStandardHelpOptions = true,
        description = {"Print or write the recorded samples of a run directory or an InfluxDB database.",
            "Time, voltage, current, counters, capacities, energies, pressure, temperature,",
            "and an imported file's aux channels (aux temperatures, aux voltages ...).",
            "Everything streams, so a run of any length fits."},
        footer = {"", "Examples:",
            "  cellbench data raw demo-run --cell coin-60MPa --cycles 3..3",
            "  cellbench data raw demo-run --from 3600 --to 7200 --format csv > hour2.csv",
            "  cellbench data raw demo-run --cell coin-60MPa --format arrow -o coin.arrows",
            "  cellbench data raw demo-run --format bdf -o bdf/     one file per cell",
            "  cellbench data raw --influx http://127.0.0.1:8086 --db lab --cell A1 \\",
            "      --from 2024-05-01T00:00:00Z",
            "", "--from/--to: a number is test time in seconds; anything else is an ISO-8601",
            "time with a zone, compared with unix time."})
final class DataRawCommand implements Callable<Integer> {
    @Mixin
    DataInput input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json, arrow (one cell, -o FILE) or bdf (-o DIR, a file per cell)"
                    + " (default: ${DEFAULT-VALUE}).")
    DataFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write to this file (table/csv/json/arrow) or directory (bdf) instead of the console.")
    Path output;

    @Override
    public Integer call() throws Exception {
        return input.write(this::write);
    }

    private List<String> write(DataSource data, DataFilter filter, BufferAllocator allocator) throws Exception {
        switch (format) {
            case TABLE, CSV, JSON -> DataOutput.printSamples(data, filter, format.console(), output);
            case ARROW -> DataOutput.arrowSamples(data, filter,
                    DataOutput.requireOutput(output, format, "an Arrow file"), allocator);
            case BDF -> DataOutput.sampleFiles(data, filter, format, BdfVersion.LATEST,
                    DataOutput.requireOutput(output, format, "a file per cell into a directory"), allocator);
        }
        return List.of();
    }
}
