package io.cellbench.core.instrument;

/** Z at one frequency. Convention: {@code zImagOhm} is the imaginary part as measured (negative for capacitive). */
public record ImpedancePoint(double frequencyHz, double zRealOhm, double zImagOhm) {

    /** |Z|. */
    public double modulusOhm() {
        return Math.hypot(zRealOhm, zImagOhm);
    }

    /** The phase of Z in degrees, atan2(Z'', Z'): negative for capacitive behaviour. */
    public double phaseDegree() {
        return Math.toDegrees(Math.atan2(zImagOhm, zRealOhm));
    }
}
