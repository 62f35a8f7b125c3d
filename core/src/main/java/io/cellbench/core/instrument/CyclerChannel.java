package io.cellbench.core.instrument;

/**
 * One cycler channel under direct control: cellbench sets the source and samples it.
 * Implementations must leave the output in the last commanded state until told otherwise,
 * and go to {@link ChannelCommand.OpenCircuit} on {@link #close()}.
 */
public interface CyclerChannel extends Instrument {

    /** Applies a source setting; takes effect at once. */
    void apply(ChannelCommand command);

    /** Measures voltage and current now. */
    ChannelReading read();

    /** The largest |current| this channel can source, in A (for sanity checks of protocols). */
    double maxCurrentAmpere();
}
