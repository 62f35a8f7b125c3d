package io.cellbench.schedules.examples;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory cell behind an ideal channel: 3.0 V plus 10 Ω times the current, so a test
 * can tell what it was told from what it reads. It declares its limits and checks every
 * command with them before it "sends" anything, as a real driver does before the wire.
 */
public final class ExampleLoadChannel implements CyclerChannel {
    private static final double REST_VOLT = 3.0;
    private static final double OHM = 10;

    private final String name;
    private final ChannelLimits limits;
    /** What reached the "instrument", oldest first. */
    private final List<ChannelCommand> sent = Collections.synchronizedList(new ArrayList<>());
    private volatile ChannelCommand command = new ChannelCommand.OpenCircuit();

    ExampleLoadChannel(String name, ChannelLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    @Override
    public void apply(ChannelCommand c) {
        limits.require(name, c);
        sent.add(c);
        command = c;
    }

    @Override
    public ChannelReading read() {
        double ampere = command instanceof ChannelCommand.Current c ? c.ampere() : 0;
        return new ChannelReading(REST_VOLT + OHM * ampere, ampere, Double.NaN);
    }

    @Override
    public double maxCurrentAmpere() {
        return limits.maxCurrentAmpere();
    }

    @Override
    public ChannelLimits limits() {
        return limits;
    }

    /** The commands that got past the limits. */
    public List<ChannelCommand> sent() {
        return List.copyOf(sent);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String identify() {
        return "example load " + name;
    }

    @Override
    public void close() {
        command = new ChannelCommand.OpenCircuit();
    }
}
