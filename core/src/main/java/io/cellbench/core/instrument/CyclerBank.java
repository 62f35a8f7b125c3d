package io.cellbench.core.instrument;

/**
 * A multi-channel cycler reached through one connection (a Maccor over MacNet, an Arbin, a
 * BioLogic): each channel is a {@link CyclerChannel} of its own, numbered as the front panel
 * numbers them. Closing the bank puts every channel it handed out at open circuit and closes
 * the connection; closing one channel puts only that channel at rest.
 */
public interface CyclerBank extends Instrument {

    /** How many channels the cycler has (the highest valid channel number). */
    int channelCount();

    /**
     * The channel with this 1-based number. The same number always returns the same object.
     *
     * @throws IllegalArgumentException when there is no such channel
     */
    CyclerChannel channel(int number);
}
