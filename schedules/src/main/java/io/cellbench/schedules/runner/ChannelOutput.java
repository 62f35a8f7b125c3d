package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.CyclerChannel;

/**
 * What the channel was last told and whether its output is known to be off: the command a
 * pause gives back on release, whether the cell rests (at open circuit: a rest's, a pause's or
 * a trip's), and whether the instrument has acknowledged that it sources nothing. Owned by the
 * runner thread.
 */
final class ChannelOutput {
    private static final ChannelCommand OPEN_CIRCUIT = new ChannelCommand.OpenCircuit();

    private final CyclerChannel channel;
    /** The command the channel was last given: what a pause gives back on release. */
    private ChannelCommand command = OPEN_CIRCUIT;
    /** Whether the channel is at open circuit now (the step's rest, or a pause's). */
    private boolean resting = true;
    /**
     * Whether the instrument has acknowledged that it sources nothing: an open circuit or a
     * switch-off it accepted, and no command since. A command that failed may have reached it,
     * so the flag drops before each command is sent.
     */
    private boolean outputOff = true;

    ChannelOutput(CyclerChannel channel) {
        this.channel = channel;
    }

    /** The channel was given {@code given}: what a pause gives back on release. */
    void commanded(ChannelCommand given) {
        command = given;
        resting = given instanceof ChannelCommand.OpenCircuit;
        if (!resting) {
            outputOff = false;
        }
    }

    /** The channel accepted the command last given to {@link #commanded}. */
    void acknowledged() {
        outputOff = resting;
    }

    /** A pause begins: the channel rests at open circuit (a failure to open it ends the run). */
    void restForPause() {
        resting = true;
        channel.apply(new ChannelCommand.OpenCircuit());
        outputOff = true;
    }

    /** A pause ends: the channel gets {@code resumeWith}, the command it had when the pause began. */
    void giveBack(ChannelCommand resumeWith) {
        resting = resumeWith instanceof ChannelCommand.OpenCircuit;
        outputOff = false;
        channel.apply(resumeWith);
        outputOff = resting;
    }

    /** Opens the circuit as part of a trip; returns why it failed, or {@code null}. */
    String openCircuit() {
        return makeSafe(false);
    }

    /**
     * Opens the circuit ({@code confirmOff}: switches the output off and has the instrument
     * confirm it, as after a fault); returns why it failed, or {@code null}.
     */
    String makeSafe(boolean confirmOff) {
        try {
            resting = true;
            if (confirmOff) {
                channel.switchOff();
            } else {
                channel.apply(new ChannelCommand.OpenCircuit());
            }
            outputOff = true;
            return null;
        } catch (RuntimeException e) {
            return "the channel could not be opened: " + e.getMessage();
        }
    }

    /** The command the channel was last given. */
    ChannelCommand command() {
        return command;
    }

    boolean resting() {
        return resting;
    }

    /** Whether the instrument has acknowledged that it sources nothing (see {@link #outputOff}). */
    boolean outputOff() {
        return outputOff;
    }
}
