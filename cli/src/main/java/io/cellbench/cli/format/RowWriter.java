package io.cellbench.cli.format;

import java.io.IOException;

/**
 * Takes rows one at a time and writes them somewhere (the console, a CSV, BDF or Arrow
 * file). Rows are pushed, so a reader that streams (a run directory read batch by batch, an
 * InfluxDB answer read chunk by chunk) never has to hold them all.
 */
public interface RowWriter<R> extends AutoCloseable {

    void write(R row) throws IOException;

    /** Rows written so far. */
    long rows();

    /** Writes what is buffered and the end of the output (a closing bracket, an end-of-stream marker). */
    @Override
    void close() throws IOException;
}
