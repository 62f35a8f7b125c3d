package io.cellbench.core.instrument;

/** Z at one frequency. Convention: {@code zImagOhm} is the imaginary part as measured (negative for capacitive). */
public record ImpedancePoint(double frequencyHz, double zRealOhm, double zImagOhm) {
}
