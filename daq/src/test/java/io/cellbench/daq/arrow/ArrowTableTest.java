package io.cellbench.daq.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.daq.testing.ArrowFilesTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generic table writer and reader on tables other than cellbench's three: a renamed column
 * is still read from files that carry its old name (an alias, as BDF 1.3's renames will need), a
 * column a file lacks reads as NaN or 0, and a table whose columns are not an enum (issue 16's
 * fitted parameters, one column per parameter) writes and reads the same way.
 */
class ArrowTableTest extends ArrowFilesTest {
    private static final ArrowWriteOptions OPTIONS = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER);

    record Reading(double volt, int step) {
    }

    /** The table as it was first written. */
    enum Before implements DataColumn<Reading> {
        VOLT(ColumnTerm.own("volt_before", "V", "Volt / V"), ColumnValue.float64(Reading::volt)),
        STEP(ColumnTerm.own("step", "1", "Step / 1"), ColumnValue.int32(Reading::step));

        private final Definition<Reading> definition;

        Before(ColumnTerm term, ColumnValue<Reading> value) {
            definition = new Definition<>(term, value);
        }

        @Override
        public Definition<Reading> definition() {
            return definition;
        }
    }

    /** The same table after a release renamed the voltage column and added one. */
    enum After implements DataColumn<Reading> {
        VOLT(ColumnTerm.own("volt_after", "V", "Volt / V").alsoKnownAs("volt_before"),
                ColumnValue.float64(Reading::volt)),
        STEP(ColumnTerm.own("step", "1", "Step / 1"), ColumnValue.int32(Reading::step)),
        ADDED_NUMBER(ColumnTerm.own("added", "1", "Added / 1"), ColumnValue.float64(r -> 1.0)),
        ADDED_COUNT(ColumnTerm.own("added_count", "1", "Added Count / 1"), ColumnValue.int32(r -> 1));

        private final Definition<Reading> definition;

        After(ColumnTerm term, ColumnValue<Reading> value) {
            definition = new Definition<>(term, value);
        }

        @Override
        public Definition<Reading> definition() {
            return definition;
        }
    }

    @Test
    void aRenamedColumnIsReadUnderItsOldNameAndAMissingOneAsNothing() throws IOException {
        Path file = dir.resolve("t.arrows");
        try (ArrowTableWriter<Reading> w = ArrowTableWriter.create(file, List.of(Before.values()), Map.of(), OPTIONS,
                allocator, 2)) {
            w.add(new Reading(3.7, 1));
            w.add(new Reading(Double.NaN, 2));
            w.add(new Reading(4.1, 3)); // beyond the room asked for: the vectors grow
            w.writeBatch();
            assertEquals(3, w.rowsWritten());
        }
        List<String> rows = new ArrayList<>();
        ArrowTableReader.read(List.of(file), allocator, List.of(After.values()), row -> rows.add(
                row.number(After.VOLT) + " " + row.integer(After.STEP) + " " + row.number(After.ADDED_NUMBER) + " "
                        + row.integer(After.ADDED_COUNT)));
        assertEquals(List.of("3.7 1 NaN 0", "NaN 2 NaN 0", "4.1 3 NaN 0"), rows);
    }

    @Test
    void rowsWrittenStraightToMemoryReadBackThroughGrowthNullsAndExtraColumns() throws IOException {
        // the writer writes below its vectors' capacity straight into their memory: a batch many times
        // the room asked for (every growth moves the buffers), a null where the batch before had a
        // value (and back), and extra columns (an import's aux channels) must all read back as written
        Path file = dir.resolve("many.arrows");
        List<Column> extra = List.of(new Column("t1_celsius", Column.Type.FLOAT64, "degC", "T1 / degC", false),
                new Column("aux_volt", Column.Type.FLOAT64, "V", "aux / V", false));
        List<String> written = new ArrayList<>();
        try (ArrowTableWriter<Reading> w = ArrowTableWriter.create(file, List.of(Before.values()), extra, Map.of(),
                OPTIONS, allocator, 3)) {
            int[] sizes = {1000, 1000, 13}; // the validity bits are written per batch: whole words, then a last byte cut short
            for (int batch = 0; batch < sizes.length; batch++) {
                for (int i = 0; i < sizes[batch]; i++) {
                    double volt = (i + batch) % 7 == 0 ? Double.NaN : i * 0.001 + batch;
                    double t1 = (i + batch) % 5 == 0 ? Double.NaN : 20 + i * 0.01;
                    double[] aux = i % 11 == 0 ? new double[] {t1} : new double[] {t1, -i}; // short: the rest null
                    w.add(new Reading(volt, i * (batch + 1)), aux);
                    written.add(volt + " " + i * (batch + 1) + " " + t1 + " " + (aux.length > 1 ? aux[1] : Double.NaN));
                }
                w.writeBatch();
            }
        }
        List<String> read = new ArrayList<>();
        ArrowTableReader.read(List.of(file), allocator, List.of(Before.values()), List.of("t1_celsius", "aux_volt"),
                (row, values) -> read.add(row.number(Before.VOLT) + " " + row.integer(Before.STEP) + " " + values[0]
                        + " " + values[1]));
        assertEquals(written, read);
    }

    /** A column built at run time, as a fit's parameters are. */
    record Parameter(String name, int index) implements DataColumn<double[]> {
        @Override
        public Definition<double[]> definition() {
            return new Definition<>(ColumnTerm.own(name + "_ohm", "Ohm", name + " / Ohm"),
                    ColumnValue.float64(values -> values[index]));
        }
    }

    @Test
    void aTableOfColumnsMadeAtRunTimeReadsBackByColumn() throws IOException {
        List<Parameter> columns = List.of(new Parameter("r0", 0), new Parameter("r1", 1));
        Path file = dir.resolve("fit.arrows");
        try (ArrowTableWriter<double[]> w = ArrowTableWriter.create(file, columns, Map.of("fit", "R0-p(R1,C1)"),
                OPTIONS, allocator, 4)) {
            w.add(new double[] {10.5, 70.25});
            w.writeBatch();
            w.add(new double[] {10.75, Double.NaN});
            w.writeBatch();
        }
        List<String> rows = new ArrayList<>();
        ReadReport report = ArrowTableReader.read(List.of(file), allocator, columns,
                row -> rows.add(row.number(columns.get(1)) + " " + row.number(columns.get(0))));
        assertEquals(List.of("70.25 10.5", "NaN 10.75"), rows);
        assertEquals(2, report.batches());
        assertThrows(IllegalArgumentException.class, () -> ArrowTableReader.read(List.of(file), allocator, columns,
                row -> row.number(new Parameter("r2", 2))));
    }
}
