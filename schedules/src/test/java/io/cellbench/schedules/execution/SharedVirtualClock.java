package io.cellbench.schedules.execution;

import io.cellbench.core.time.LabClock;

/**
 * Virtual time that one runner thread moves and a wire simulator's threads read: a
 * {@link io.cellbench.core.time.VirtualClock} whose time is visible across threads.
 */
final class SharedVirtualClock implements LabClock {
    private volatile double now;

    SharedVirtualClock(double startUnixSeconds) {
        this.now = startUnixSeconds;
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
