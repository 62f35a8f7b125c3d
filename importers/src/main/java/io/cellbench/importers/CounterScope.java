package io.cellbench.importers;

/** Over what a file's capacity and energy counters accumulate before they restart. */
public enum CounterScope {
    /** Restart at every step (Neware, Maccor). */
    STEP,
    /** Restart at every cycle (BioLogic's Q charge/discharge per half cycle, cellbench before BDF 1.3). */
    CYCLE,
    /** Never restart: totals since the start of the test (BDF 1.3, Arbin's schedule counters). */
    TEST,
    /** The file has no such counters, or does not say (BDF CSV: detected from the values). */
    UNKNOWN
}
