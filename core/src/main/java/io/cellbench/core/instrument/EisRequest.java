package io.cellbench.core.instrument;

/**
 * One impedance sweep: from {@code startHz} to {@code endHz} (usually high to low), with a
 * sinusoidal amplitude in V (potentiostatic) or A (galvanostatic), logarithmically spaced.
 */
public record EisRequest(Mode mode, double startHz, double endHz, int pointsPerDecade, double amplitude) {

    public enum Mode {
        /** PEIS: AC voltage amplitude in V, at the open-circuit (or held DC) potential. */
        POTENTIOSTATIC,
        /** GEIS: AC current amplitude in A. */
        GALVANOSTATIC
    }

    public EisRequest {
        if (!(startHz > 0) || !(endHz > 0) || pointsPerDecade < 1 || !(amplitude > 0)) {
            throw new IllegalArgumentException("invalid EIS request: " + startHz + " Hz .. " + endHz
                    + " Hz, " + pointsPerDecade + " points per decade, amplitude " + amplitude);
        }
    }

    /** The frequencies of the sweep, in the order they are measured. */
    public double[] frequencies() {
        double decades = Math.abs(Math.log10(endHz / startHz));
        int n = Math.max(1, (int) Math.round(decades * pointsPerDecade)) + 1;
        double[] f = new double[n];
        double step = Math.log10(endHz / startHz) / (n - 1);
        for (int i = 0; i < n; i++) {
            f[i] = startHz * Math.pow(10, step * i);
        }
        return f;
    }
}
