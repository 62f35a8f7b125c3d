package io.cellbench.importers;

/**
 * Something the import changed or noticed, for the user and for run.json: a repair (never
 * made silently) or a warning about the file.
 *
 * @param kind        a stable id, e.g. {@code time-restarts-each-step}
 * @param message     one sentence a researcher understands, naming what was done
 * @param firstRecord the record index where it was first seen, or -1
 * @param count       how many rows or steps it touched
 */
public record ImportNote(Kind severity, String kind, String message, long firstRecord, long count) {

    public enum Kind { REPAIR, WARNING }

    public static ImportNote repair(String kind, String message, long firstRecord, long count) {
        return new ImportNote(Kind.REPAIR, kind, message, firstRecord, count);
    }

    public static ImportNote warning(String kind, String message, long firstRecord) {
        return new ImportNote(Kind.WARNING, kind, message, firstRecord, 1);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + kind + ": " + message;
    }
}
