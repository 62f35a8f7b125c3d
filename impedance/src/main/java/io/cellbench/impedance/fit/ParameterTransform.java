package io.cellbench.impedance.fit;

/**
 * Maps one bounded parameter p to an unbounded one u that Levenberg–Marquardt moves freely, so
 * every trial point obeys the bounds without clipping (clipping stalls LM on a face of the
 * box). The maps:
 * <ul>
 *   <li>[lo, ∞): p = lo + e^u, so a resistance or a capacitance moves by factors, as it
 *       should across decades;</li>
 *   <li>(−∞, hi]: p = hi − e^u;</li>
 *   <li>[lo, hi] with 0 &lt; lo and hi/lo &gt; 100: log p = log lo + (log hi − log lo)·s(u),
 *       s the logistic function (a scale parameter in a wide box);</li>
 *   <li>[lo, hi] otherwise: p = lo + (hi − lo)·s(u) (an exponent in [0, 1]);</li>
 *   <li>(−∞, ∞): p = u.</li>
 * </ul>
 * The optimum in u is the optimum in p; the standard errors are computed in p (see
 * {@link CircuitFitter}).
 */
record ParameterTransform(double lower, double upper) {

    private static final double WIDE = 100;
    private static final double MAX_BOX_U = 6;

    private enum Kind { LOWER, UPPER, LOG_BOX, BOX, FREE }

    private Kind kind() {
        boolean lo = Double.isFinite(lower);
        boolean hi = Double.isFinite(upper);
        if (lo && hi) {
            return lower > 0 && upper / lower > WIDE ? Kind.LOG_BOX : Kind.BOX;
        }
        return lo ? Kind.LOWER : hi ? Kind.UPPER : Kind.FREE;
    }

    /**
     * u for a value p; a p on or outside a bound is first moved just inside it. In a box, u is
     * kept within ±{@value #MAX_BOX_U} (p within 0.25 % of the box's width from an end): further
     * out the logistic is so flat that the optimiser could not move the parameter back.
     */
    double toInternal(double p) {
        double inside = inside(p);
        return switch (kind()) {
            case LOWER -> Math.log(inside - lower);
            case UPPER -> Math.log(upper - inside);
            case LOG_BOX -> clampBox(logit((Math.log(inside) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))));
            case BOX -> clampBox(logit((inside - lower) / (upper - lower)));
            case FREE -> inside;
        };
    }

    private static double clampBox(double u) {
        return Math.max(-MAX_BOX_U, Math.min(MAX_BOX_U, u));
    }

    double toExternal(double u) {
        return switch (kind()) {
            case LOWER -> lower + Math.exp(u);
            case UPPER -> upper - Math.exp(u);
            case LOG_BOX -> Math.exp(Math.log(lower) + (Math.log(upper) - Math.log(lower)) * logistic(u));
            case BOX -> lower + (upper - lower) * logistic(u);
            case FREE -> u;
        };
    }

    /** dp/du at u. */
    double derivative(double u) {
        return switch (kind()) {
            case LOWER -> Math.exp(u);
            case UPPER -> -Math.exp(u);
            case LOG_BOX -> {
                double s = logistic(u);
                yield toExternal(u) * (Math.log(upper) - Math.log(lower)) * s * (1 - s);
            }
            case BOX -> {
                double s = logistic(u);
                yield (upper - lower) * s * (1 - s);
            }
            case FREE -> 1;
        };
    }

    /** The value moved strictly inside the bounds, by a margin relative to its scale. */
    double inside(double p) {
        double scale = Math.max(Math.abs(p), Double.isFinite(upper - lower) ? (upper - lower) * 1e-6 : 1e-12);
        double margin = 1e-6 * scale;
        if (Double.isFinite(lower) && Double.isFinite(upper)) {
            margin = Math.min(margin, (upper - lower) * 1e-6);
        }
        double value = p;
        if (Double.isFinite(lower) && !(value > lower)) {
            value = lower + Math.max(margin, Math.abs(lower) * 1e-9 + 1e-300);
        }
        if (Double.isFinite(upper) && !(value < upper)) {
            value = upper - Math.max(margin, Math.abs(upper) * 1e-9 + 1e-300);
        }
        return value;
    }

    private static double logistic(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    private static double logit(double s) {
        return Math.log(s / (1 - s));
    }
}
