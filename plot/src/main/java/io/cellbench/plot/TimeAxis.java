package io.cellbench.plot;

/**
 * The unit test time is drawn in, chosen from how long the drawn stretch is: seconds up to
 * 10 minutes, minutes up to 5 hours, hours up to 3 days, then days, so the tick labels stay
 * short numbers (a week reads 0–7 d, not 0–604800 s).
 *
 * @param unit    the symbol on the axis title
 * @param seconds seconds per unit
 */
record TimeAxis(String unit, double seconds) {

    static TimeAxis forLength(double seconds) {
        if (seconds <= 600) {
            return new TimeAxis("s", 1);
        }
        if (seconds <= 5 * 3600) {
            return new TimeAxis("min", 60);
        }
        if (seconds <= 3 * 86400) {
            return new TimeAxis("h", 3600);
        }
        return new TimeAxis("d", 86400);
    }

    /** BDF's label for the test time column, in this unit. */
    String title() {
        return "Test Time / " + unit;
    }

    double[] of(double[] seconds) {
        double[] out = new double[seconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = seconds[i] / this.seconds;
        }
        return out;
    }
}
