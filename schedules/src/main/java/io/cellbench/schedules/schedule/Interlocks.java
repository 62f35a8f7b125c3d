package io.cellbench.schedules.schedule;

/**
 * Conditions that pause a cell (through a hold) and let it go on once they have cleared,
 * with hysteresis, as Bluesky's suspenders do. Unlike the protocol's safety window, which
 * ends the run, an interlock only pauses it. Either part may be {@code null} (not watched).
 */
public record Interlocks(Band pressure, Band temperature) {
    public static final Interlocks NONE = new Interlocks(null, null);

    /**
     * A band around a set point: outside {@code setpoint ± tolerance} the cell is held;
     * it is released once the value has stayed within {@code setpoint ± resumeWithin} for
     * {@code settleSecond}. The set point is {@code setpoint} when given, otherwise the one
     * the cell's protocol last set (Set pressure / Set temperature); before that, the
     * interlock is not armed.
     *
     * @param setpoint     Pa or °C; {@code NaN} to follow the protocol's set point
     * @param tolerance    Pa or °C, &gt; 0
     * @param resumeWithin Pa or °C, &gt; 0 and ≤ tolerance
     * @param settleSecond ≥ 0
     */
    public record Band(double setpoint, double tolerance, double resumeWithin, double settleSecond) {
        public Band {
            if (!(tolerance > 0) || !(resumeWithin > 0) || resumeWithin > tolerance || !(settleSecond >= 0)) {
                throw new IllegalArgumentException("an interlock band needs 0 < resume_within <= tolerance and settle >= 0,"
                        + " got tolerance " + tolerance + ", resume_within " + resumeWithin + ", settle " + settleSecond);
            }
        }

        public boolean followsProtocol() {
            return Double.isNaN(setpoint);
        }
    }
}
