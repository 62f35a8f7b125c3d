package io.cellbench.cli;

import io.cellbench.core.format.Decimals;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * The rows of a CSV file, turned into text a block at a time on every core, and written in
 * their order. Finding the shortest digits of twenty doubles is most of what an export of a
 * row costs (about a microsecond on one core), while reading the values is a tenth of it: the
 * writing thread collects the values, the formatters (one core fewer than the machine has, at
 * least one) make the text, and the writing thread formats blocks too whenever it would
 * otherwise wait for one. A value equal to its column's previous one in the block (a
 * cycle or step count, a constant current, a constant column) copies that text. At most
 * {@link #IN_FLIGHT} blocks wait at any time, so an export of any length runs in constant
 * memory.
 */
final class CsvBlocks {
    /** Rows per block: small enough that neither array of a block is a humongous object in a 64 MB heap. */
    static final int ROWS = 512;
    /** One core fewer than there are: the writing thread, reading and writing, is busy too. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /** Two blocks per thread that formats (the writing thread too, while it would wait), and one being filled. */
    private static final int IN_FLIGHT = 2 * (THREADS + 1) + 1;
    private static final ExecutorService FORMATTERS = Executors.newFixedThreadPool(THREADS, task -> {
        Thread t = new Thread(task, "cellbench-csv-format");
        t.setDaemon(true); // idle formatters never keep a finished command alive
        return t;
    });
    private static final ThreadLocal<Decimals> DECIMALS = ThreadLocal.withInitial(Decimals::new);

    /** Where a row's values come from, by column index. */
    interface Row {
        int integer(int column);

        double number(int column);
    }

    /** A formatted block: its text, and the arrays to use again. */
    private record Chunk(double[] values, byte[] text, int length) {
    }

    private final OutputStream out;
    private final boolean[] integer;
    private final int longestRow;
    private final ArrayDeque<FutureTask<Chunk>> pending = new ArrayDeque<>();
    private final ArrayDeque<double[]> spareValues = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spareText = new ArrayDeque<>();
    private double[] block;
    private int rows;

    /** @param integer per column, whether it is an int32 column (else float64) */
    CsvBlocks(OutputStream out, boolean[] integer) {
        this.out = out;
        this.integer = integer.clone();
        longestRow = integer.length * (Decimals.MAX_LENGTH + 1) + 1;
    }

    /** Takes the row's values; the text follows. */
    void add(Row row) throws IOException {
        if (block == null) {
            block = spareValues.isEmpty() ? new double[ROWS * integer.length] : spareValues.pop();
        }
        int base = rows * integer.length;
        for (int i = 0; i < integer.length; i++) {
            // an int32 is exact in a double
            block[base + i] = integer[i] ? row.integer(i) : row.number(i);
        }
        if (++rows == ROWS) {
            submit();
        }
    }

    /** Writes every row taken so far, in order. */
    void finish() throws IOException {
        if (rows > 0) {
            submit();
        }
        while (!pending.isEmpty()) {
            writeFirst();
        }
    }

    private void submit() throws IOException {
        double[] values = block;
        int count = rows;
        byte[] text = spareText.isEmpty() ? new byte[ROWS * 400] : spareText.pop();
        FutureTask<Chunk> task = new FutureTask<>(() -> format(values, count, text));
        FORMATTERS.execute(task);
        pending.add(task);
        block = null;
        rows = 0;
        while (pending.size() >= IN_FLIGHT) {
            writeFirst();
        }
    }

    private void writeFirst() throws IOException {
        FutureTask<Chunk> first = pending.peek();
        // Rather than wait, the writing thread formats the newest blocks no formatter has taken
        // (a task runs once: a formatter that reaches it later skips it), so the export uses
        // every core, its own too, without a formatter more than the machine has cores.
        for (var newest = pending.descendingIterator(); !first.isDone() && newest.hasNext(); ) {
            newest.next().run();
        }
        Chunk chunk;
        try {
            chunk = first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a CSV file");
        } catch (ExecutionException e) {
            throw new IllegalStateException("formatting CSV rows failed", e.getCause());
        }
        pending.poll();
        out.write(chunk.text(), 0, chunk.length());
        spareValues.push(chunk.values());
        spareText.push(chunk.text());
    }

    /** The text of {@code count} rows of {@code values}; runs on a formatter. */
    private Chunk format(double[] values, int count, byte[] text) {
        Decimals decimals = DECIMALS.get();
        int columns = integer.length;
        // each column's previous value and where its text is in this block: a value that
        // repeats (a cycle or step count, a constant current, a constant column) is copied
        long[] previous = new long[columns];
        int[] previousStart = new int[columns];
        int[] previousLength = new int[columns];
        Arrays.fill(previousLength, -1);
        int at = 0;
        for (int r = 0; r < count; r++) {
            if (at + longestRow > text.length) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, at + longestRow));
            }
            int base = r * columns;
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    text[at++] = ',';
                }
                double v = values[base + i];
                long bits = Double.doubleToRawLongBits(v);
                int length = previousLength[i];
                if (length >= 0 && bits == previous[i]) {
                    System.arraycopy(text, previousStart[i], text, at, length);
                    at += length;
                    continue;
                }
                int start = at;
                if (integer[i]) {
                    int n = (int) v;
                    if (n < 0) {
                        text[at++] = '-';
                    }
                    at = Decimals.digits(Math.abs((long) n), text, at);
                } else if (!Double.isNaN(v)) { // no measurement is an empty field
                    at = decimals.write(v, text, at);
                }
                previous[i] = bits;
                previousStart[i] = start;
                previousLength[i] = at - start;
            }
            text[at++] = '\n';
        }
        return new Chunk(values, text, at);
    }
}
