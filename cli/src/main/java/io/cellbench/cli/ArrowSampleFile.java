package io.cellbench.cli;

import io.cellbench.cli.format.CountingRowWriter;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleWriter;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One cell's samples as an Arrow IPC stream file with the columns, units and BDF labels of
 * samples.arrows, written a batch at a time. An export can be run again, so batches are
 * left to the operating system rather than forced to disk one by one.
 */
final class ArrowSampleFile extends CountingRowWriter<Sample> {
    static final ArrowWriteOptions EXPORT = ArrowWriteOptions.DEFAULTS.withBatchRows(8_192)
            .withMaxBufferedSeconds(Double.POSITIVE_INFINITY).withFsync(FsyncPolicy.NEVER);
    private final ArrowSampleWriter writer;

    private ArrowSampleFile(ArrowSampleWriter writer) {
        this.writer = writer;
    }

    /** Creates {@code file}, which must not exist. */
    static ArrowSampleFile create(Path file, Map<String, String> metadata, BufferAllocator allocator)
            throws IOException {
        return new ArrowSampleFile(ArrowSampleWriter.create(file, metadata, EXPORT, allocator));
    }

    @Override
    protected void append(Sample sample) throws IOException {
        writer.write(sample);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
