package io.cellbench.protocols.model;

/**
 * When a point is recorded: when time since the last record reaches {@code periodSecond},
 * or |ΔV| reaches {@code deltaVolt}, or |ΔI| reaches {@code deltaAmpere} (any may be
 * infinite to disable it), and always at step start and end. {@code samplePeriodSecond} is
 * how often the runner reads the instrument and checks terminations and limits.
 */
public record LoggingRule(double periodSecond, double deltaVolt, double deltaAmpere, double samplePeriodSecond) {
    public static final LoggingRule DEFAULT = new LoggingRule(10, 0.005, Double.POSITIVE_INFINITY, 1);
}
