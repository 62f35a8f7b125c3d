package io.cellbench.plot;

import java.util.Set;

/**
 * The unit a recorded quantity is drawn in: its recorded SI unit with the prefix that keeps the
 * largest value between 1 and 1000 (a coin cell's 0.0007 A as 0.7 mA, 60,000,000 Pa of stack
 * pressure as 60 MPa). Units that take no prefix (degC, %, an imported file's own) are drawn as
 * recorded.
 *
 * @param unit   the symbol drawn
 * @param factor what a recorded value is multiplied by
 */
record DisplayUnit(String unit, double factor) {
    private static final Set<String> PREFIXED = Set.of("V", "A", "W", "Pa", "Ohm", "Ah", "Wh");
    private static final String[] PREFIXES = {"M", "k", "", "m", "µ"};
    private static final double[] FACTORS = {1e6, 1e3, 1, 1e-3, 1e-6};

    static DisplayUnit of(String unit, double largestMagnitude) {
        if (unit == null || !PREFIXED.contains(unit) || !(largestMagnitude > 0) || Double.isInfinite(largestMagnitude)) {
            return new DisplayUnit(unit == null ? "" : unit, 1);
        }
        int p = PREFIXES.length - 1;
        for (int i = 0; i < FACTORS.length; i++) {
            if (largestMagnitude >= FACTORS[i]) {
                p = i;
                break;
            }
        }
        return new DisplayUnit(PREFIXES[p] + unit, 1 / FACTORS[p]);
    }

    double[] of(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
