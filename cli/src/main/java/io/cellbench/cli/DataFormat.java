package io.cellbench.cli;

import io.cellbench.cli.format.OutputFormat;

/** The forms the {@code data} commands write. */
enum DataFormat {
    /** Aligned columns for people (console). */
    TABLE,
    /** Comma-separated with the machine column names. */
    CSV,
    /** One JSON array of objects. */
    JSON,
    /** An Arrow IPC stream file with the run directory's columns, units and labels. */
    ARROW,
    /** Battery Data Format CSV: the BDF preferred labels as header, one file per cell. */
    BDF;

    /** The console form, for the three that have one. */
    OutputFormat console() {
        return switch (this) {
            case TABLE -> OutputFormat.TABLE;
            case CSV -> OutputFormat.CSV;
            case JSON -> OutputFormat.JSON;
            case ARROW, BDF -> throw new IllegalStateException(this + " writes files");
        };
    }
}
