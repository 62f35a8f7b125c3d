package io.cellbench.daq.influx;

/** Sends a batch of line-protocol lines (joined by line feeds) to a server. */
interface LinePoster extends AutoCloseable {

    PostResult post(String lines);

    /** Where the lines go, for messages (no credentials). */
    String target();

    /** Aborts a POST in progress on another thread (used when closing gives up waiting). */
    void cancel();

    @Override
    void close();
}
