package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.reference.ParquetTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fastnda's zipped .nda files (versions 8, 22, 23, 130 from BTS 9.0 and 9.1), read straight from
 * their ZIPs by {@link NdaReader} and compared with Neware's BTSDA exports (neware/README.md).
 */
class NdaFastndaTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
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
        Path file = ReferenceData.require("neware/" + input);
        Table ref = ParquetTable.read(ReferenceData.require("neware/" + expected));
        CollectingSink sink = new CollectingSink();
        new NdaReader().read(file, sink);
        assertEquals(ref.rows(), sink.samples.size(), "row count");
        BtsdaComparison.compare(input, sink, ref).check();
    }
}
