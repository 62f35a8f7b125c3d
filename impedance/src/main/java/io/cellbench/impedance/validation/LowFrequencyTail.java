package io.cellbench.impedance.validation;

import io.cellbench.impedance.MeasuredSpectrum;

/**
 * Whether a spectrum ends, at its lowest frequencies, in a capacitive tail rather than closing
 * on the real axis: −Im Z still rising as the frequency falls. A battery measured at a steep part
 * of its OCV curve (nearly empty or full) has a chemical capacitance in series, dQ/dV, and its
 * solid-state diffusion is often not resolved within the sweep; both leave such a tail. Lin-KK's
 * RC elements have time constants only up to 1/(2π f_min), so without a series capacitance they
 * cannot follow it, and a linear, stable cell fails the test at its slowest points (residuals of
 * 5–15 % there). Schönleber et al. and impedance.py ({@code add_cap}) add the capacitance for
 * such spectra; it is itself Kramers–Kronig consistent, so drift still fails.
 */
public final class LowFrequencyTail {
    /** The tail is judged over this many decades at the low end of the sweep. */
    static final double DECADES = 1;

    private LowFrequencyTail() {
    }

    /** True when −Im Z at the lowest frequency exceeds −Im Z a decade above it, and is positive. */
    public static boolean capacitive(MeasuredSpectrum spectrum) {
        int lowest = 0;
        for (int i = 1; i < spectrum.size(); i++) {
            if (spectrum.frequencyHz(i) < spectrum.frequencyHz(lowest)) {
                lowest = i;
            }
        }
        double target = spectrum.frequencyHz(lowest) * Math.pow(10, DECADES);
        int above = -1;
        for (int i = 0; i < spectrum.size(); i++) {
            if (i != lowest && (above < 0 || Math.abs(Math.log(spectrum.frequencyHz(i) / target))
                    < Math.abs(Math.log(spectrum.frequencyHz(above) / target)))) {
                above = i;
            }
        }
        if (above < 0 || !(spectrum.frequencyHz(above) > spectrum.frequencyHz(lowest))) {
            return false;
        }
        double low = -spectrum.imag(lowest);
        return low > 0 && low > -spectrum.imag(above);
    }
}
