package io.cellbench.cli.plot;

/** What colours the impedance spectra. */
enum ColourBy {
    /** Pressure if a cell's spectra were taken at different pressures, else cycle. */
    AUTO,
    CYCLE,
    PRESSURE
}
