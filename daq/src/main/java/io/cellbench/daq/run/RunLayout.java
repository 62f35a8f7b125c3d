package io.cellbench.daq.run;

import java.nio.file.Path;

/** Where things are in a run directory. See docs/data.md. */
public final class RunLayout {

    public static final String RUN_JSON = "run.json";
    public static final String EVENTS = "events.jsonl";
    public static final String CELLS = "cells";
    /** Base name of the sample segments: samples.arrows, samples-0001.arrows, ... */
    public static final String SAMPLES = "samples";
    /** Base name of the spectrum segments: spectra.arrows, spectra-0001.arrows, ... */
    public static final String SPECTRA = "spectra";

    private RunLayout() {
    }

    public static Path cellDirectory(Path runDirectory, String cellId) {
        return runDirectory.resolve(CELLS).resolve(CellIds.requireValid(cellId));
    }
}
