package io.cellbench.core.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time for one cell, paced to the wall clock: {@link #sleepUntil} moves time to
 * exactly the requested instant, as {@link VirtualClock} does, but first waits until the
 * wall clock, sped up {@code speed} times, has got there.
 * <p>
 * So a simulation at {@code --speed N} can be watched live, and when the computer cannot
 * keep up it runs slower than asked instead of skipping ahead — a skipped-ahead simulated
 * cell would overshoot its cut-offs and trip its safety limits, which a real cell would
 * not. One clock per thread (like {@link VirtualClock}).
 */
public final class PacedClock implements LabClock {
    private final double startUnixSeconds;
    private final long startNanos;
    private final double speed;
    private double now;

    public PacedClock(double startUnixSeconds, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.startUnixSeconds = startUnixSeconds;
        this.startNanos = System.nanoTime();
        this.speed = speed;
        this.now = startUnixSeconds;
    }

    @Override
    public double nowUnixSeconds() {
        return now;
    }

    @Override
    public void sleepUntil(double unixSeconds) throws InterruptedException {
        if (unixSeconds <= now) {
            return;
        }
        long dueNanos = startNanos + (long) ((unixSeconds - startUnixSeconds) / speed * 1e9);
        while (true) {
            long wait = dueNanos - System.nanoTime();
            if (wait <= 0) {
                break;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(Math.min(wait, 1_000_000_000L));
        }
        now = unixSeconds;
    }

    /** Moves time forward by {@code seconds}, paced like {@link #sleepUntil}. */
    public void advance(double seconds) throws InterruptedException {
        sleepUntil(now + seconds);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
