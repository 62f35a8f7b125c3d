package io.cellbench.importers;

/**
 * Where a reader streams what it reads, in file order: {@link #begin} once with the metadata,
 * then rows and impedance points, notes whenever something is noticed, and {@link #end} when
 * the file is done. A reader never holds more than a bounded window of rows, so a sink that
 * writes as it receives keeps an import's memory bounded whatever the file's size.
 */
public interface RecordSink {

    void begin(ImportMetadata metadata);

    void sample(CyclerRecord record);

    /** An impedance point (PEIS/GEIS, FRA). Readers of formats without impedance never call it. */
    default void impedance(ImpedanceRecord point) {
    }

    default void note(ImportNote note) {
    }

    default void end() {
    }
}
