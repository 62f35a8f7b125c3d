package io.cellbench.core.instrument;

/**
 * One cycler channel under direct control: cellbench sets the source and samples it.
 * Implementations must leave the output in the last commanded state until told otherwise,
 * and go to {@link ChannelCommand.OpenCircuit} on {@link #close()}.
 */
public interface CyclerChannel extends Instrument {

    /** Applies a source setting; takes effect at once. */
    void apply(ChannelCommand command);

    /**
     * Switches the output off and has the instrument confirm it: returns only once the
     * instrument has confirmed that the channel sources nothing, and throws an
     * {@link InstrumentException} otherwise (the link is down, the answer says it is still on).
     * What the runner does to a channel whose cell ended on a fault, and what it keeps doing
     * while that throws. By default the channel is told {@link ChannelCommand.OpenCircuit}:
     * a driver that checks each command's acknowledgement confirms by accepting it. Drivers
     * that can ask the instrument for its output state do so.
     */
    default void switchOff() {
        apply(new ChannelCommand.OpenCircuit());
    }

    /** Measures voltage and current now. */
    ChannelReading read();

    /** The largest |current| this channel can source, in A (for sanity checks of protocols). */
    double maxCurrentAmpere();

    /**
     * What this channel may be told: a driver declares its ranges here and checks every command
     * with {@code limits().require(name(), command)} before sending it. By default only the
     * current range is declared.
     */
    default ChannelLimits limits() {
        return ChannelLimits.currentOnly(maxCurrentAmpere());
    }
}
