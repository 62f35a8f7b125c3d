package io.cellbench.schedules.runner;

/**
 * The names of the hold sources the runner itself uses. An interlock's hold follows live
 * readings and arms itself again after a restart (the disk-space watch's as well: the new
 * process watches the disk again); every other hold (the operator's pause) is a decision a
 * person made, which the journal keeps across a resume.
 */
public final class HoldSources {
    public static final String PRESSURE_INTERLOCK = "pressure interlock";
    public static final String TEMPERATURE_INTERLOCK = "temperature interlock";
    /** The run directory's file system is nearly full (schedules.alarm.DiskSpaceWatch). */
    public static final String DISK_SPACE = "disk space";

    private HoldSources() {
    }

    /** True for the sources that follow a live condition (interlocks, the disk): their holds are not journaled. */
    public static boolean isInterlock(String source) {
        return PRESSURE_INTERLOCK.equals(source) || TEMPERATURE_INTERLOCK.equals(source) || DISK_SPACE.equals(source);
    }
}
