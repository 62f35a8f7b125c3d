package io.cellbench.cli;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Mixin;

/**
 * What every {@code data} command shares: where the samples come from (a run directory or InfluxDB),
 * which cells, cycles and times to keep, and the order of the work — open the source, write, then the
 * source's warnings (and the command's own after them), so a skipped file is never lost in the output.
 */
final class DataInput {
    @Mixin
    DataSourceOptions source;

    @Mixin
    DataFilterOptions filters;

    /** Writes a command's output from the chosen data. */
    @FunctionalInterface
    interface Output {
        /** Returns the command's own warnings, printed after the source's. */
        List<String> write(DataSource data, DataFilter filter, BufferAllocator allocator) throws Exception;
    }

    int write(Output output) throws Exception {
        DataFilter filter = filters.filter();
        try (BufferAllocator allocator = new RootAllocator();
             DataSource data = source.open(allocator, System.getenv())) {
            List<String> warnings = output.write(data, filter, allocator);
            DataOutput.printWarnings(data);
            warnings.forEach(w -> System.err.println("warning: " + w));
        }
        return 0;
    }
}
