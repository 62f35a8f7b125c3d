package io.cellbench.schedules.journal;

/**
 * How a run was started, so that {@code cellbench resume} continues it the same way
 * (DIR/journal/run-mode.json).
 *
 * @param schedule              the schedule file inside the run directory (DIR/inputs/…),
 *                              relative to the run directory, with '/' separators
 * @param simulate              simulated instruments
 * @param speed                 simulated seconds per real second; {@code 0} for as fast as possible
 * @param clockStartUnixSecond  the simulated clock's origin: at a finite speed simulated time
 *                              is {@code origin + (wall − origin)·speed}, across restarts too
 * @param lab                   for a run on real instruments, the lab file inside the run
 *                              directory (DIR/inputs/lab/…), relative to it; {@code null} otherwise
 */
public record RunMode(String schedule, boolean simulate, double speed, double clockStartUnixSecond, String lab) {

    /** A simulated run. */
    public RunMode(String schedule, boolean simulate, double speed, double clockStartUnixSecond) {
        this(schedule, simulate, speed, clockStartUnixSecond, null);
    }
}
