package io.cellbench.importers.neware;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Inflates a ZIP member on its own thread, a bounded number of chunks ahead of the reader: an
 * .ndax spends most of its reading time in zlib, and its members (records, run info, aux
 * channels) can be inflated side by side. Memory: at most {@value #CHUNKS} chunks of
 * {@value #CHUNK} bytes per member. A platform thread, since inflating is native code that would
 * pin a virtual thread's carrier anyway.
 */
final class ReadAhead extends InputStream {

    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private final InputStream source;
    private byte[] current = new byte[0];
    private int position;
    private int length;
    private boolean ended;

    ReadAhead(InputStream source, String name) {
        this.source = source;
        this.thread = new Thread(this::fill, "inflate " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void fill() {
        try {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                int got = source.readNBytes(chunk, 0, CHUNK);
                if (got > 0) {
                    put(got == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, got));
                }
                if (got < CHUNK) {
                    put(END);
                    return;
                }
            }
        } catch (IOException e) {
            try {
                put(e);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) throws InterruptedException {
        queue.put(item);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == length) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = queue.poll(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while inflating");
            }
            if (next == null) {
                throw new IOException("inflating stalled for 10 minutes");
            }
            if (next instanceof IOException e) {
                throw e;
            }
            current = (byte[]) next;
            position = 0;
            length = current.length;
            if (current == END) {
                ended = true;
            }
        }
        int n = Math.min(len, length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        queue.clear(); // unblocks a put waiting for room, which then sees the interrupt
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
