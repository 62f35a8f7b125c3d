package io.cellbench.core.instrument;

import java.util.List;

/** Anything cellbench talks to. Closing releases the transport and leaves the device safe. */
public interface Instrument extends AutoCloseable {
    /** The instrument's name in the lab file (or the simulator's name). */
    String name();

    /** What the device says it is (e.g. the answer to {@code *IDN?}). */
    String identify();

    /**
     * What the driver verified on the device when it connected (identity, command language,
     * firmware, baud rate), warnings included; {@code cellbench probe} prints them. Empty for
     * instruments that verify nothing beyond {@link #identify()}.
     */
    default List<VerifiedFact> verified() {
        return List.of();
    }

    @Override
    void close();
}
