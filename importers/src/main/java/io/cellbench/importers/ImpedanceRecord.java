package io.cellbench.importers;

/**
 * One frequency point of an impedance sweep (PEIS/GEIS, a Maccor FRA file). {@code zImagOhm}
 * is the imaginary part as measured, negative for capacitive behaviour (the BDF and cellbench
 * convention; EC-Lab stores −Im(Z), which the reader negates). {@code sweep} numbers the
 * spectra of the file from 1.
 */
public record ImpedanceRecord(
        long recordIndex,
        int sweep,
        double testTimeSecond,
        double unixTimeSecond,
        double frequencyHz,
        double zRealOhm,
        double zImagOhm,
        double voltageVolt,
        double currentAmpere,
        int cycleCount) {

    /** |Z|. */
    public double zModOhm() {
        return Math.hypot(zRealOhm, zImagOhm);
    }

    /** atan2(Z″, Z′) in degrees. */
    public double zPhaseDegree() {
        return Math.toDegrees(Math.atan2(zImagOhm, zRealOhm));
    }
}
