package io.cellbench.core.time;

/**
 * Simulated time for one run: {@link #sleepUntil} jumps forward at once. Not shared between
 * threads that run at different paces — give every simulated channel its own clock.
 */
public final class VirtualClock implements LabClock {
    private double now;

    public VirtualClock(double startUnixSeconds) {
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

    /** Moves time forward by {@code seconds} (a simulated instrument that takes time to work). */
    public void advance(double seconds) {
        if (seconds > 0) {
            now += seconds;
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
