package io.cellbench.impedance.fit;

import io.cellbench.impedance.MeasuredSpectrum;

/**
 * How the residuals of a fit are weighted: each residual is divided by a σ before squaring.
 * The usual choice for EIS is {@link #MODULUS}: analysers' errors grow with |Z|, and a spectrum
 * spans decades of |Z|, so without weights the high-impedance end decides everything.
 */
public enum Weighting {
    /** σ = 1 Ω for every point: plain least squares (impedance.py's default). */
    UNIT,
    /** σ = |Z| for the real and the imaginary part (impedance.py's {@code weight_by_modulus=True}). */
    MODULUS,
    /**
     * σ_re = |Z'|, σ_im = |Z''| (Orazem and Tribollet's proportional weighting), each at least
     * 1 % of |Z| so a point where Z'' crosses zero does not get an infinite weight.
     */
    PROPORTIONAL;

    private static final double PROPORTIONAL_FLOOR = 0.01;

    /** σ of the real parts (indices 0 … n−1) then the imaginary parts (n … 2n−1). */
    public double[] sigmas(MeasuredSpectrum spectrum) {
        int n = spectrum.size();
        double[] sigma = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double modulus = spectrum.modulus(i);
            switch (this) {
                case UNIT -> {
                    sigma[i] = 1;
                    sigma[n + i] = 1;
                }
                case MODULUS -> {
                    sigma[i] = modulus;
                    sigma[n + i] = modulus;
                }
                case PROPORTIONAL -> {
                    sigma[i] = Math.max(Math.abs(spectrum.real(i)), PROPORTIONAL_FLOOR * modulus);
                    sigma[n + i] = Math.max(Math.abs(spectrum.imag(i)), PROPORTIONAL_FLOOR * modulus);
                }
            }
        }
        return sigma;
    }
}
