package io.cellbench.schedules.execution;

import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.doubles.ForwardingCyclerChannel;

/**
 * An in-process channel whose reads number {@code from} .. {@code to} (1-based) fail as a
 * timed-out query would. A real peer cannot be made to fail on an exact read, and the
 * soak needs faults at exact, reproducible moments, hence this wrapper.
 */
final class FlakyChannel extends ForwardingCyclerChannel {
    static final String QUERY = "MEAS:VOLT?;CURR?";
    private final long from;
    private final long to;
    private long reads;

    FlakyChannel(CyclerChannel inner, long from, long to) {
        super(inner);
        this.from = from;
        this.to = to;
    }

    @Override
    public ChannelReading read() {
        reads++;
        if (reads >= from && reads <= to) {
            throw new InstrumentException(name(), QUERY, "no answer within 500 ms");
        }
        return inner.read();
    }
}
