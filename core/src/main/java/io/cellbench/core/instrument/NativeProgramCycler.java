package io.cellbench.core.instrument;

/**
 * A cycler whose channels run programs of their own (delegated control), each channel named by
 * an address in the cycler's own scheme (a Neware's devtype-devid-subdevid-chlid, {@code 27-1-1-3}).
 * A lab file names such a channel {@code instrument/address}.
 */
public interface NativeProgramCycler extends Instrument {

    /**
     * The channel at {@code address}.
     *
     * @throws IllegalArgumentException naming the channels the cycler has, when it has no such one
     */
    NativeProgramChannel programChannel(String address);
}
