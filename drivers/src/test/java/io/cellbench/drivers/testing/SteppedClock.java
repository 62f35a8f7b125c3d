package io.cellbench.drivers.testing;

import io.cellbench.core.time.LabClock;

/**
 * Simulated time that moves only when a test says so, readable from the simulator's threads
 * (VirtualClock is for one thread). Lets a wire simulator and an in-process twin see exactly
 * the same times.
 */
public final class SteppedClock implements LabClock {
    private volatile double now;

    public SteppedClock(double startUnixSeconds) {
        this.now = startUnixSeconds;
    }

    public void advance(double seconds) {
        now += seconds; // one writer: the test thread
    }

    @Override
    public double nowUnixSeconds() {
        return now;
    }

    @Override
    public void sleepUntil(double unixSeconds) {
        if (unixSeconds > now) {
            now = unixSeconds;
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
