package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.NativeProgramChannel;
import java.util.Objects;

/**
 * A cell's channel under delegated control ({@link NativeProgramChannel}), and where cellbench
 * stands in following it: the state a {@link DelegatedRunner} keeps in the run's journal, so
 * that a resumed run re-attaches to the program the cycler kept running and downloads from
 * the record it had reached (see docs/runner.md, "Delegated cells"). The state is written by
 * the runner's thread before each journal write and read by that write; it is restored before
 * the resumed runner starts.
 */
public final class ProgramLink {
    private final NativeProgramChannel channel;
    private volatile double[] state;
    /** The state the last journal write carried: its samples were made durable right after it. */
    private double[] written;
    private double[] restoredBefore;
    private Double dataThrough;

    public ProgramLink(NativeProgramChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    public NativeProgramChannel channel() {
        return channel;
    }

    /**
     * What the journal keeps for the program, called once per journal write: the length of the
     * state now, the state now, then the state the previous write kept (empty before the run
     * followed anything). A process
     * killed between a journal write and the flush of its samples leaves the data at the
     * previous write; a resume then goes on from that one and downloads again what was lost.
     */
    public synchronized double[] saved() {
        double[] s = state;
        if (s == null) {
            return new double[0];
        }
        double[] before = written == null ? new double[0] : written;
        written = s;
        double[] out = new double[1 + s.length + before.length];
        out[0] = s.length; // where the state now ends and the one before begins
        System.arraycopy(s, 0, out, 1, s.length);
        System.arraycopy(before, 0, out, 1 + s.length, before.length);
        return out;
    }

    /**
     * A journal's state ({@link #saved}), given back before a resumed run starts, with the test
     * time up to which the cell's samples are on disk ({@code null}: none).
     */
    public synchronized void restore(double[] saved, Double dataThrough) {
        this.dataThrough = dataThrough;
        if (saved == null || saved.length == 0) {
            state = null;
            restoredBefore = null;
            return;
        }
        int now = (int) saved[0];
        if (now < 1 || 1 + now > saved.length) { // damaged: the resumed run refuses rather than guess
            state = null;
            restoredBefore = null;
            return;
        }
        state = java.util.Arrays.copyOfRange(saved, 1, 1 + now);
        restoredBefore = 1 + now < saved.length ? java.util.Arrays.copyOfRange(saved, 1 + now, saved.length) : null;
        written = state;
    }

    /** The state of the journal write before the last one, as restored; null when there was none. */
    double[] restoredBefore() {
        return restoredBefore;
    }

    /** Test time of the cell's last sample on disk when the run was resumed; null for none. */
    Double dataThrough() {
        return dataThrough;
    }

    double[] state() {
        return state;
    }

    void state(double[] now) {
        state = now;
    }
}
