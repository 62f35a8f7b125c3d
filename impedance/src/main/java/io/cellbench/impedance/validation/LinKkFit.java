package io.cellbench.impedance.validation;

/** Which part of the spectrum the Lin-KK model is fitted to (impedance.py's {@code fit_type}). */
public enum LinKkFit {
    /** The real part; the inductance (and capacitance) then from the rest of the imaginary part. */
    REAL,
    /** The imaginary part; the ohmic resistance then from the real part, weighted by 1/|Z|² (Boukamp 1995). */
    IMAG,
    /** Both parts at once (Schönleber et al. 2014, eq. 14). */
    COMPLEX
}
