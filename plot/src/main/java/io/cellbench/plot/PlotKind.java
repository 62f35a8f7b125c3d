package io.cellbench.plot;

/** The plots cellbench draws. */
public enum PlotKind {
    VOLTAGE,
    CAPACITY,
    NYQUIST,
    BODE,
    DQDV,
    DRT,
    RESISTANCE,
    TIME
}
