package io.cellbench.protocols.model;

/** A closed interval in SI units; either end may be infinite (no limit on that side). */
public record Range(double min, double max) {
    public static final Range UNBOUNDED = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double v) {
        return v >= min && v <= max;
    }

    public boolean isUnbounded() {
        return min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY;
    }
}
