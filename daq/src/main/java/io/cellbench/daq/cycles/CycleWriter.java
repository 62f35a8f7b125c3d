package io.cellbench.daq.cycles;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.daq.arrow.ArrowCycleWriter;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one cell's cycle summaries as they complete, twice: {@code cycles.arrows} (Arrow
 * stream, for programs) and {@code cycles.csv} (for people). Both files are current after
 * every cycle. Not thread-safe.
 */
public final class CycleWriter implements AutoCloseable {

    public static final String ARROW_FILE = "cycles.arrows";
    public static final String CSV_FILE = "cycles.csv";

    private final ArrowCycleWriter arrow;
    private final CycleCsvWriter csv;
    private long written;

    private CycleWriter(ArrowCycleWriter arrow, CycleCsvWriter csv) {
        this.arrow = arrow;
        this.csv = csv;
    }

    /** Creates {@code cycles.arrows} and {@code cycles.csv} in {@code cellDir}; neither may exist. */
    public static CycleWriter create(Path cellDir, Map<String, String> runMetadata, ArrowWriteOptions options,
                                     BufferAllocator allocator) throws IOException {
        ArrowCycleWriter arrow = ArrowCycleWriter.create(cellDir.resolve(ARROW_FILE), runMetadata, options, allocator);
        try {
            return new CycleWriter(arrow, CycleCsvWriter.create(cellDir.resolve(CSV_FILE)));
        } catch (IOException | RuntimeException e) {
            try {
                arrow.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public void write(CycleSummary summary) throws IOException {
        arrow.write(summary);
        csv.write(summary);
        written++;
    }

    public long cyclesWritten() {
        return written;
    }

    @Override
    public void close() throws IOException {
        try {
            arrow.close();
        } finally {
            csv.close();
        }
    }
}
