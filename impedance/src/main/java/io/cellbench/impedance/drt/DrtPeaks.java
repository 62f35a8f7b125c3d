package io.cellbench.impedance.drt;

import java.util.ArrayList;
import java.util.List;

/**
 * Peaks of γ(ln τ) on a grid ten times finer than the basis: local maxima that stand out by 5 %
 * of the highest one from the valleys beside them, each with its area between those valleys
 * (its resistance) and its τ refined by a parabola through the top three points.
 */
final class DrtPeaks {

    private static final int REFINE = 10;
    private static final double MIN_PROMINENCE = 0.05;

    private DrtPeaks() {
    }

    static List<DrtResult.Peak> find(RbfBasis basis, double[] coefficients) {
        double from = basis.centres[0];
        double step = basis.spacing / REFINE;
        int count = (basis.size() - 1) * REFINE + 1;
        double[] g = gamma(basis.fineValues(REFINE), coefficients);
        double highest = 0;
        for (int i = 0; i < count; i++) {
            highest = Math.max(highest, g[i]);
        }
        List<Integer> maxima = new ArrayList<>();
        for (int i = 1; i < count - 1; i++) {
            if (g[i] > g[i - 1] && g[i] >= g[i + 1] && g[i] > MIN_PROMINENCE * highest) {
                maxima.add(i);
            }
        }
        // merge maxima separated by a shallow valley into the taller one
        List<Integer> peaks = new ArrayList<>();
        for (int i : maxima) {
            if (!peaks.isEmpty()) {
                int previous = peaks.getLast();
                double valley = g[argMin(g, previous, i)];
                if (Math.min(g[previous], g[i]) - valley < MIN_PROMINENCE * highest) {
                    if (g[i] > g[previous]) {
                        peaks.set(peaks.size() - 1, i);
                    }
                    continue;
                }
            }
            peaks.add(i);
        }
        List<DrtResult.Peak> out = new ArrayList<>();
        for (int k = 0; k < peaks.size(); k++) {
            int i = peaks.get(k);
            int left = k == 0 ? 0 : argMin(g, peaks.get(k - 1), i);
            int right = k == peaks.size() - 1 ? count - 1 : argMin(g, i, peaks.get(k + 1));
            double area = 0;
            for (int j = left; j < right; j++) {
                area += 0.5 * (g[j] + g[j + 1]) * step;
            }
            double curvature = g[i - 1] - 2 * g[i] + g[i + 1];
            double shift = curvature < 0 ? 0.5 * (g[i - 1] - g[i + 1]) / curvature : 0;
            double tau = Math.exp(from + (i + shift) * step);
            out.add(new DrtResult.Peak(tau, 1 / (2 * Math.PI * tau), g[i], area));
        }
        return out;
    }

    /**
     * γ = Σ x_m φ_m at each point where the basis functions take {@code values} (φ_m at [i][m]),
     * summed over the Gaussians the NNLS kept (x_m not zero), in order. Four points at a time:
     * their sums are independent, so the adder works on four where one sum waited on its latency
     * at every term (the NNLS keeps nearly every Gaussian, and γ on the peaks' fine grid was a
     * tenth of a DRT). Each point's sum has the same terms in the same order as one point's alone,
     * so γ is the same to the last bit.
     */
    static double[] gamma(double[][] values, double[] coefficients) {
        int[] kept = new int[coefficients.length];
        int keptCount = 0;
        for (int m = 0; m < coefficients.length; m++) {
            if (coefficients[m] != 0) {
                kept[keptCount++] = m;
            }
        }
        int count = values.length;
        double[] g = new double[count];
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double[] at0 = values[i];
            double[] at1 = values[i + 1];
            double[] at2 = values[i + 2];
            double[] at3 = values[i + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < keptCount; k++) {
                int m = kept[k];
                double c = coefficients[m];
                s0 += c * at0[m];
                s1 += c * at1[m];
                s2 += c * at2[m];
                s3 += c * at3[m];
            }
            g[i] = s0;
            g[i + 1] = s1;
            g[i + 2] = s2;
            g[i + 3] = s3;
        }
        for (; i < count; i++) {
            double[] at = values[i];
            double sum = 0;
            for (int k = 0; k < keptCount; k++) {
                sum += coefficients[kept[k]] * at[kept[k]];
            }
            g[i] = sum;
        }
        return g;
    }

    private static int argMin(double[] g, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (g[i] < g[best]) {
                best = i;
            }
        }
        return best;
    }
}
