package io.cellbench.impedance.table;

import io.cellbench.core.data.Spectrum;

/** A row of an analysis table: it belongs to one sweep, numbered as spectra.arrows numbers it. */
public interface SweepRow {
    int spectrumIndex();

    Spectrum spectrum();
}
