package io.cellbench.impedance.fit;

import java.util.Optional;

/**
 * The bundled circuit for a solid-state cell such as NMC811 | Li6PS5Cl | Li–In, measured from
 * about 1 MHz down to 0.1 Hz:
 * <pre>
 *   L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1
 * </pre>
 * L0 the leads (visible above ~100 kHz), R0 the electrolyte bulk, p(R1,CPE1) the grain-boundary
 * arc (apex ~100 kHz–1 MHz), p(R2,CPE2) the cathode interface (apex ~10 Hz–1 kHz, the one stack
 * pressure moves), W1 solid-state diffusion in the cathode. Nine parameters. Diffusion is a
 * semi-infinite Warburg because at 0.1 Hz a finite one (τ_d ≈ L²/D of hundreds of seconds)
 * has not yet bent over, so its Z0 and τ could not be told apart; a sweep that goes far below
 * 1/τ_d should use Ws1 (or Wo1 against a blocking electrode) instead.
 */
public final class SolidStateCircuit {

    public static final String CIRCUIT = "L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1";
    /** The parameter that is the bulk (ohmic) resistance. */
    public static final String BULK = "R0";
    public static final String GRAIN_BOUNDARY = "R1";
    public static final String INTERFACE = "R2";

    /** R_bulk, R_gb and R_int of a fit, each with its standard error (Ω). */
    public record Resistances(double bulkOhm, double bulkError, double grainBoundaryOhm, double grainBoundaryError,
                              double interfaceOhm, double interfaceError) {

        /** R_bulk + R_gb + R_int: what the first minimum of −Im Z approximates. */
        public double totalOhm() {
            return bulkOhm + grainBoundaryOhm + interfaceOhm;
        }
    }

    private SolidStateCircuit() {
    }

    /** A request for the bundled circuit, modulus weighting, automatic guesses. */
    public static FitRequest request() {
        return FitRequest.of(CIRCUIT);
    }

    /** The three resistances of a fit of the bundled circuit (or any circuit with R0, R1 and R2), else empty. */
    public static Optional<Resistances> resistances(FitResult fit) {
        try {
            FittedParameter bulk = fit.parameter(BULK);
            FittedParameter gb = fit.parameter(GRAIN_BOUNDARY);
            FittedParameter in = fit.parameter(INTERFACE);
            return Optional.of(new Resistances(bulk.value(), bulk.standardError(), gb.value(), gb.standardError(),
                    in.value(), in.standardError()));
        } catch (java.util.NoSuchElementException notThisCircuit) {
            return Optional.empty();
        }
    }
}
