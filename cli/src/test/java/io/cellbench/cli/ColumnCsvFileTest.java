package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.format.Decimals;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file's rows are formatted a block at a time on several threads ({@link CsvBlocks}) and
 * must still come out whole and in order: tens of blocks of random rows (NaN as an empty field,
 * negative integers, doubles of every scale, runs of repeated values, 0.0 and -0.0) against the
 * same rows written one by one.
 */
class ColumnCsvFileTest {
    @TempDir
    Path tmp;

    record Row(int index, int count, double value, double other) {
    }

    @Test
    void rowsFormattedOnSeveralThreadsComeOutInOrder() throws Exception {
        long seed = Seeds.seed("ColumnCsvFileTest");
        Random random = new Random(seed);
        List<DataColumn<Row>> columns = List.of(
                DataColumn.of(ColumnTerm.own("index", "1", "Index / 1"), ColumnValue.int32(Row::index)),
                DataColumn.of(ColumnTerm.own("count", "1", "Count / 1"), ColumnValue.int32(Row::count)),
                DataColumn.of(ColumnTerm.own("value", "V", "Value / V"), ColumnValue.float64(Row::value)),
                DataColumn.of(ColumnTerm.own("other", "A", "Other / A"), ColumnValue.float64(Row::other)));
        int rows = 20 * CsvBlocks.ROWS + random.nextInt(CsvBlocks.ROWS);
        StringBuilder expected = new StringBuilder("index,count,value,other\n");
        List<Row> all = new ArrayList<>();
        Row previous = new Row(0, 0, 0, 0);
        for (int i = 0; i < rows; i++) {
            // runs of repeated values (a formatter copies a value equal to the one above it),
            // and 0.0 beside -0.0, which are equal but print differently
            Row row = new Row(i, random.nextInt(3) == 0 ? previous.count() : random.nextInt() >> random.nextInt(32),
                    switch (random.nextInt(6)) {
                        case 0 -> Double.NaN;
                        case 1, 2 -> previous.value();
                        case 3 -> random.nextBoolean() ? 0.0 : -0.0;
                        default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
                    },
                    random.nextInt(4) == 0 ? previous.other() : Double.longBitsToDouble(random.nextLong()));
            all.add(row);
            previous = row;
            expected.append(row.index()).append(',').append(row.count()).append(',')
                    .append(Double.isNaN(row.value()) ? "" : Decimals.plain(row.value())).append(',')
                    .append(Double.isNaN(row.other()) ? "" : Decimals.plain(row.other())).append('\n');
        }
        Path file = tmp.resolve("rows.csv");
        try (ColumnCsvFile<Row> csv = ColumnCsvFile.create(file, columns, false)) {
            for (Row row : all) {
                csv.write(row);
            }
            assertEquals(rows, csv.rows());
        }
        assertEquals(expected.toString(), Files.readString(file), Seeds.replay(seed));
    }

    /**
     * An imported aux column keeps the name its vendor file gave it, which may hold a comma or
     * a quote (EC-Lab's "Ewe-Ece/V, probe 2", a Maccor header with quotes). RFC 4180 (section 2,
     * rules 6 and 7): such a field is enclosed in double quotes and a quote inside it is doubled;
     * a plain field is written as it is, so every header of cellbench's own columns is unchanged.
     */
    @Test
    void aHeaderWithACommaOrAQuoteIsQuotedAsRfc4180Says() throws Exception {
        List<DataColumn<Row>> columns = List.of(
                DataColumn.of(ColumnTerm.own("index", "1", "Index / 1"), ColumnValue.int32(Row::index)),
                DataColumn.of(ColumnTerm.own("probe, 2", "V", "Ewe-Ece, probe 2 / V"), ColumnValue.float64(Row::value)),
                DataColumn.of(ColumnTerm.own("say \"T\"", "degC", "Temperature \"T1\" / degC"), ColumnValue.float64(Row::other)));
        Path labels = tmp.resolve("labels.csv");
        try (ColumnCsvFile<Row> csv = ColumnCsvFile.create(labels, columns, true)) {
            csv.write(new Row(1, 0, 0.5, 25.0));
        }
        assertEquals("Index / 1,\"Ewe-Ece, probe 2 / V\",\"Temperature \"\"T1\"\" / degC\"\n1,0.5,25.0\n",
                Files.readString(labels));
        Path names = tmp.resolve("names.csv");
        try (ColumnCsvFile<Row> csv = ColumnCsvFile.create(names, columns, false)) {
            csv.write(new Row(1, 0, 0.5, 25.0));
        }
        assertEquals("index,\"probe, 2\",\"say \"\"T\"\"\"\n1,0.5,25.0\n", Files.readString(names));
    }
}
