package io.cellbench.core.instrument;

/**
 * One data point a cycler recorded while running its own program, as the cycler numbers and
 * measures it. Current is positive while charging; capacity and energy are the step's own
 * (they start from zero at each step), as cyclers record them.
 *
 * @param position       the cycler's record number within the test (1-based)
 * @param step           the program step that was running
 * @param cycle          the cycle counter
 * @param stepType       the cycler's name of the step's kind ("cc", "dc", "rest", …)
 * @param stepTimeSecond time since that step started
 * @param unixSecond     when it was recorded (the cycler's clock), NaN when unknown
 * @param voltageVolt    cell voltage
 * @param currentAmpere  cell current
 * @param capacityAh     capacity moved in the step so far (≥ 0)
 * @param energyWh       energy moved in the step so far (≥ 0)
 */
public record ProgramRecord(long position, int step, int cycle, String stepType, double stepTimeSecond,
                            double unixSecond, double voltageVolt, double currentAmpere, double capacityAh,
                            double energyWh) {
    public ProgramRecord {
        stepType = stepType == null ? "" : stepType;
    }
}
