package io.cellbench.cli;

import io.cellbench.core.data.BdfVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write each cell's samples to a file of its own in a directory.",
            "<cell>.bdf.csv (Battery Data Format), <cell>.csv or <cell>.arrows.",
            "Streams: a month of 1 s data exports in constant memory."},
        footer = {"", "Examples:",
            "  cellbench data export demo-run -o bdf/",
            "  cellbench data export demo-run --format arrow --cycles 2..20 -o arrow/",
            "  cellbench data export --influx http://127.0.0.1:8086 --db lab --run RUN \\",
            "      -o bdf/"})
final class DataExportCommand implements Callable<Integer> {
    @Mixin
    DataInput input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bdf",
            description = "bdf, csv or arrow (default: ${DEFAULT-VALUE}).")
    DataFormat format;

    @Option(names = "--bdf-version", paramLabel = "VERSION", defaultValue = "1.3.0",
            converter = BdfVersionConverter.class,
            description = {"Battery Data Format release the CSV columns follow: 1.3.0 (default) or 1.2.0,",
                "the names cellbench wrote before 1.3 for readers that have not moved yet."})
    BdfVersion bdfVersion;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "The directory for the files (created if missing; existing files are not overwritten).")
    Path output;

    @Override
    public Integer call() throws Exception {
        return input.write(this::write);
    }

    private List<String> write(DataSource data, DataFilter filter, BufferAllocator allocator) throws Exception {
        DataOutput.sampleFiles(data, filter, format, bdfVersion, output, allocator);
        return List.of();
    }

    /** "1.3", "1.3.0", "1.2" …; anything else is refused with the versions cellbench writes. */
    static final class BdfVersionConverter implements picocli.CommandLine.ITypeConverter<BdfVersion> {
        @Override
        public BdfVersion convert(String value) {
            try {
                return BdfVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
