package io.cellbench.cli.format;

import java.io.IOException;

/** A {@link RowWriter} that counts its rows itself, so a writer only says how one row is written. */
public abstract class CountingRowWriter<R> implements RowWriter<R> {
    private long rows;

    @Override
    public final void write(R row) throws IOException {
        append(row);
        rows++;
    }

    @Override
    public final long rows() {
        return rows;
    }

    /** Writes (or buffers) one row. */
    protected abstract void append(R row) throws IOException;
}
