package io.cellbench.core.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time that runs {@code speed} times faster than the wall clock: one real second
 * is {@code speed} simulated seconds. Used by {@code cellbench run --simulate --speed N}, so
 * a simulated run can be watched live, and by a virtual lab in scaled time. Safe to share
 * between threads.
 */
public final class ScaledClock implements LabClock, TimeScale {
    private final double startUnixSeconds;
    private final long startNanos;
    /** The wall clock when {@link #startNanos} was read: where this clock stands against it. */
    private final double startWallUnixSeconds;
    private final double speed;

    public ScaledClock(double startUnixSeconds, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.startUnixSeconds = startUnixSeconds;
        this.startNanos = System.nanoTime();
        this.startWallUnixSeconds = System.currentTimeMillis() / 1000.0;
        this.speed = speed;
    }

    /**
     * The clock of another process on the same scale: one that read {@code labUnixSeconds} at
     * wall-clock time {@code wallUnixSeconds} and has run {@code speed} times as fast since
     * (to the wall clock's millisecond).
     */
    public static ScaledClock following(double speed, double wallUnixSeconds, double labUnixSeconds) {
        double now = System.currentTimeMillis() / 1000.0;
        return new ScaledClock(labUnixSeconds + (now - wallUnixSeconds) * speed, speed);
    }

    @Override
    public double labTimeAt(double wallUnixSeconds) {
        return startUnixSeconds + (wallUnixSeconds - startWallUnixSeconds) * speed;
    }

    @Override
    public double nowUnixSeconds() {
        return startUnixSeconds + (System.nanoTime() - startNanos) * 1e-9 * speed;
    }

    @Override
    public void sleepUntil(double unixSeconds) throws InterruptedException {
        while (true) {
            double remainingReal = (unixSeconds - nowUnixSeconds()) / speed;
            if (remainingReal <= 0) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos((long) Math.min(remainingReal * 1e9, 1e9));
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    @Override
    public double speed() {
        return speed;
    }
}
