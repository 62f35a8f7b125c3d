package io.cellbench.daq.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The file channel an Arrow stream is written to, collecting the pieces of a batch (a message
 * header, then each of a batch's buffers and its padding: about a hundred small writes for a
 * sample batch) and writing them with one system call when the batch is whole
 * ({@link #flush}). A write per piece cost about half a millisecond per batch, a fifth of an
 * import's writing (docs/import.md). Pieces larger than the room left go out as they come.
 */
final class BatchChannel implements WritableByteChannel {
    private final FileChannel file;
    private final ByteBuffer pending;

    BatchChannel(FileChannel file, int bytes) {
        this.file = file;
        this.pending = ByteBuffer.allocateDirect(bytes);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!file.isOpen()) {
            throw new ClosedChannelException();
        }
        int n = src.remaining();
        if (n > pending.remaining()) {
            flush();
            if (n > pending.capacity()) {
                while (src.hasRemaining()) {
                    file.write(src);
                }
                return n;
            }
        }
        pending.put(src);
        return n;
    }

    /** Writes what was collected to the file. */
    void flush() throws IOException {
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                file.write(pending);
            }
        } finally {
            pending.clear();
        }
    }

    /** Forgets what was collected and not written: a batch that failed, which the file is cut back before. */
    void discard() {
        pending.clear();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    /** Writes what was collected, then closes the file. */
    @Override
    public void close() throws IOException {
        try (file) {
            if (file.isOpen()) {
                flush();
            }
        }
    }
}
