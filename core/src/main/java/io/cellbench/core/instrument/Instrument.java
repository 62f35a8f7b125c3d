package io.cellbench.core.instrument;

/** Anything cellbench talks to. Closing releases the transport and leaves the device safe. */
public interface Instrument extends AutoCloseable {
    /** The instrument's name in the lab file (or the simulator's name). */
    String name();

    /** What the device says it is (e.g. the answer to {@code *IDN?}). */
    String identify();

    @Override
    void close();
}
