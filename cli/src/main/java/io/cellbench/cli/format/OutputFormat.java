package io.cellbench.cli.format;

/** How tabular output is printed. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** Comma-separated, one header row, for spreadsheets and pandas. */
    CSV,
    /** One JSON array of objects, for scripts. */
    JSON
}
