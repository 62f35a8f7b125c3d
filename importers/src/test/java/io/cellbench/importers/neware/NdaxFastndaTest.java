package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.ParquetTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every .ndax that fastnda's tests pair with Neware's own BTSDA export, read by {@link NdaxReader}
 * and compared column by column with the export, with fastnda's tolerances (neware/README.md).
 */
class NdaxFastndaTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("fastnda/21_10_7_85.ndax", "fastnda/21_10_7_85.parquet"),
                Arguments.of("fastnda/empty.ndax", "fastnda/empty.parquet"),
                Arguments.of("fastnda/Unit27_Example_Corrupt.ndax", "fastnda/Unit27_Example_Corrupt.parquet"),
                Arguments.of("fastnda/interp-test.ndax", "fastnda/interp-test.parquet"),
                Arguments.of("fastnda/nw4-120-1-6-53.ndax", "fastnda/nw4-120-1-6-53.parquet"),
                Arguments.of("fastnda/scrubbed_ndc2.ndax", "fastnda/scrubbed_ndc2.parquet"),
                Arguments.of("NewareNDA/nda/github/Issue27_2/46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax",
                        "fastnda/46_1_5_60_bts16.parquet"),
                Arguments.of("NewareNDA/nda/github/Issue94/123456789012_Unit27_Example_Data_File.ndax",
                        "fastnda/Unit27_Example_Data_File.parquet"),
                Arguments.of("NewareNDA/nda/github/PR28/TESTCELL0001-Test_Data_Collection_Ndc17.ndax",
                        "fastnda/TESTCELL0001-Test_Data_Collection_Ndc17.parquet"),
                Arguments.of("NewareNDA/nda/github/PR28/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax",
                        "fastnda/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.parquet"),
                Arguments.of("NewareNDA/nda/github/Issue5/test_2.ndax", "fastnda/test_2.parquet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matchesTheBtsdaExport(String input, String expected) throws Exception {
        Path file = ReferenceData.require("neware/" + input);
        Table ref = ParquetTable.read(ReferenceData.require("neware/" + expected));
        CollectingSink sink = new CollectingSink();
        new NdaxReader().read(file, sink);
        assertEquals(1, sink.ends, "the reader ends the stream");
        assertEquals(ref.rows(), sink.samples.size(), "row count");
        BtsdaComparison.compare(input, sink, ref).check();
    }
}
