package io.cellbench.cli;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@code data} commands read recorded data: a run directory or an InfluxDB
 * database. Rows are pushed one at a time, as they are read, so nothing is held whole.
 */
sealed interface DataSource extends AutoCloseable permits RunDirectoryData, InfluxSource {

    /** The cells, when the source knows them before reading (a run directory does; InfluxDB is asked per query). */
    Optional<List<String>> cells() throws IOException;

    /** Streams the samples the filter keeps, in time order per cell. */
    void samples(DataFilter filter, CellRows<Sample> rows) throws IOException;

    /**
     * The columns the selected cells' samples have beyond the sample table's: an imported file's
     * aux channels (temperatures, aux voltages ...), every cell's, each once. InfluxDB keeps none.
     */
    default List<io.cellbench.daq.arrow.Column> auxColumns(DataFilter filter) throws IOException {
        return List.of();
    }

    /** Streams the samples the filter keeps with the values of {@code aux} (of {@link #auxColumns}), NaN where a cell has none. */
    default void samples(DataFilter filter, List<io.cellbench.daq.arrow.Column> aux,
                         CellRows<SampleFields.CellSample> rows) throws IOException {
        double[] none = new double[aux.size()];
        java.util.Arrays.fill(none, Double.NaN);
        samples(filter, (cell, s) -> rows.accept(cell, new SampleFields.CellSample(cell, s, none)));
    }

    /** Streams the impedance points the filter keeps, sweep after sweep. */
    void impedance(DataFilter filter, CellRows<ImpedanceRow> rows) throws IOException;

    /** The per-cycle summaries the filter keeps, cell by cell, in cycle order. */
    void cycles(DataFilter filter, CellRows<CycleSummary> rows) throws IOException;

    /** What to put into an exported Arrow file's schema metadata for this cell. */
    Map<String, String> metadata(String cellId) throws IOException;

    /** Problems met while reading that did not stop it (a torn last batch after a crash). */
    List<String> warnings();

    @Override
    void close();
}
