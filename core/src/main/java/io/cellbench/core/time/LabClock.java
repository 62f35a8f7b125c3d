package io.cellbench.core.time;

/**
 * The time a run lives in. The runner and the simulated instruments read it and wait on
 * it, so a simulation can run hours in milliseconds ({@link VirtualClock}) while the same
 * code drives real instruments on {@link SystemLabClock}.
 */
public interface LabClock {

    /** Seconds since the Unix epoch (as in the Battery Data Format's {@code unix_time_second}). */
    double nowUnixSeconds();

    /** Waits until {@code nowUnixSeconds() >= unixSeconds}; returns at once if already past. */
    void sleepUntil(double unixSeconds) throws InterruptedException;

    /** True for a clock that jumps instead of waiting. */
    boolean isVirtual();
}
