package io.cellbench.plot;

/** What the fitted resistances are drawn against ({@code plot --kind resistance --against}). */
public enum ResistanceAxis {
    /** The cycle number: each cycle's last fitted sweep, as in the cycle summary. */
    CYCLE,
    /** The stack pressure recorded with each fitted sweep. */
    PRESSURE,
    /** The temperature recorded with each fitted sweep. */
    TEMPERATURE
}
