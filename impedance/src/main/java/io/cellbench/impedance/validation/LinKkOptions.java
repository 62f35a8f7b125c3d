package io.cellbench.impedance.validation;

/**
 * Settings of the Lin-KK test.
 *
 * @param cutoff         c of the μ criterion: M grows until μ ≤ c. NaN: no automatic choice, use
 *                       {@code maxElements} RC elements (impedance.py's {@code c=None})
 * @param maxElements    the largest M tried
 * @param fit            which part of Z the model is fitted to
 * @param addCapacitance a series capacitance in the model, for spectra without a low-frequency
 *                       intercept (blocking electrodes, a capacitive tail)
 * @param threshold      the spectrum passes when no residual (real or imaginary, relative to
 *                       |Z|) exceeds this
 * @param muRule         which M with μ ≤ c is taken
 */
public record LinKkOptions(double cutoff, int maxElements, LinKkFit fit, boolean addCapacitance, double threshold,
                           MuRule muRule) {

    /** Which M the μ criterion accepts. */
    public enum MuRule {
        /**
         * The first M with μ ≤ c that fits the spectrum as well as the model can: its rms residual
         * within {@value LinKk#FLOOR_FACTOR}× the lowest of every M so far and the next
         * {@value LinKk#LOOKAHEAD}. μ is not
         * monotonic in M, and an underfitting model can dip below c (impedance.py's Circuit3_EIS_1.z:
         * μ = 0.74 at M = 5 with 29 % residuals, 1.00 at M = 9 with 0.4 %); the criterion is
         * meant for the point where the model starts to fit noise, which it cannot before it fits
         * the data.
         */
        AT_NOISE_FLOOR,
        /** The first M with μ ≤ c: Schönleber et al.'s loop as impedance.py writes it. */
        FIRST_BELOW
    }

    /** Schönleber et al.'s (and impedance.py's) default cutoff. */
    public static final double DEFAULT_CUTOFF = 0.85;
    /**
     * 1.5 %: a valid spectrum with 0.2 % noise leaves at most ~1 % (3σ of the noise, a little more at
     * the ends of the sweep where the model's time constants stop); a cell whose interface
     * resistance drifts by a quarter during the sweep leaves ~3 %.
     */
    public static final double DEFAULT_THRESHOLD = 0.015;

    public LinKkOptions {
        if (maxElements < 1) {
            throw new IllegalArgumentException("Lin-KK needs at least one RC element, got maxElements " + maxElements);
        }
        if (!Double.isNaN(cutoff) && !(cutoff > 0 && cutoff <= 1)) {
            throw new IllegalArgumentException("the μ cutoff c must lie in (0, 1], got " + cutoff);
        }
        if (muRule == null) {
            throw new IllegalArgumentException("the μ rule must be given");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the residual threshold must be > 0, got " + threshold);
        }
    }

    /** c = 0.85 at the noise floor, at most 50 elements, complex fit, no capacitance, 1.5 % threshold. */
    public static LinKkOptions defaults() {
        return new LinKkOptions(DEFAULT_CUTOFF, 50, LinKkFit.COMPLEX, false, DEFAULT_THRESHOLD, MuRule.AT_NOISE_FLOOR);
    }

    /**
     * The defaults, with a series capacitance when the spectrum ends in a capacitive tail
     * ({@link LowFrequencyTail}): what a run and {@code data eis} judge every sweep by.
     */
    public static LinKkOptions forSpectrum(io.cellbench.impedance.MeasuredSpectrum spectrum) {
        return defaults().withCapacitance(LowFrequencyTail.capacitive(spectrum));
    }

    public LinKkOptions withMuRule(MuRule rule) {
        return new LinKkOptions(cutoff, maxElements, fit, addCapacitance, threshold, rule);
    }

    public LinKkOptions withCutoff(double c) {
        return new LinKkOptions(c, maxElements, fit, addCapacitance, threshold, muRule);
    }

    /** A fixed number of RC elements, no μ criterion. */
    public LinKkOptions withElements(int m) {
        return new LinKkOptions(Double.NaN, m, fit, addCapacitance, threshold, muRule);
    }

    public LinKkOptions withFit(LinKkFit value) {
        return new LinKkOptions(cutoff, maxElements, value, addCapacitance, threshold, muRule);
    }

    public LinKkOptions withCapacitance(boolean value) {
        return new LinKkOptions(cutoff, maxElements, fit, value, threshold, muRule);
    }

    public LinKkOptions withThreshold(double value) {
        return new LinKkOptions(cutoff, maxElements, fit, addCapacitance, value, muRule);
    }
}
