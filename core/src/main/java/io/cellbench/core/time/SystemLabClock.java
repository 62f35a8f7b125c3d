package io.cellbench.core.time;

import java.util.concurrent.locks.LockSupport;

/** Wall-clock time. Waits park the thread, so virtual threads are fine here. */
public final class SystemLabClock implements LabClock {

    @Override
    public double nowUnixSeconds() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() + now.getNano() * 1e-9;
    }

    @Override
    public void sleepUntil(double unixSeconds) throws InterruptedException {
        while (true) {
            double remaining = unixSeconds - nowUnixSeconds();
            if (remaining <= 0) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos((long) Math.min(remaining * 1e9, 1e9));
        }
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
