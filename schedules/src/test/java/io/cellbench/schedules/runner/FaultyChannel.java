package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.doubles.ForwardingCyclerChannel;
import java.util.function.Predicate;

/**
 * Wraps a channel and fails on request: reads number {@code failReadFrom} .. {@code
 * failReadTo} (1-based) throw, and so do applies of commands matching {@code failApply}.
 * A real peer cannot be made to fail on an exact read, hence this wrapper.
 */
final class FaultyChannel extends ForwardingCyclerChannel {
    long failReadFrom = Long.MAX_VALUE;
    long failReadTo = Long.MAX_VALUE;
    Predicate<ChannelCommand> failApply = c -> false;
    boolean nanReadings;
    /** Runs before each failure is thrown: a test moves its clock here for a read that waits out its timeout. */
    Runnable beforeFailure = () -> { };
    private long reads;

    FaultyChannel(CyclerChannel inner) {
        super(inner);
    }

    @Override
    public void apply(ChannelCommand command) {
        if (failApply.test(command)) {
            beforeFailure.run();
            throw new InstrumentException(name(), "apply " + command.getClass().getSimpleName(), "no answer within 500 ms");
        }
        inner.apply(command);
    }

    @Override
    public ChannelReading read() {
        reads++;
        if (reads >= failReadFrom && reads <= failReadTo) {
            beforeFailure.run();
            throw new InstrumentException(name(), "MEAS:VOLT?;CURR?", "no answer within 500 ms");
        }
        ChannelReading r = inner.read();
        return nanReadings ? new ChannelReading(Double.NaN, r.currentAmpere(), r.temperatureCelsius()) : r;
    }

    long reads() {
        return reads;
    }

    @Override
    public String name() {
        return "faulty-channel";
    }
}
