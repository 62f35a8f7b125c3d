package io.cellbench.impedance.fit;

import io.cellbench.impedance.MeasuredSpectrum;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person reads off a Nyquist plot before fitting, measured from the spectrum: the
 * high-frequency intercept, any inductance, the arcs (apex frequency, diameter, how depressed),
 * and the low-frequency tail. {@link InitialGuess} turns these into starting values.
 *
 * @param highFrequencyOhm   Re Z where −Im Z first turns positive coming from high frequency
 *                           (the HF intercept), or Re Z at the highest frequency
 * @param inductanceHenry    Im Z/ω at the highest frequency when that point is inductive, else 0
 * @param arcs               from high to low frequency
 * @param lowFrequencyOhm    Re Z at the lowest frequency
 * @param lowestOmega        2π·f at the lowest frequency
 * @param lowFrequencyMinusImOhm −Im Z at the lowest frequency
 * @param warburgCoefficient Aw (Ω·s^−1/2) that explains how −Im Z grows along the tail
 * @param tail               true when −Im Z rises again towards the lowest frequencies
 * @param highestFrequencyHz the top of the sweep
 */
public record SpectrumFeatures(double highestFrequencyHz, double highFrequencyOhm, double inductanceHenry, List<Arc> arcs,
                               double lowFrequencyOhm, double lowestOmega, double lowFrequencyMinusImOhm,
                               double warburgCoefficient, boolean tail) {

    /** A local maximum of −Im Z. {@code depression} is n of a ZARC with the same height-to-width ratio. */
    public record Arc(double apexHz, double diameterOhm, double depression) {

        /** The arc's time constant 1/(2π f_apex). */
        public double tauSecond() {
            return 1 / (2 * Math.PI * apexHz);
        }
    }

    private static final double MIN_PROMINENCE = 0.05;
    private static final double MAX_DEPRESSION = 0.95;

    public SpectrumFeatures {
        arcs = List.copyOf(arcs);
    }

    public static SpectrumFeatures of(MeasuredSpectrum spectrum) {
        MeasuredSpectrum d = spectrum.descending();
        int n = d.size();
        double[] x = new double[n];
        double[] re = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -d.imag(i);
            re[i] = d.real(i);
        }
        double[] smooth = smooth(x);

        double rHf = re[0];
        double inductance = 0;
        if (x[0] < 0) {
            inductance = -x[0] / (2 * Math.PI * d.frequencyHz(0));
            for (int i = 1; i < n; i++) {
                if (x[i] >= 0) {
                    double t = -x[i - 1] / (x[i] - x[i - 1]);
                    rHf = re[i - 1] + t * (re[i] - re[i - 1]);
                    break;
                }
            }
        }

        List<Integer> peaks = peaks(smooth);
        List<Arc> arcs = new ArrayList<>();
        double hfRe = rHf;
        int lastValley = 0;
        for (int k = 0; k < peaks.size(); k++) {
            int peak = peaks.get(k);
            int lfEnd = k + 1 < peaks.size() ? peaks.get(k + 1) : n - 1;
            int valley = argMin(smooth, peak, lfEnd);
            double diameter = re[valley] - hfRe;
            double height = x[peak];
            double ratio = diameter > 0 ? height / diameter : 1;
            // n from the height-to-width ratio of a ZARC, ½·tan(nπ/4); kept below 1 because an arc
            // cut off by the sweep looks too high for its width, and an exponent started on its
            // bound of 1 has no gradient to leave it by
            double depression = Math.min(MAX_DEPRESSION, Math.max(0.5, 4 / Math.PI * Math.atan(2 * Math.min(ratio, 0.5))));
            diameter = Math.max(diameter, 2 * height / Math.tan(depression * Math.PI / 4));
            arcs.add(new Arc(apexFrequency(d, smooth, peak), diameter, depression));
            hfRe = re[valley];
            lastValley = valley;
        }

        double omegaEnd = 2 * Math.PI * d.frequencyHz(n - 1);
        boolean tail = n - 1 - lastValley >= 2 && x[n - 1] > 1.05 * Math.max(x[lastValley], 0);
        double aw;
        if (tail) {
            double omegaValley = 2 * Math.PI * d.frequencyHz(lastValley);
            aw = (x[n - 1] - x[lastValley]) / (1 / Math.sqrt(omegaEnd) - 1 / Math.sqrt(omegaValley));
        } else {
            aw = Math.max(x[n - 1], 1e-3 * Math.abs(re[n - 1])) * Math.sqrt(omegaEnd);
        }
        return new SpectrumFeatures(d.frequencyHz(0), rHf, inductance, arcs, re[n - 1], omegaEnd, x[n - 1], aw, tail);
    }

    /** A 1-2-1 moving average, so one noisy point does not make an arc. */
    private static double[] smooth(double[] x) {
        int n = x.length;
        double[] s = x.clone();
        for (int i = 1; i < n - 1; i++) {
            s[i] = (x[i - 1] + 2 * x[i] + x[i + 1]) / 4;
        }
        return s;
    }

    /** Interior local maxima of −Im Z that stand out from the valleys beside them. */
    private static List<Integer> peaks(double[] s) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < s.length - 1; i++) {
            if (s[i] > 0 && s[i] >= s[i - 1] && s[i] > s[i + 1]) {
                candidates.add(i);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            int i = candidates.get(k);
            int from = k > 0 ? candidates.get(k - 1) : 0;
            int to = k + 1 < candidates.size() ? candidates.get(k + 1) : s.length - 1;
            double left = s[argMin(s, from, i)];
            double right = s[argMin(s, i, to)];
            double prominence = s[i] - Math.max(left, right);
            if (prominence > MIN_PROMINENCE * s[i]) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static int argMin(double[] s, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (s[i] < s[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The apex refined by a parabola through the peak and its neighbours (log f is near linear in the index). */
    private static double apexFrequency(MeasuredSpectrum d, double[] s, int peak) {
        double curvature = s[peak - 1] - 2 * s[peak] + s[peak + 1];
        double delta = curvature < 0 ? 0.5 * (s[peak - 1] - s[peak + 1]) / curvature : 0;
        delta = Math.max(-0.5, Math.min(0.5, delta));
        double logF = Math.log(d.frequencyHz(peak));
        double neighbour = Math.log(d.frequencyHz(delta > 0 ? peak + 1 : peak - 1));
        return Math.exp(logF + Math.abs(delta) * (neighbour - logF));
    }
}
