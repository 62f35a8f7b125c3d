package io.cellbench.impedance.drt;

/**
 * Gaussian radial basis functions on y = ln τ: φ_m(y) = exp(−(ε(y − y_m))²), one per point of a
 * log-uniform τ grid, and the integrals that turn them into impedance:
 * K_m(ω) = ∫ φ_m(y)/(1 + jω e^y) dy. The integrand is analytic in a strip around the real axis
 * and the Gaussian ends it within ±6/ε, so the trapezoidal rule with step 1/(4ε) is exact to
 * double precision (its error falls like exp(−π²/step)).
 *
 * <p>A run measures every sweep over the same frequencies, so the grid, the kernels at the sweep's
 * frequencies, the penalty and the Gaussians' values where γ is read depend only on the
 * sweep's frequencies and the options: {@link #forSweep} keeps the last few grids and each grid
 * keeps its kernels for the last frequencies it saw, computed once instead of with every sweep
 * (they were a third of a DRT's time). The values are computed exactly as before, so a DRT is the
 * same to the last bit whether they come from the cache or not. Immutable once built; thread-safe.
 */
final class RbfBasis {

    /** Grids kept: a run's cells usually share one sweep; a few differ. */
    private static final int KEPT = 8;
    private static final java.util.Map<Key, RbfBasis> GRIDS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Key, RbfBasis> eldest) {
                    return size() > KEPT;
                }
            });

    private record Key(double fMinHz, double fMaxHz, int pointsPerDecade, double extendDecades,
                       double fwhmCoefficient) {
    }

    /** The kernels at one sweep's angular frequencies: {re, im} of K_m(ω_i) at [i][2m], [i][2m + 1]. */
    private record Kernels(double[] omegas, double[][] values) {
    }

    private static final double HALF_WIDTH = 6;
    private static final int STEPS_PER_WIDTH = 4;

    final double[] centres;
    final double epsilon;
    final double spacing;
    private final double[] nodeGauss;
    private final double[] nodeExp;
    private final double nodeStep;
    /** The last sweep's kernels (racing threads may each compute them: the values are the same). */
    private volatile Kernels kernels;
    private volatile double[][] penalty;
    private volatile double[][] fineValues;
    private volatile double[][] centreValues;

    private RbfBasis(double[] centres, double spacing, double epsilon) {
        this.centres = centres;
        this.spacing = spacing;
        this.epsilon = epsilon;
        int half = (int) (HALF_WIDTH * STEPS_PER_WIDTH);
        this.nodeStep = 1 / (STEPS_PER_WIDTH * epsilon);
        this.nodeGauss = new double[2 * half + 1];
        this.nodeExp = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            double u = k * nodeStep;
            nodeGauss[k + half] = Math.exp(-(epsilon * u) * (epsilon * u));
            nodeExp[k + half] = Math.exp(u);
        }
    }

    /** The grid for a sweep from {@code fMinHz} to {@code fMaxHz}: the same object for the same sweep and options. */
    static RbfBasis forSweep(double fMinHz, double fMaxHz, DrtOptions options) {
        Key key = new Key(fMinHz, fMaxHz, options.pointsPerDecade(), options.extendDecades(),
                options.fwhmCoefficient());
        RbfBasis kept = GRIDS.get(key);
        if (kept == null) {
            kept = build(fMinHz, fMaxHz, options);
            GRIDS.put(key, kept);
        }
        return kept;
    }

    /** A new grid, not kept (tests compare it with the kept one). */
    static RbfBasis build(double fMinHz, double fMaxHz, DrtOptions options) {
        double spacing = Math.log(10) / options.pointsPerDecade();
        double from = Math.log(1 / (2 * Math.PI * fMaxHz)) - options.extendDecades() * Math.log(10);
        double to = Math.log(1 / (2 * Math.PI * fMinHz)) + options.extendDecades() * Math.log(10);
        int count = (int) Math.ceil((to - from) / spacing - 1e-9) + 1;
        double[] centres = new double[count];
        for (int m = 0; m < count; m++) {
            centres[m] = from + m * spacing;
        }
        // FWHM of exp(−(εu)²) is 2√(ln 2)/ε; pyDRTtools' coefficient sets FWHM = spacing/coefficient
        double fwhm = spacing / options.fwhmCoefficient();
        return new RbfBasis(centres, spacing, 2 * Math.sqrt(Math.log(2)) / fwhm);
    }

    int size() {
        return centres.length;
    }

    double value(int m, double y) {
        double u = epsilon * (y - centres[m]);
        return Math.exp(-u * u);
    }

    /** φ_m''(y) = (4ε⁴u² − 2ε²)·φ_m, u = y − y_m. */
    double secondDerivative(int m, double y) {
        double u = y - centres[m];
        double e2 = epsilon * epsilon;
        return (4 * e2 * e2 * u * u - 2 * e2) * Math.exp(-e2 * u * u);
    }

    /** ∫ φ_m dy = √π/ε: the resistance of a unit coefficient. */
    double area() {
        return Math.sqrt(Math.PI) / epsilon;
    }

    /**
     * K_m(ω_i) for every basis function m and angular frequency ω_i: {re, im} at [i][2m], [i][2m + 1].
     * Kept for the last {@code omegas} asked for; do not change the array returned.
     */
    double[][] kernels(double[] omegas) {
        Kernels last = kernels;
        if (last != null && java.util.Arrays.equals(last.omegas, omegas)) {
            return last.values;
        }
        double[][] values = new double[omegas.length][2 * size()];
        double[] k = new double[2];
        for (int i = 0; i < omegas.length; i++) {
            for (int m = 0; m < size(); m++) {
                kernel(omegas[i], m, k);
                values[i][2 * m] = k[0];
                values[i][2 * m + 1] = k[1];
            }
        }
        kernels = new Kernels(omegas.clone(), values);
        return values;
    }

    /**
     * ∫φ_m''φ_n'' d ln τ at [m][n], by the midpoint rule at twice the grid's density (points
     * y_r = y_1 + rΔ, Δ half the grid spacing, r = 0 … 2K − 2): the penalty ∫(γ'')² d ln τ before
     * the columns' scaling. Do not change the array returned.
     */
    double[][] penalty() {
        double[][] kept = penalty;
        if (kept == null) {
            int count = 2 * size() - 1;
            double dy = spacing / 2;
            double[][] rows = new double[count][size()];
            for (int r = 0; r < count; r++) {
                double y = centres[0] + r * dy;
                for (int m = 0; m < size(); m++) {
                    rows[r][m] = secondDerivative(m, y) * Math.sqrt(dy);
                }
            }
            kept = DrtSystem.transposeTimesItself(rows);
            penalty = kept;
        }
        return kept;
    }

    /** φ_m(y_1 + i·spacing/refine) at [i][m], i = 0 … (K − 1)·refine: where peaks are looked for. */
    double[][] fineValues(int refine) {
        double[][] values = fineValues;
        if (values == null || values.length != (size() - 1) * refine + 1) {
            double step = spacing / refine;
            values = new double[(size() - 1) * refine + 1][];
            for (int i = 0; i < values.length; i++) {
                values[i] = valuesAt(centres[0] + i * step);
            }
            fineValues = values;
        }
        return values;
    }

    /** φ_m(y_k) at [k][m]: γ at the grid's own points. */
    double[][] centreValues() {
        double[][] values = centreValues;
        if (values == null) {
            values = new double[size()][];
            for (int k = 0; k < size(); k++) {
                values[k] = valuesAt(centres[k]);
            }
            centreValues = values;
        }
        return values;
    }

    private double[] valuesAt(double y) {
        double[] out = new double[size()];
        for (int m = 0; m < size(); m++) {
            out[m] = value(m, y);
        }
        return out;
    }

    /** K_m(ω) as {re, im}. */
    private void kernel(double omega, int m, double[] out) {
        double s = omega * Math.exp(centres[m]);
        double re = 0;
        double im = 0;
        for (int k = 0; k < nodeGauss.length; k++) {
            double x = s * nodeExp[k];
            double d = nodeGauss[k] / (1 + x * x);
            re += d;
            im -= d * x;
        }
        out[0] = re * nodeStep;
        out[1] = im * nodeStep;
    }
}
