package io.cellbench.importers;

/**
 * A step's kind as the vendor names it ({@code "CC_Chg"}, {@code "CCCV_DChg"}, {@code "Rest"},
 * Maccor's {@code "C"} …), with what it means for the cycle counter.
 */
public record StepType(String vendorName, Direction direction) {

    /** What a step counts as for the cycle rule cellbench uses for its own runs. */
    public enum Direction {
        /** A charge drive (CC, CC-CV, CP, CR charge): after a discharge it starts a new cycle. */
        CHARGE,
        /** A discharge drive. */
        DISCHARGE,
        /** Rest, a voltage hold, a pulse, impedance, a loop marker: moves no counter. */
        NEITHER,
        /** The file does not say (no step type): the repair layer infers it from the current's sign. */
        UNKNOWN
    }

    public static final StepType UNKNOWN = new StepType("", Direction.UNKNOWN);

    public StepType {
        if (vendorName == null || direction == null) {
            throw new IllegalArgumentException("step type needs a name and a direction");
        }
    }
}
