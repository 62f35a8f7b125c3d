package io.cellbench.core.time;

/**
 * Time that runs a fixed number of times as fast as the wall clock, so that another process
 * can keep the same time: a virtual lab's simulators in one process and the run that drives
 * them through the real drivers in another (the lab file carries the scale, see
 * docs/drivers.md, "The lab file").
 */
public interface TimeScale {

    /** Lab seconds per wall-clock second. */
    double speed();

    /** The lab time (seconds since the epoch) at wall-clock time {@code wallUnixSeconds}. */
    double labTimeAt(double wallUnixSeconds);
}
