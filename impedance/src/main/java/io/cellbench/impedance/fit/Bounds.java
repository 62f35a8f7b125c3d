package io.cellbench.impedance.fit;

/** The interval a fitted parameter must stay in; either end may be infinite. */
public record Bounds(double lower, double upper) {

    public Bounds {
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("bounds need lower < upper, got [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
