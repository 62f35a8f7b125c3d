package io.cellbench.importers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.DuckDbTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maccor text exports from BEEP and battery-data-toolkit, read by our readers and compared with
 * DuckDB's reading of the same tab-separated tables (a peer we did not write), and with the
 * clock column for times.
 */
class MaccorReadersTest {

    @TempDir
    Path tmp;

    @Test
    void beepEisTestMatchesDuckDb() throws Exception {
        Path file = ReferenceData.require("maccor/beep/maccor_test_file_4267-66-6519.041");
        CollectingSink sink = read(file);
        Table ref = DuckDbTable.csv(file, ", delim = '\\t', skip = 1, all_varchar = true");
        assertEquals(74, sink.samples.size());
        assertEquals(ref.rows(), sink.samples.size());
        Deviation d = new Deviation("beep .041 (74 rows) vs DuckDB");
        d.compare("record index", sink.column(CyclerRecord::recordIndex), numbers(ref.text("Rec#")), 0);
        d.compare("cycle - 1", sink.column(r -> r.cycleCount() - 1), numbers(ref.text("Cyc#")), 0);
        d.compare("step id", sink.column(CyclerRecord::stepId), numbers(ref.text("Step")), 0);
        d.compare("voltage / V", sink.column(CyclerRecord::voltageVolt), numbers(ref.text("Volts")), 0);
        d.compare("|current| / A", sink.column(r -> Math.abs(r.currentAmpere())), numbers(ref.text("Amps")), 0);
        d.equal("state", sink.samples.stream().map(r -> r.stepType().vendorName()).toList(), ref.text("State"));
        d.compare("Amp-hr", sink.column(r -> r.chargingCapacityAh() + r.dischargingCapacityAh()),
                numbers(ref.text("Amp-hr")), 0);
        d.compare("Watt-hr", sink.column(r -> r.chargingEnergyWh() + r.dischargingEnergyWh()),
                numbers(ref.text("Watt-hr")), 0);
        List<io.cellbench.importers.AuxColumn> aux = sink.metadata.auxColumns();
        for (int i = 0; i < aux.size(); i++) {
            int at = i;
            String name = aux.get(i).name();
            double[] theirs = ref.text(name).stream().mapToDouble(t -> {
                try {
                    return Double.parseDouble(t.strip());
                } catch (NumberFormatException e) {
                    return Double.NaN; // N/A
                }
            }).toArray();
            d.compare("aux " + name, sink.column(r -> r.aux()[at]), theirs, 0);
        }
        d.check();
        // the first step is a 1 s logged rest: test time advances with the clock column
        for (int i = 1; i <= 9; i++) {
            assertEquals(sink.samples.get(i).unixTimeSecond() - sink.samples.get(0).unixTimeSecond(),
                    sink.samples.get(i).testTimeSecond(), 1e-9, "row " + i);
        }
        assertEquals(LocalDate.of(2016, 11, 2).atTime(15, 57, 53).toEpochSecond(ZoneOffset.UTC),
                sink.samples.get(0).unixTimeSecond());
        assertEquals("EIS 1.000FRA default", sink.metadata.program());
    }

    @Test
    void minutesDialectAndItsContinuation() throws Exception {
        Path first = ReferenceData.require("maccor/battery-data-toolkit/maccor_example.001");
        Path second = ReferenceData.require("maccor/battery-data-toolkit/maccor_example.002");
        CollectingSink one = read(first);
        Table ref = DuckDbTable.csv(first, ", delim = '\\t', skip = 1");
        new Deviation("maccor_example.001 (8 rows) vs DuckDB")
                .compare("test time / s", one.column(CyclerRecord::testTimeSecond),
                        Arrays.stream(ref.number("Test (Min)")).map(m -> m * 60).toArray(), 1e-9)
                .compare("step time / s", one.column(CyclerRecord::stepTimeSecond),
                        Arrays.stream(ref.number("Step (Min)")).map(m -> m * 60).toArray(), 1e-9)
                .compare("voltage / V", one.column(CyclerRecord::voltageVolt), ref.number("Volts"), 0)
                .check();

        CollectingSink both = new CollectingSink();
        MaccorTest.read(List.of(first, second), both);
        assertEquals(16, both.samples.size());
        assertEquals(1, both.begins);
        assertEquals(1, both.ends);
        CyclerRecord ninth = both.samples.get(8);
        assertEquals(9, ninth.recordIndex(), "record index goes on");
        assertEquals(one.samples.get(7).testTimeSecond(), ninth.testTimeSecond(), 1e-9, "test time goes on");
        // .002 holds only a time of day: the date is its header's Date of Test, 04/01/2016
        assertEquals(LocalDate.of(2016, 4, 1).atTime(16, 5, 31).toEpochSecond(ZoneOffset.UTC), ninth.unixTimeSecond());
        assertTrue(both.notes.stream().anyMatch(n -> n.kind().equals("continuation-file")), both.notes.toString());

        ImportException e = assertThrows(ImportException.class,
                () -> MaccorTest.read(List.of(second, first), new CollectingSink()));
        assertTrue(e.getMessage().contains("must be given in order"), e.getMessage());
    }

    @Test
    void impedanceCompanionFile() throws Exception {
        Path file = ReferenceData.require("maccor/beep/maccor_test_file_4267-66-6519.EDA0001.041");
        CollectingSink sink = new CollectingSink();
        new MaccorEisReader().read(file, sink);
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int header = 0;
        while (!lines.get(header).startsWith("Freq(Hz)")) {
            header++;
        }
        Path table = tmp.resolve("eis.tsv");
        Files.write(table, lines.subList(header, lines.size()).stream().filter(l -> !l.isBlank()).toList());
        Table ref = DuckDbTable.csv(table, ", delim = '\\t', null_padding = true");
        assertEquals(ref.rows(), sink.impedance.size());
        assertTrue(sink.impedance.size() > 50, "a sweep of " + sink.impedance.size() + " points");
        new Deviation("Maccor EIS (" + ref.rows() + " points) vs DuckDB")
                .compare("frequency / Hz", sink.impedance.stream().mapToDouble(ImpedanceRecord::frequencyHz).toArray(),
                        ref.number("Freq(Hz)"), 0)
                .compare("Z' / ohm", sink.impedance.stream().mapToDouble(ImpedanceRecord::zRealOhm).toArray(),
                        ref.number("Z'(a)"), 0)
                .compare("Z'' / ohm", sink.impedance.stream().mapToDouble(ImpedanceRecord::zImagOhm).toArray(),
                        ref.number("Z''(b)"), 0)
                .compare("|Z| / ohm", sink.impedance.stream().mapToDouble(ImpedanceRecord::zModOhm).toArray(),
                        ref.number("Z-Mag"), 1e-5)
                .check();
        assertEquals(LocalDate.of(2016, 11, 2).atTime(15, 58).toInstant(ZoneOffset.UTC), sink.metadata.startTime());
    }

    @Test
    void notAMaccorFileIsRefusedNamingIt() throws Exception {
        Path file = tmp.resolve("test.001");
        Files.writeString(file, "Rec#\tCyc#\n1\t0\n");
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: not a Maccor text export"), e.getMessage());
    }

    private static double[] numbers(List<String> texts) {
        return texts.stream().mapToDouble(t -> Double.parseDouble(t.strip())).toArray();
    }

    private static CollectingSink read(Path file) throws ImportException {
        CollectingSink sink = new CollectingSink();
        new MaccorTextReader().read(file, sink);
        return sink;
    }
}
