package io.cellbench.schedules.runner;

/**
 * When an interlock pauses a cell and when it lets it go on (hysteresis): outside {@code
 * setpoint ± tolerance} the cell is held; it is released once the value has stayed within
 * {@code setpoint ± resumeWithin} for {@code settleSecond}. With {@code setpoint} NaN the
 * set point is the one the protocol last set (Set pressure / Set temperature), and the
 * interlock is not armed before the protocol sets one.
 *
 * @param setpoint     Pa or °C, or NaN to follow the protocol
 * @param tolerance    Pa or °C
 * @param resumeWithin Pa or °C, at most {@code tolerance}
 * @param settleSecond how long the value must stay in the resume band
 */
public record InterlockRule(double setpoint, double tolerance, double resumeWithin, double settleSecond) {
    public InterlockRule {
        if (!(tolerance > 0) || !(resumeWithin > 0) || resumeWithin > tolerance || !(settleSecond >= 0)) {
            throw new IllegalArgumentException("an interlock needs 0 < resumeWithin <= tolerance and settle >= 0, got "
                    + tolerance + ", " + resumeWithin + ", " + settleSecond);
        }
    }
}
