package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.reference.DuckDbTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Neware file that fastnda's tests pair with Neware's own BTSDA export (.ndax of ndc 2, 14,
 * 16, 17; zipped .nda of versions 8, 22, 23, 130 from BTS 9.0 and 9.1), read by our readers and
 * compared column by column with the export, with fastnda's tolerances (neware/README.md).
 */
class NewareBtsdaTest {

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
                Arguments.of("NewareNDA/nda/github/Issue5/test_2.ndax", "fastnda/test_2.parquet"),
                Arguments.of("fastnda/nda_v8.nda.zip", "fastnda/nda_v8.parquet"),
                Arguments.of("fastnda/nda_v22.nda.zip", "fastnda/nda_v22.parquet"),
                Arguments.of("fastnda/nda_v23.nda.zip", "fastnda/nda_v23.parquet"),
                Arguments.of("fastnda/TestFile.nda.zip", "fastnda/TestFile.parquet"),
                Arguments.of("fastnda/2-1-6_61_07005012.nda.zip", "fastnda/2-1-6_61_07005012.parquet"),
                Arguments.of("fastnda/SINTEF__G20M7_BTS91.nda.zip", "fastnda/SINTEF__G20M7_BTS91.parquet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matchesTheBtsdaExport(String input, String expected) throws Exception {
        Table ref = DuckDbTable.parquet(ReferenceData.require("neware/" + expected));
        CollectingSink sink = BtsdaComparison.read(input);
        assertEquals(ref.rows(), sink.samples.size(), "row count");
        BtsdaComparison.compare(input, sink, ref).check();
    }
}
