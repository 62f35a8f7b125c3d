package io.cellbench.schedules.lab;

import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.SystemLabClock;

/**
 * The {@code virtual_time:} of a lab file that {@code cellbench virtual-lab --speed N} wrote:
 * its simulators' cells live {@code speed} times as fast as the wall clock, and a run on that
 * lab must live in the same time, or a 10-minute rest would take 10 real minutes while the
 * cell behind the driver lived through 10 hours. Real instruments live in real time: a lab
 * file of real instruments has no such entry.
 *
 * @param speed          lab seconds per wall-clock second
 * @param wallUnixSecond a wall-clock moment (seconds since the epoch)…
 * @param labUnixSecond  …and the simulators' time then
 */
public record VirtualTime(double speed, double wallUnixSecond, double labUnixSecond) {

    /** The bounds of {@code cellbench run --simulate --speed}: the same simulators, the same limits. */
    public static final double MIN_SPEED = 0.01;
    public static final double MAX_SPEED = 1_000_000;

    public VirtualTime {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("virtual time's speed must be between " + MIN_SPEED + " and "
                    + MAX_SPEED + ", got " + speed);
        }
    }

    /** The clock a run on the lab lives in: the simulators' own, here; real time without virtual time. */
    public static LabClock clock(VirtualTime time) {
        return time == null ? new SystemLabClock() : ScaledClock.following(time.speed, time.wallUnixSecond,
                time.labUnixSecond);
    }

    /** Lab seconds per wall second of a lab (1 for real instruments). */
    public static double speed(VirtualTime time) {
        return time == null ? 1 : time.speed;
    }
}
