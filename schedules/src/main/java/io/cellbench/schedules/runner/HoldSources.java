package io.cellbench.schedules.runner;

/**
 * The names of the hold sources the runner itself uses. An interlock's hold follows live
 * readings and arms itself again after a restart; every other hold (the operator's pause)
 * is a decision a person made, which the journal keeps across a resume.
 */
public final class HoldSources {
    public static final String PRESSURE_INTERLOCK = "pressure interlock";
    public static final String TEMPERATURE_INTERLOCK = "temperature interlock";

    private HoldSources() {
    }

    /** True for the interlocks' sources: their holds are not journaled. */
    public static boolean isInterlock(String source) {
        return PRESSURE_INTERLOCK.equals(source) || TEMPERATURE_INTERLOCK.equals(source);
    }
}
