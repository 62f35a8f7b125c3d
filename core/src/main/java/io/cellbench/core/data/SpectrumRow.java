package io.cellbench.core.data;

import io.cellbench.core.instrument.ImpedancePoint;

/**
 * One row of the spectrum table: one impedance point of a spectrum, with where in the test the
 * spectrum was taken.
 *
 * @param spectrumIndex the spectrum's number in the cell's file (0, 1, 2 …)
 * @param spectrum      the spectrum the point belongs to
 * @param pointIndex    the point's position in {@code spectrum.points()}
 */
public record SpectrumRow(int spectrumIndex, Spectrum spectrum, int pointIndex) {

    public ImpedancePoint point() {
        return spectrum.points().get(pointIndex);
    }
}
