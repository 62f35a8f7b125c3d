package io.cellbench.importers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.FeatherTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NewareNDA's regression files against its expected outputs (Feather), column by column. Its
 * values are float32 and its test uses pandas' assert_frame_equal (relative 1e-5), so that is the
 * tolerance; its cycle is its software cycle number ('chg' mode), which cellbench's rule must give.
 */
class NewareNdaTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("nda/github/Issue27_2/46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax",
                        "46_1_5_60_ZZZZZZZZTEST_20250924092922.ftr"),
                Arguments.of("nda/github/Issue27_2/ZZZZZZZZTEST.ndax", "ZZZZZZZZTEST.ftr"),
                Arguments.of("nda/github/Issue5/test_2.ndax", "test_2.ftr"),
                Arguments.of("nda/github/Issue72/TestFile.nda", "TestFile.ftr"),
                Arguments.of("nda/github/Issue94/123456789012_Unit27_Example_Data_File.ndax",
                        "123456789012_Unit27_Example_Data_File.ftr"),
                Arguments.of("nda/github/PR28/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax",
                        "TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ftr"),
                Arguments.of("nda/github/PR28/TESTCELL0001-Test_Data_Collection_Ndc17.ndax",
                        "TESTCELL0001-Test_Data_Collection_Ndc17.ftr"),
                Arguments.of("nda/mediafire/2-1-6_61[07005012].nda", "2-1-6_61[07005012].ftr"),
                Arguments.of("nda/neware_reader/new_nda_file.nda", "new_nda_file.ftr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matchesNewareNda(String input, String expected) throws Exception {
        Table ref = FeatherTable.read(ReferenceData.require("neware/NewareNDA/reference/" + expected));
        CollectingSink sink = BtsdaComparison.read("NewareNDA/" + input);
        assertEquals(ref.rows(), sink.samples.size(), "row count");
        List<CyclerRecord> rows = sink.samples;
        double rel = 1e-5;
        Deviation d = new Deviation(input + " (" + rows.size() + " rows) vs NewareNDA");
        d.compare("index", sink.column(CyclerRecord::recordIndex), ref.number("Index"), 0);
        if (sink.metadata.formatVersion().contains("BTS 9.1")) {
            // NewareNDA's 'Time' for BTS 9.1 files is the test time the records carry (BTSDA's step time
            // is checked against ours in NdaFastndaTest)
            d.compare("test time / s", sink.column(CyclerRecord::testTimeSecond), ref.number("Time"), 1e-3, rel);
        } else {
            d.compare("step time / s", sink.column(CyclerRecord::stepTimeSecond), ref.number("Time"), 1e-3, rel);
        }
        d.compare("voltage / V", sink.column(CyclerRecord::voltageVolt), ref.number("Voltage"), 1e-6, rel);
        d.compare("current / mA", sink.column(r -> r.currentAmpere() * 1000), ref.number("Current(mA)"), 1e-6, rel);
        d.compare("charge capacity / mAh", sink.column(r -> r.chargingCapacityAh() * 1000),
                ref.number("Charge_Capacity(mAh)"), 1e-6, rel);
        d.compare("discharge capacity / mAh", sink.column(r -> r.dischargingCapacityAh() * 1000),
                abs(ref.number("Discharge_Capacity(mAh)")), 1e-6, rel);
        d.compare("charge energy / mWh", sink.column(r -> r.chargingEnergyWh() * 1000),
                ref.number("Charge_Energy(mWh)"), 1e-6, rel);
        d.compare("discharge energy / mWh", sink.column(r -> r.dischargingEnergyWh() * 1000),
                abs(ref.number("Discharge_Energy(mWh)")), 1e-6, rel);
        d.compareFromFirst("unix time / s", sink.column(CyclerRecord::unixTimeSecond), ref.number("Timestamp"), 1e-3);
        BtsdaComparison.compareAux(d, sink, ref, 1.0, 1e-6);
        d.equal("step count", rows.stream().map(r -> (double) r.stepCount()).toList(), BtsdaComparison.boxed(ref.number("Step")));
        d.equal("step id", rows.stream().map(r -> (double) r.stepId()).toList(), BtsdaComparison.boxed(ref.number("Step_Index")));
        d.equal("step type", rows.stream().map(r -> r.stepType().vendorName()).toList(), ref.text("Status"));
        d.equal("cycle (cellbench's rule)", BtsdaComparison.derivedCycles(rows), BtsdaComparison.boxed(ref.number("Cycle")));
        d.check();
    }

    /** NewareNDA keeps the sign BTS 9.0 writes (discharge negative); BDF counters are positive. */
    private static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }
}
