package io.cellbench.drivers;

import io.cellbench.core.instrument.ChannelLimits;

/**
 * What the instruments a driver makes from one lab file entry may be told, known from the
 * settings alone (nothing connects): {@code validate --lab} and {@code run --lab} hold every
 * cell's protocol against it before the run starts, so a set point the channel would refuse,
 * or a rest it could never end, is found in the file and not days into the run.
 *
 * @param channel what each cycler channel may be told (the same limits its {@code limits()}
 *                returns once open), or null when the driver declares nothing
 */
public record InstrumentLimits(ChannelLimits channel) {
    /** Declares nothing: no check before the run. */
    public static final InstrumentLimits NONE = new InstrumentLimits(null);
}
