package io.cellbench.cli;

import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.TimeScale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

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
 *
 * <p>A process's clock is not this clock: it is set from the wall clock when the process starts
 * ({@link io.cellbench.schedules.lab.VirtualTime#clock}, from the lab file's wall-clock moment and
 * lab time), this one runs on {@link System#nanoTime} since the test began. They agree until
 * the machine's wall clock steps (a time daemon's correction): a process started after a step of
 * 2.5 s runs 250 lab s ahead of the cells at 100 lab s/s. That happened during two whole-suite
 * runs at once (the processes' log files, created at known {@code nanoTime}s, were born 2.5 s and
 * then 12 s of wall clock later than that says), and every journal of such a process was "after
 * the kill". So each thaw measures how far the process that caused it runs ahead ({@link #ahead}).
 */
final class LabTimeWhileDown implements LabClock, TimeScale {
    private final ScaledClock scale;
    /** Lab seconds the cells have stood still so far, over every interruption. */
    private double stood;
    /** The scaled time when the cells stopped, or NaN while they live. */
    private double stoppedAt = Double.NaN;
    private boolean thawOnRead;
    /** The wall clock, in seconds since the epoch: what a process sets its clock from when it starts. */
    private final DoubleSupplier wall;
    /** See {@link #ahead}. */
    private double ahead;
    /** Whether the next read measures {@link #ahead} (a new process's first request). */
    private boolean measureOnRead = true;

    LabTimeWhileDown(double speed) {
        this(speed, () -> System.currentTimeMillis() / 1000.0);
    }

    /** As {@link #LabTimeWhileDown(double)}, with {@code wall} for the wall clock (a test steps it). */
    LabTimeWhileDown(double speed, DoubleSupplier wall) {
        this.wall = wall;
        this.scale = new ScaledClock(wall.getAsDouble(), speed);
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
        measureOnRead = true;
    }

    /**
     * Lab seconds the clock of the process that runs the cells now runs ahead of {@link
     * #runTimeNow}: 0 unless the wall clock stepped between the test's start and that process's
     * (speed times the step). Measured at its first request to an instrument, when it has set
     * its clock (a step in between goes unseen); less than 1 lab s (10 ms of wall clock at the
     * soak's speed) is the millisecond both sides read the wall clock to, and counts as none.
     * In that process, the cells' time is its clock less {@link #stood} and this.
     */
    synchronized double ahead() {
        return ahead;
    }

    /** Lab seconds the cells' time is behind the clock of the process that runs them: {@link #stood} and {@link #ahead}. */
    synchronized double behind() {
        return stood + ahead;
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
        if (measureOnRead && (Double.isNaN(stoppedAt) || thawOnRead)) {
            double offset = scale.labTimeAt(wall.getAsDouble()) - scale.nowUnixSeconds();
            ahead = Math.abs(offset) < 1 ? 0 : offset;
            measureOnRead = false;
        }
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
