package io.cellbench.cli;

import io.cellbench.cli.format.CountingRowWriter;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleWriter;
import io.cellbench.daq.arrow.Column;
import io.cellbench.importers.bdf.BdfTerms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code data export} of a run whose cells have aux columns (an imported file's aux channels,
 * docs/data.md "Aux columns"): each cell's file gets the sample table's columns, then the cell's
 * own aux columns in their order, with the values samples.arrows holds. The BDF CSV heads a column
 * BDF defines ({@code temperature_t1_celsius}) with BDF's preferred label ("Temperature T1 / degC"),
 * any other with the label samples.arrows gives it (the file's name and unit), or its name when an
 * earlier column has that label already; the plain CSV with
 * the names; the Arrow file has them as samples.arrows has them. A cell without aux columns gets
 * none, even when another cell of the run has some. Rows are read as {@link Sample}s (the copying
 * path of a run without aux columns does not know them).
 */
final class AuxSampleExport {

    private AuxSampleExport() {
    }

    /** The rows of {@code filter}, with the values of {@code aux} (every selected cell's aux columns), into a file per cell. */
    static List<CellFiles.Written> write(DataSource source, DataFilter filter, DataFormat format,
                                         List<DataColumn<Sample>> table, List<Column> aux, Path directory,
                                         BufferAllocator allocator, BdfExport bdf) throws IOException {
        try (CellFiles<SampleFields.CellSample> files = new CellFiles<>(directory, suffix(format), (cell, file) -> {
            List<Column> own = source.auxColumns(DataOutput.only(filter, cell));
            int[] at = own.stream().mapToInt(c -> indexOf(aux, c.name())).toArray();
            return switch (format) {
                case BDF -> ColumnCsvFile.create(file, columns(table, own, at, true), true);
                case CSV -> ColumnCsvFile.create(file, columns(table, own, at, false), false);
                default -> new ArrowFile(ArrowSampleWriter.create(file, source.metadata(cell), own,
                        ArrowSampleFile.EXPORT, allocator), at);
            };
        })) {
            source.samples(filter, aux, (cell, row) -> {
                Sample s = row.sample();
                if (bdf != null) {
                    bdf.sample(cell, s.testTimeSecond(), s.voltageVolt(), s.currentAmpere(), s.appliedPressurePa());
                }
                files.accept(cell, row);
            });
            return files.finish();
        }
    }

    private static String suffix(DataFormat format) {
        return switch (format) {
            case BDF -> ".bdf.csv";
            case CSV -> ".csv";
            default -> ".arrows";
        };
    }

    /**
     * The table's columns, then a column per {@code own} aux column whose value is {@code aux[at[k]]}
     * of the row; with {@code bdfLabels} a BDF term's column is labelled as BDF labels it.
     */
    static List<DataColumn<SampleFields.CellSample>> columns(List<DataColumn<Sample>> table, List<Column> own, int[] at,
                                                             boolean bdfLabels) {
        List<DataColumn<SampleFields.CellSample>> columns = new ArrayList<>();
        for (DataColumn<Sample> c : table) {
            columns.add(DataColumn.of(c.term(), switch (c.kind()) {
                case FLOAT64 -> ColumnValue.float64(r -> c.number(r.sample()));
                case INT32 -> ColumnValue.int32(r -> c.integer(r.sample()));
            }));
        }
        Set<String> headers = new HashSet<>();
        columns.forEach(c -> headers.add(c.label()));
        for (int k = 0; k < own.size(); k++) {
            Column c = own.get(k);
            int index = at[k];
            BdfTerms.Term term = c.bdf() ? BdfTerms.get().terms().get(c.name()) : null;
            String label = bdfLabels && term != null ? term.label() : c.label();
            // two channels the file names alike (a Neware file's AuxID 1 twice) share a label, never
            // a name: one header twice would make a CSV reader rename or drop one of them
            label = headers.add(label) ? label : unique(c.name(), headers);
            columns.add(DataColumn.of(new ColumnTerm(c.name(), c.unit(), label, c.bdf()),
                    ColumnValue.float64(r -> r.aux()[index])));
        }
        return columns;
    }

    /** {@code name}, or (should a label be that already) {@code name_2}, {@code name_3} …, added to {@code headers}. */
    private static String unique(String name, Set<String> headers) {
        String header = name;
        for (int n = 2; !headers.add(header); n++) {
            header = name + "_" + n;
        }
        return header;
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no aux column " + name + " among " + columns);
    }

    /** One cell's samples and its aux values as an Arrow stream file, as samples.arrows has them. */
    private static final class ArrowFile extends CountingRowWriter<SampleFields.CellSample> {
        private final ArrowSampleWriter writer;
        private final int[] at;
        private final double[] values;

        ArrowFile(ArrowSampleWriter writer, int[] at) {
            this.writer = writer;
            this.at = at;
            this.values = new double[at.length];
        }

        @Override
        protected void append(SampleFields.CellSample row) throws IOException {
            for (int k = 0; k < at.length; k++) {
                values[k] = row.aux()[at[k]];
            }
            writer.write(row.sample(), values);
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
