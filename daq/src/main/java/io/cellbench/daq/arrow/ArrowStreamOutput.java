package io.cellbench.daq.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An Arrow IPC stream being written to a new file: a child allocator, one reused
 * {@link VectorSchemaRoot} and the stream writer. The schema is on disk as soon as the file
 * exists, and every batch goes to the file as soon as it is written, so a crash costs at
 * most the batch being written (stream files need no footer; IPC files do and are
 * unreadable after a crash).
 *
 * <p>A batch that cannot be written (a full disk) is cut off the file again, and nothing more
 * is written to it: the file ends at its last whole batch, as after a crash, and a resume
 * continues in a new segment.
 */
final class ArrowStreamOutput implements AutoCloseable {

    private final Path file;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FileChannel channel;
    /** The channel the writer writes to: it collects a batch's pieces and writes them at once. */
    private final BatchChannel pieces;
    private final ArrowStreamWriter writer;
    private final FsyncPolicy fsync;
    private long batches;
    private boolean closed;
    /**
     * The most a batch's pieces are collected in before they are written: a live run's sample
     * batch (1,024 rows) fits whole, an import's (8,192 rows) goes out in a few writes, and a run
     * of many cells keeps a few MB for all its files.
     */
    private static final int MAX_PIECES_BYTES = 512 << 10;
    /** The length of the file up to the end of its last whole batch (or its schema). */
    private long whole;
    /** Why a write failed, once one has: the file takes nothing more. */
    private IOException broken;

    private ArrowStreamOutput(Path file, BufferAllocator allocator, VectorSchemaRoot root, FileChannel channel,
                              BatchChannel pieces, ArrowStreamWriter writer, FsyncPolicy fsync) {
        this.file = file;
        this.allocator = allocator;
        this.root = root;
        this.channel = channel;
        this.pieces = pieces;
        this.writer = writer;
        this.fsync = fsync;
    }

    /**
     * Creates {@code file} (which must not exist: recorded data is never overwritten) and
     * writes the schema.
     */
    static ArrowStreamOutput create(Path file, Schema schema, ArrowWriteOptions options, BufferAllocator parent,
                                    int rowCapacity) throws IOException {
        BufferAllocator allocator = parent.newChildAllocator("arrow stream " + file, 0, Long.MAX_VALUE);
        VectorSchemaRoot root = null;
        FileChannel channel = null;
        try {
            root = VectorSchemaRoot.create(schema, allocator);
            for (FieldVector vector : root.getFieldVectors()) {
                vector.setInitialCapacity(rowCapacity);
            }
            root.allocateNew();
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(file.toString(), null,
                        "already exists; cellbench never overwrites recorded data (start a new segment instead)");
            }
            // a batch's values (8 bytes and a validity bit each, an offset per string), and its message
            long batchBytes = 9L * Math.max(rowCapacity, 1) * schema.getFields().size() + 4096;
            BatchChannel pieces = new BatchChannel(channel, (int) Math.min(batchBytes, MAX_PIECES_BYTES));
            ArrowStreamWriter writer = new ArrowStreamWriter(root, new DictionaryProvider.MapDictionaryProvider(),
                    pieces, IpcOption.DEFAULT, options.compression().factory(), options.compression().codecType(),
                    Optional.empty());
            writer.start();
            pieces.flush();
            ArrowStreamOutput output = new ArrowStreamOutput(file, allocator, root, channel, pieces, writer,
                    options.fsync());
            output.force();
            output.whole = channel.position();
            return output;
        } catch (IOException | RuntimeException e) {
            try {
                AutoCloseables.close(channel, root, allocator);
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    VectorSchemaRoot root() {
        return root;
    }

    Path file() {
        return file;
    }

    long batches() {
        return batches;
    }

    /** Bytes written to the file so far (schema, batches, and the end marker once closed). */
    long bytesWritten() {
        return writer.bytesWritten();
    }

    /** Writes the first {@code rows} rows of the root as one record batch. */
    void writeBatch(int rows) throws IOException {
        if (broken != null) {
            throw new IOException("an earlier write failed (" + broken.getMessage() + "); the file ends at its last"
                    + " whole batch and takes no more", broken);
        }
        root.setRowCount(rows);
        try {
            writer.writeBatch();
            pieces.flush();
            force();
        } catch (IOException e) {
            broken = e;
            pieces.discard();
            try {
                channel.truncate(whole); // freeing space needs none: a full disk allows it
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        batches++;
        whole = channel.position();
    }

    private void force() throws IOException {
        if (fsync == FsyncPolicy.EVERY_BATCH) {
            channel.force(false);
        }
    }

    /** Writes the end-of-stream marker, forces it per the policy and frees all memory. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (broken != null) {
            // No end marker after a failed write: the file stays as it was cut back, read as after a crash.
            try {
                AutoCloseables.close(channel, root, allocator);
            } catch (Exception e) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            return;
        }
        try {
            writer.end();
            pieces.flush();
            force();
        } finally {
            try {
                AutoCloseables.close(writer, root, allocator);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
