package io.cellbench.impedance.drt;

/**
 * Gaussian radial basis functions on y = ln τ: φ_m(y) = exp(−(ε(y − y_m))²), one per point of a
 * log-uniform τ grid, and the integrals that turn them into impedance:
 * K_m(ω) = ∫ φ_m(y)/(1 + jω e^y) dy. The integrand is analytic in a strip around the real axis
 * and the Gaussian ends it within ±6/ε, so the trapezoidal rule with step 1/(4ε) is exact to
 * double precision (its error falls like exp(−π²/step)).
 */
final class RbfBasis {

    private static final double HALF_WIDTH = 6;
    private static final int STEPS_PER_WIDTH = 4;

    final double[] centres;
    final double epsilon;
    final double spacing;
    private final double[] nodeGauss;
    private final double[] nodeExp;
    private final double nodeStep;

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

    /** The grid for a sweep from {@code fMinHz} to {@code fMaxHz}. */
    static RbfBasis forSweep(double fMinHz, double fMaxHz, DrtOptions options) {
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

    /** K_m(ω) as {re, im}. */
    void kernel(double omega, int m, double[] out) {
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
