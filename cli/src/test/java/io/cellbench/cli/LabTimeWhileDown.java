package io.cellbench.cli;

import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.TimeScale;
import java.util.concurrent.locks.LockSupport;

/**
 * The time of the soak's virtual lab: scaled time, as the lab file says (a run in another
 * process lives on the same scale), except that the cells' time stands still from the moment a
 * run is killed until the next process speaks to an instrument.
 *
 * <p>Why: a real cycler keeps sourcing while its controlling PC is down, so after a kill a
 * resumed cell is physically somewhere else than in the unfaulted reference run, by whatever
 * the 2-5 s of a JVM's start-up, at the soak's speed several minutes of current, did to it. That
 * is real, but it would drown what the soak compares (the data against an unfaulted run), so the
 * lab holds its breath instead: the cells are where the kill left them, and what differs from
 * the reference is cellbench's own doing. The run's own clock (from the lab file) keeps going,
 * so its test time still counts the downtime, as the docs say it does.
 *
 * <p>Thawing on the next read, not on a signal from the test, makes the hand-over exact: the
 * simulators read the clock only while they answer a request (none has a background thread on
 * the Keithley channels the soak uses), so the first request of the resumed process (its
 * driver opening the instrument) starts the cells' time again, before any command can act.
 */
final class LabTimeWhileDown implements LabClock, TimeScale {
    private final ScaledClock scale;
    /** Lab seconds the cells have stood still so far, over every interruption. */
    private double stood;
    /** The scaled time when the cells stopped, or NaN while they live. */
    private double stoppedAt = Double.NaN;
    private boolean thawOnRead;

    LabTimeWhileDown(double speed) {
        this.scale = new ScaledClock(System.currentTimeMillis() / 1000.0, speed);
    }

    /** Stops the cells' time (the run was just killed); returns the cells' time then. */
    synchronized double stop() {
        if (Double.isNaN(stoppedAt)) {
            stoppedAt = scale.nowUnixSeconds();
            thawOnRead = false;
        }
        return stoppedAt - stood;
    }

    /** From now on the first read starts the cells' time again (a resume is being started). */
    synchronized void goOnAtNextRead() {
        thawOnRead = true;
    }

    /** Lab seconds the cells have stood still so far. */
    synchronized double stood() {
        return stood;
    }

    /** Whether the cells' time stands still now. */
    synchronized boolean stopped() {
        return !Double.isNaN(stoppedAt);
    }

    @Override
    public synchronized double nowUnixSeconds() {
        if (!Double.isNaN(stoppedAt)) {
            if (!thawOnRead) {
                return stoppedAt - stood;
            }
            stood += scale.nowUnixSeconds() - stoppedAt;
            stoppedAt = Double.NaN;
            thawOnRead = false;
        }
        return scale.nowUnixSeconds() - stood;
    }

    @Override
    public void sleepUntil(double unixSeconds) throws InterruptedException {
        while (nowUnixSeconds() < unixSeconds) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    /** The run's time (what the lab file says), not the cells': it does not stand still. */
    @Override
    public double speed() {
        return scale.speed();
    }

    @Override
    public double labTimeAt(double wallUnixSeconds) {
        return scale.labTimeAt(wallUnixSeconds);
    }

    /** The run's time now (the lab file's scale). */
    double runTimeNow() {
        return scale.nowUnixSeconds();
    }
}
