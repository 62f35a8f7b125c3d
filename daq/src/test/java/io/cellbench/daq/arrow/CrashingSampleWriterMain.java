package io.cellbench.daq.arrow;

import io.cellbench.daq.testing.Samples;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;

/**
 * Run in a child JVM by {@link ArrowCrashTest}: writes samples in batches of 100 as fast as
 * it can, announcing each batch on stdout, until the test kills it with SIGKILL.
 */
public final class CrashingSampleWriterMain {

    private CrashingSampleWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withBatchRows(100).withMaxBufferedSeconds(1e9)
                .withFsync(FsyncPolicy.NEVER);
        RootAllocator allocator = new RootAllocator();
        ArrowSampleWriter writer = ArrowSampleWriter.create(Path.of(args[0]), Map.of(), options, allocator);
        for (int i = 0; ; i++) {
            writer.write(Samples.numbered(i));
            if (writer.rowsBuffered() == 0) {
                System.out.println("batch " + writer.batchesWritten());
                System.out.flush();
            }
        }
    }
}
