package io.cellbench.cli.plot;

/** The plots cellbench draws. */
enum PlotKind {
    VOLTAGE,
    CAPACITY,
    NYQUIST,
    BODE,
    DQDV
}
