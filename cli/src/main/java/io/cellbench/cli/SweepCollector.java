package io.cellbench.cli;

import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the impedance points a {@link DataSource} streams back into whole sweeps (a sweep's
 * points arrive together, in order), and hands each on once its last point has passed.
 */
final class SweepCollector implements CellRows<ImpedanceRow> {

    /** Receives one whole sweep. */
    @FunctionalInterface
    interface Sweeps {
        void accept(String cellId, int spectrumIndex, Spectrum spectrum) throws IOException;
    }

    private final Sweeps sweeps;
    private final List<ImpedancePoint> points = new ArrayList<>();
    private ImpedanceRow first;

    SweepCollector(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public void accept(String cellId, ImpedanceRow row) throws IOException {
        if (first != null && (!first.cellId().equals(cellId) || first.spectrumIndex() != row.spectrumIndex())) {
            finish();
        }
        if (first == null) {
            first = row;
        }
        points.add(row.point());
    }

    /** Hands on the last sweep; call once after the source has streamed everything. */
    void finish() throws IOException {
        if (first == null) {
            return;
        }
        Spectrum spectrum = new Spectrum(first.testTimeSecond(), first.unixTimeSecond(), first.cycleCount(),
                first.stepCount(), first.stepIndex(), first.appliedPressurePa(), first.ambientTemperatureCelsius(),
                points);
        String cell = first.cellId();
        int index = Math.toIntExact(first.spectrumIndex());
        first = null;
        points.clear();
        sweeps.accept(cell, index, spectrum);
    }
}
