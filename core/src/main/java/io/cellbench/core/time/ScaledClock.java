package io.cellbench.core.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time that runs {@code speed} times faster than the wall clock: one real second
 * is {@code speed} simulated seconds. Used by {@code cellbench run --simulate --speed N}, so
 * a simulated run can be watched live. Safe to share between threads.
 */
public final class ScaledClock implements LabClock {
    private final double startUnixSeconds;
    private final long startNanos;
    private final double speed;

    public ScaledClock(double startUnixSeconds, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.startUnixSeconds = startUnixSeconds;
        this.startNanos = System.nanoTime();
        this.speed = speed;
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

    public double speed() {
        return speed;
    }
}
