package io.cellbench.daq.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Arrow IPC stream files batch by batch, one batch in memory at a time, tolerating
 * what a crash leaves behind: a torn last batch is skipped with a warning (every complete
 * batch before it is delivered) and reading goes on with the next file.
 */
final class ArrowStreamScan {

    private static final Logger LOG = LoggerFactory.getLogger(ArrowStreamScan.class);

    @FunctionalInterface
    interface BatchConsumer {
        void accept(VectorSchemaRoot batch, Path file) throws IOException;
    }

    private ArrowStreamScan() {
    }

    static ReadReport read(List<Path> files, BufferAllocator parent, BatchConsumer consumer) throws IOException {
        long rows = 0;
        long batches = 0;
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            try (BufferAllocator allocator = parent.newChildAllocator("arrow read " + file, 0, Long.MAX_VALUE);
                 FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 ArrowStreamReader reader = new ArrowStreamReader(channel, allocator, ArrowCompression.readerFactory())) {
                VectorSchemaRoot root;
                try {
                    root = reader.getVectorSchemaRoot();
                } catch (IOException | RuntimeException e) {
                    warn(warnings, file + ": no readable schema (" + reason(e) + "); the file was cut off as it"
                            + " was created, skipped");
                    continue;
                }
                long fileBatches = 0;
                while (true) {
                    long goodBytes = reader.bytesRead();
                    boolean loaded;
                    try {
                        loaded = reader.loadNextBatch();
                    } catch (IOException | RuntimeException e) {
                        warn(warnings, file + ": batch " + (fileBatches + 1) + " is torn (" + reason(e)
                                + "), as a crash leaves it; read the " + fileBatches + " complete batches before it"
                                + " and ignored the " + (channel.size() - goodBytes) + " bytes after byte "
                                + goodBytes);
                        break;
                    }
                    if (!loaded) {
                        if (!Segments.endsWithEndOfStream(file)) {
                            warn(warnings, file + ": no end-of-stream marker (the writer did not close it: a crash,"
                                    + " or it is still being written); read all " + fileBatches + " complete batches");
                        }
                        break;
                    }
                    fileBatches++;
                    rows += root.getRowCount();
                    consumer.accept(root, file);
                }
                batches += fileBatches;
            }
        }
        return new ReadReport(rows, batches, files, warnings);
    }

    private static void warn(List<String> warnings, String message) {
        LOG.warn(message);
        warnings.add(message);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
