package io.cellbench.plot;

/** What colours the impedance spectra. */
public enum ColourBy {
    /** Pressure if a cell's spectra were taken at different pressures, else cycle. */
    AUTO,
    CYCLE,
    PRESSURE
}
