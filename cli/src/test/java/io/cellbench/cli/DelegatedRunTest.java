package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule whose cell sits on a Neware channel ({@code nw-1: bts/27-21-1-1}) runs by
 * delegation through {@code cellbench run --lab}: its protocol compiled, started on the BTS
 * simulator over TCP and followed; the samples and cycles in the run directory are those of
 * the same protocol run directly on the same simulated cell (capacities within 0.5 %), and a
 * real InfluxDB gets every row the Arrow files have.
 */
@Timeout(600) // a hang guard: the delegated run takes about 40 s of wall time
class DelegatedRunTest {
    static final String PROTOCOL = DelegatedLab.protocol("delegated cycling", "60 s", """
              - Rest for 5 minutes
              - Repeat 2 times:
                  - Charge at 1C until 3.7 V then hold until C/10
                  - Rest for 5 minutes
                  - Discharge at 1C until 1.9 V
                  - Rest for 5 minutes
            """);

    @TempDir
    Path dir;

    @Test
    void aCellOnANewareChannelRunsByDelegationAsItWouldDirectly() throws Exception {
        Path delegated = dir.resolve("delegated");
        Path direct = dir.resolve("direct");
        try (InfluxServer influx = InfluxServer.start(); DelegatedLab lab = DelegatedLab.start(dir, 300, false)) {
            influx.createDatabase("lab");
            Path labFile = lab.writeLab();
            Path schedule = lab.writeSchedule(PROTOCOL);
            Path config = Files.writeString(dir.resolve("influx.properties"), "flush-interval = 100ms\n");
            Console run = Console.run("run", schedule.toString(), "--lab", labFile.toString(), "--out",
                    delegated.toString(), "--influx", influx.url().toString(), "--db", "lab", "--influx-config",
                    config.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            try (var published = Files.walk(dir.resolve("bts-steps"))) {
                assertTrue(published.anyMatch(f -> f.toString().endsWith(".xml")), "a step file was given to the BTS");
            }

            Console plain = Console.run("run", schedule.toString(), "--simulate", "--out", direct.toString());
            assertEquals(0, plain.exitCode(), plain.out() + plain.err());

            List<Sample> viaBts = samples(delegated);
            List<Sample> inCellbench = samples(direct);
            assertEquals(viaBts.size(), influx.count("lab", "SELECT count(test_time_second) FROM samples WHERE cell = '"
                    + DelegatedLab.CELL + "'"), "InfluxDB holds every row the Arrow file has");
            assertInfluxRowsAreTheArrowRows(influx, viaBts);
            compare(viaBts, inCellbench);
            compareCycles(cycles(delegated), cycles(direct));
        }
        try (RunReader data = RunReader.open(delegated)) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED),
                    data.manifest().cell(DelegatedLab.CELL).orElseThrow().outcome());
        }
    }

    /** The same steps in the same order (index, count, cycle), time going on, the same columns filled. */
    private static void compare(List<Sample> bts, List<Sample> direct) {
        assertTrue(bts.size() > 50, "records: " + bts.size());
        assertEquals(steps(direct), steps(bts), "steps as step count, step index, cycle");
        for (int i = 1; i < bts.size(); i++) {
            Sample a = bts.get(i - 1);
            Sample b = bts.get(i);
            assertTrue(b.testTimeSecond() > a.testTimeSecond(), "time goes on at row " + i + ": " + a + " / " + b);
            assertEquals(b.stepCount() == a.stepCount() ? a.stepRecordIndex() + 1 : 1, b.stepRecordIndex(),
                    "step record index at row " + i);
        }
        Sample lastBts = bts.getLast();
        Sample lastDirect = direct.getLast();
        System.out.printf(Locale.ROOT, "delegated: %d records over %.0f s; direct: %d samples over %.0f s%n",
                bts.size(), lastBts.testTimeSecond(), direct.size(), lastDirect.testTimeSecond());
        within("total charge", lastDirect.totalChargingCapacityAh(), lastBts.totalChargingCapacityAh());
        within("total discharge", lastDirect.totalDischargingCapacityAh(), lastBts.totalDischargingCapacityAh());
        within("total charge energy", lastDirect.totalChargingEnergyWh(), lastBts.totalChargingEnergyWh());
        assertEquals(lastDirect.testTimeSecond(), lastBts.testTimeSecond(), 0.05 * lastDirect.testTimeSecond(),
                "the test lasts as long");
    }

    private static void compareCycles(List<CycleSummary> bts, List<CycleSummary> direct) {
        assertEquals(direct.size(), bts.size(), "cycles: " + bts + " / " + direct);
        for (int i = 0; i < bts.size(); i++) {
            CycleSummary a = bts.get(i);
            CycleSummary b = direct.get(i);
            assertEquals(b.cycleCount(), a.cycleCount());
            if (b.chargeCapacityAh() > 0) {
                within("cycle " + b.cycleCount() + " charge", b.chargeCapacityAh(), a.chargeCapacityAh());
            }
            if (b.dischargeCapacityAh() > 0) {
                within("cycle " + b.cycleCount() + " discharge", b.dischargeCapacityAh(), a.dischargeCapacityAh());
            }
        }
    }

    static void within(String what, double expected, double actual) {
        System.out.printf(Locale.ROOT, "%s: %.6f mAh(h) on the Neware, %.6f directly (%+.3f %%)%n", what,
                actual * 1e3, expected * 1e3, 100 * (actual / expected - 1));
        assertEquals(expected, actual, 0.005 * Math.abs(expected), what + " within 0.5 %");
    }

    /** Each step once: "count/index/cycle". */
    static List<String> steps(List<Sample> samples) {
        List<String> out = new ArrayList<>();
        int count = -1;
        for (Sample s : samples) {
            if (s.stepCount() != count) {
                count = s.stepCount();
                out.add(s.stepCount() + "/" + s.stepIndex() + "/" + s.cycleCount());
            }
        }
        return out;
    }

    /** InfluxDB's rows, exported as Arrow by cellbench, are the run directory's rows (times to the microsecond). */
    private void assertInfluxRowsAreTheArrowRows(InfluxServer influx, List<Sample> expected) throws Exception {
        Path out = dir.resolve("from-influx");
        Console export = Console.run("data", "export", "--influx", influx.url().toString(), "--db", "lab",
                "--format", "arrow", "-o", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        List<Sample> back = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowSampleReader.read(List.of(out.resolve(DelegatedLab.CELL + ".arrows")), allocator, back::add);
        }
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).unixTimeSecond(), back.get(i).unixTimeSecond(), 1e-6, "row " + i);
            assertEquals(expected.get(i).dischargingCapacityAh(), back.get(i).dischargingCapacityAh(), 1e-12, "row " + i);
            assertEquals(expected.get(i).stepIndex(), back.get(i).stepIndex(), "row " + i);
        }
    }

    static List<Sample> samples(Path run) throws Exception {
        List<Sample> rows = new ArrayList<>();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples(DelegatedLab.CELL, rows::add);
        }
        return rows;
    }

    static List<CycleSummary> cycles(Path run) throws Exception {
        try (RunReader reader = RunReader.open(run)) {
            return reader.cycles(DelegatedLab.CELL);
        }
    }
}
