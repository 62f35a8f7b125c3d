package io.cellbench.daq.cycles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.daq.arrow.ArrowCycleReader;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.arrow.ReadReport;
import io.cellbench.daq.testing.ArrowFilesTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleWriterTest extends ArrowFilesTest {
    private static final CycleSummary FULL = new CycleSummary(1, 0, 7100, 0.001, 0.0009, 0.0038, 0.0032,
            0.9, 0.8421052631578947, 3.8, 3.5555555555555554, 4.2, 3.0, 3.0, 4.2);
    private static final CycleSummary CHARGE_ONLY = new CycleSummary(2, 7200, 1800, 0.0005, 0, 0.0019, 0,
            Double.NaN, Double.NaN, 3.8, Double.NaN, 4.0, Double.NaN, Double.NaN, Double.NaN);

    @Test
    void summariesGoToBothTheArrowStreamAndTheCsv() throws IOException {
        try (CycleWriter writer = CycleWriter.create(dir, Map.of("cell_id", "A1"),
                ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER), allocator)) {
            writer.write(FULL);
            // Both files are current after each cycle, before the writer closes.
            assertEquals(2, Files.readAllLines(dir.resolve("cycles.csv")).size());
            writer.write(CHARGE_ONLY);
            assertEquals(2, writer.cyclesWritten());
        }

        assertEquals(List.of(
                "Cycle Count / 1,Start Test Time / s,Duration / s,Charge Capacity / Ah,Discharge Capacity / Ah,"
                        + "Charge Energy / Wh,Discharge Energy / Wh,Coulombic Efficiency / 1,Energy Efficiency / 1,"
                        + "Mean Charge Voltage / V,Mean Discharge Voltage / V,End Charge Voltage / V,"
                        + "End Discharge Voltage / V,Minimum Voltage / V,Maximum Voltage / V,"
                        + "R_bulk / Ohm,R_gb / Ohm,R_int / Ohm",
                "1,0.0,7100.0,0.001,0.0009,0.0038,0.0032,0.9,0.8421052631578947,3.8,3.5555555555555554,4.2,3.0,3.0,4.2,,,",
                "2,7200.0,1800.0,0.0005,0.0,0.0019,0.0,,,3.8,,4.0,,,,,,"),
                Files.readAllLines(dir.resolve("cycles.csv")));

        List<CycleSummary> read = new ArrayList<>();
        ReadReport report = ArrowCycleReader.read(dir.resolve("cycles.arrows"), allocator, read::add);
        assertEquals(List.of(FULL, CHARGE_ONLY), read);
        assertTrue(report.clean());
    }

    @Test
    void numbersArePlainDecimalsAsInEveryOtherExport() throws IOException {
        // a microcell's capacity and a months-long run's test time: StringBuilder.append(double)
        // writes these as 1.0E-4 and 1.2096E7, which docs/data.md promises no file has
        CycleSummary small = new CycleSummary(3, 12_096_000, 36_000, 1.0E-4, 9.5E-5, 3.8E-4, 3.3E-4,
                0.95, 0.8684210526315789, 3.8, 3.4736842105263157, 4.2, 3.0, 2.9999, 4.2)
                .withResistances(1.25E-3, 5.5E-8, 1.0E10);
        Path csv = dir.resolve("cycles.csv");
        try (CycleCsvWriter writer = CycleCsvWriter.create(csv)) {
            writer.write(small);
        }
        assertEquals("3,12096000.0,36000.0,0.0001,0.000095,0.00038,0.00033,0.95,0.8684210526315789,3.8,"
                + "3.4736842105263155,4.2,3.0,2.9999,4.2,0.00125,0.000000055,10000000000.0",
                Files.readAllLines(csv).get(1));
    }
}
