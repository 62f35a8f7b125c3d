package io.cellbench.importers.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.Importers;
import io.cellbench.importers.RecordSink;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repairs read an .ndax (ndc 11–17) and a .mpr once, deciding from the metadata what the old
 * design learnt from a first pass over the whole file: on every reference file, the one pass gives
 * the same rows, notes and repairs as reading it after a {@link Survey}, and the files whose metadata
 * cannot answer are still surveyed first.
 */
class OnePassTest {

    static Stream<Arguments> files() {
        return Stream.of(
                one("neware/NewareNDA/nda/github/Issue27_2/46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax"),
                one("neware/NewareNDA/nda/github/Issue27_2/ZZZZZZZZTEST.ndax"),
                one("neware/NewareNDA/nda/github/Issue5/test_2.ndax"),
                one("neware/NewareNDA/nda/github/Issue94/123456789012_Unit27_Example_Data_File.ndax"),
                one("neware/NewareNDA/nda/github/PR28/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax"),
                one("neware/NewareNDA/nda/github/PR28/TESTCELL0001-Test_Data_Collection_Ndc17.ndax"),
                one("neware/aurora-cycler-manager/nw4-120-6-1-36.ndax"),
                one("neware/battery-data-format/filetype14-0.ndax"),
                one("neware/cellpy/20260302_IFE_BTS85_2_9_8_1.ndax"),
                one("neware/fastnda/21_10_7_85.ndax"),
                one("neware/fastnda/Unit27_Example_Corrupt.ndax"),
                one("neware/fastnda/interp-test.ndax"),
                one("neware/fastnda/nw4-120-1-6-53.ndax"),
                one("biologic/aurora-cycler-manager/250116_kigr_gen6_01_02_GCPL_CD8.mpr"),
                one("biologic/yadg/gcpl.issue_149.mpr"),
                one("biologic/yadg/cp.mpr"),
                one("biologic/yadg/ocv.mpr"),
                one("biologic/yadg/mb.issue_95.mpr"),
                // the cycle counter is in every record: whether it ever moves needs the whole file
                two("neware/fastnda/scrubbed_ndc2.ndax"),
                two("neware/NewareNDA/nda/neware_reader/new_nda_file.nda"),
                two("neware/fastnda/TestFile.nda.zip"),
                two("maccor/beep/maccor_test_file_4267-66-6519.041"),
                two("arbin/battery-data-format/mits7-0.res.gz"),
                two("bdf/examples/SINTEF__SLPBA842124HV__2024-10-23__Rate_25degC__Neware__Time_Bug.bdf.csv"),
                two("bdf/examples/SINTEF__LiGrR2032__2024-04-30__25degC__Landt.bdf.csv"));
    }

    private static Arguments one(String file) {
        return Arguments.of(file, 1);
    }

    private static Arguments two(String file) {
        return Arguments.of(file, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void onePassDecidesAsTheSurveyDoes(String relative, int passes) throws Exception {
        Path file = ReferenceData.require(relative);
        Counted reader = new Counted(Importers.forFile(file));
        CollectingSink streamed = new CollectingSink();
        List<String> applied = Repairs.read(reader, file, streamed);
        assertEquals(passes, reader.reads, "passes over the file");
        CollectingSink surveyed = new CollectingSink();
        List<String> afterSurvey = Repairs.readSurveyed(reader.inner, file, surveyed);
        assertEquals(afterSurvey, applied, "repairs");
        assertEquals(surveyed.notes, streamed.notes, "notes");
        assertEquals(1, streamed.begins, "one begin reaches the sink");
        assertEquals(1, streamed.ends, "one end reaches the sink");
        assertEquals(surveyed.samples.size(), streamed.samples.size(), "rows");
        for (int i = 0; i < surveyed.samples.size(); i++) {
            assertEquals(text(surveyed.samples.get(i)), text(streamed.samples.get(i)), "row " + i);
        }
    }

    /** A record with its aux values written out (a record's equals compares arrays by identity). */
    static String text(CyclerRecord r) {
        return r.withCounters(0, 0, 0, 0).toString().replaceAll("aux=\\[D@\\w+", "")
                + Arrays.toString(new double[] {r.chargingCapacityAh(), r.dischargingCapacityAh(), r.chargingEnergyWh(),
                        r.dischargingEnergyWh()}) + Arrays.toString(r.aux());
    }

    /** Counts how often the file is read. */
    private static final class Counted implements CyclerFileReader {
        final CyclerFileReader inner;
        int reads;

        Counted(CyclerFileReader inner) {
            this.inner = inner;
        }

        @Override
        public String format() {
            return inner.format();
        }

        @Override
        public List<String> extensions() {
            return inner.extensions();
        }

        @Override
        public boolean recognizes(byte[] head) {
            return inner.recognizes(head);
        }

        @Override
        public String expectedStart() {
            return inner.expectedStart();
        }

        @Override
        public void read(Path file, RecordSink sink) throws ImportException {
            reads++;
            inner.read(file, sink);
        }
    }
}
