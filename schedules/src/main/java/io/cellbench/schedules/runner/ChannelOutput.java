package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;

/**
 * What the channel was last told and whether its output is known to be off: the command a
 * pause gives back on release, whether the cell rests (at open circuit: a rest's, a pause's or
 * a trip's), and whether the instrument has acknowledged that it sources nothing. Owned by the
 * runner thread.
 *
 * <p>A command that changes the level returns the instant it is taken to have acted: the middle
 * of its exchange ({@link #edge}). Charge and step time count from there (docs/runner.md,
 * "Charge at a step edge").
 */
final class ChannelOutput {
    private static final ChannelCommand OPEN_CIRCUIT = new ChannelCommand.OpenCircuit();

    private final CyclerChannel channel;
    private final LabClock clock;
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

    ChannelOutput(CyclerChannel channel, LabClock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * Tells the channel {@code given} (already {@link #commanded}) and returns when it acted:
     * the middle of the exchange ({@link #edge}).
     */
    double send(ChannelCommand given) {
        double sent = clock.nowUnixSeconds();
        channel.apply(given);
        return edge(sent, clock.nowUnixSeconds());
    }

    /**
     * When a command sent at {@code sent} whose exchange returned at {@code returned} acted on
     * the cell: the middle. The instrument acts on the line that changes the level somewhere
     * between the first byte out and the acknowledgement or error check coming back (a 2450's
     * {@code :SOUR:CURR} is the second of its lines from a zero-current rest, {@code :OUTP ON}
     * the last from an open relay; MacNet's one request is acted on as it arrives, its answer
     * about as long): the middle is never further than half the exchange from it, either end
     * up to the whole of it, always to one side.
     */
    static double edge(double sent, double returned) {
        return sent + (returned - sent) / 2;
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

    /**
     * A pause begins: the channel rests at open circuit (a failure to open it ends the run);
     * returns when the rest acted ({@link #edge}).
     */
    double restForPause() {
        resting = true;
        double edge = send(OPEN_CIRCUIT);
        outputOff = true;
        return edge;
    }

    /**
     * A pause ends: the channel gets {@code resumeWith}, the command it had when the pause
     * began; returns when it acted ({@link #edge}).
     */
    double giveBack(ChannelCommand resumeWith) {
        resting = resumeWith instanceof ChannelCommand.OpenCircuit;
        outputOff = false;
        double edge = send(resumeWith);
        outputOff = resting;
        return edge;
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
