package io.cellbench.importers.bdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.DuckDbTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BDF examples of the alliance, read by {@link BdfCsvReader} and compared with DuckDB's reading of the same CSV. */
class BdfCsvReaderTest {

    @TempDir
    Path tmp;

    @Test
    void landtCoinCellMatchesDuckDb() throws Exception {
        Path file = ReferenceData.require("bdf/examples/SINTEF__LiGrR2032__2024-04-30__25degC__Landt.bdf.csv");
        CollectingSink sink = read(file);
        Table ref = DuckDbTable.csv(file, "");
        assertEquals(25_162, sink.samples.size());
        assertEquals(ref.rows(), sink.samples.size());
        new Deviation("Landt BDF (" + ref.rows() + " rows) vs DuckDB")
                .compare("test time / s", sink.column(CyclerRecord::testTimeSecond), ref.number("test_time_second"), 0)
                .compare("voltage / V", sink.column(CyclerRecord::voltageVolt), ref.number("voltage_volt"), 0)
                .compare("current / A", sink.column(CyclerRecord::currentAmpere), ref.number("current_ampere"), 0)
                .compare("step id", sink.column(r -> r.stepId()), ref.number("step_index"), 0)
                .compare("charging capacity / Ah", sink.column(CyclerRecord::chargingCapacityAh),
                        ref.number("charging_capacity_ah"), 0)
                .compare("discharging capacity / Ah", sink.column(CyclerRecord::dischargingCapacityAh),
                        ref.number("discharging_capacity_ah"), 0)
                .compare("ambient temperature / degC", sink.column(CyclerRecord::ambientTemperatureCelsius),
                        ref.number("ambient_temperature_celsius"), 0)
                .check();
        // pre-1.3 step_index holds the program step here: read as step_id, and said so
        assertTrue(kinds(sink).contains("step-index-is-step-id"), sink.notes.toString());
        assertTrue(kinds(sink).contains("deprecated-term"), sink.notes.toString());
    }

    @Test
    void basytecMinimalColumnsMatchDuckDb() throws Exception {
        Path file = ReferenceData.require("bdf/examples/DLR__LiLNMOHydra0b__20221125__POCV__25degC__Basytec.bdf.csv");
        CollectingSink sink = read(file);
        Table ref = DuckDbTable.csv(file, "");
        assertEquals(17_860, sink.samples.size());
        new Deviation("BaSyTec BDF (" + ref.rows() + " rows) vs DuckDB")
                .compare("test time / s", sink.column(CyclerRecord::testTimeSecond), ref.number("test_time_second"), 0)
                .compare("voltage / V", sink.column(CyclerRecord::voltageVolt), ref.number("voltage_volt"), 0)
                .compare("current / A", sink.column(CyclerRecord::currentAmpere), ref.number("current_ampere"), 0)
                .compare("ambient temperature / degC", sink.column(CyclerRecord::ambientTemperatureCelsius),
                        ref.number("ambient_temperature_celsius"), 0)
                .check();
        assertEquals(CyclerRecord.UNKNOWN, sink.samples.get(0).cycleCount(), "no cycle column: unknown, not invented");
    }

    @Test
    void labelHeadersReadLikeMachineNames() throws Exception {
        Path sample = ReferenceData.require("bdf/tests/sample.bdf.csv");
        CollectingSink labels = read(sample);
        assertEquals(3, labels.samples.size());
        assertArrayEquals(new double[] {0, 1, 2}, labels.column(CyclerRecord::testTimeSecond));
        assertArrayEquals(new double[] {3.7, 3.6, 3.5}, labels.column(CyclerRecord::voltageVolt));
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, labels.column(CyclerRecord::currentAmpere));
        assertTrue(labels.metadata.formatVersion().contains("label headers"), labels.metadata.formatVersion());

        // the same Landt data under its labels gives the same records
        Path landt = ReferenceData.require("bdf/examples/SINTEF__LiGrR2032__2024-04-30__25degC__Landt.bdf.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(landt));
        List<String> header = new ArrayList<>();
        for (String name : lines.get(0).split(",")) {
            BdfTerms.Term term = BdfTerms.get().forHeader(name);
            header.add(term.label());
        }
        lines.set(0, String.join(",", header));
        Path relabelled = tmp.resolve("landt-labels.bdf.csv");
        Files.write(relabelled, lines, StandardCharsets.UTF_8);
        CollectingSink byLabel = read(relabelled);
        CollectingSink byName = read(landt);
        assertEquals(byName.samples.size(), byLabel.samples.size());
        for (int i = 0; i < byName.samples.size(); i++) {
            CyclerRecord a = byName.samples.get(i);
            CyclerRecord b = byLabel.samples.get(i);
            assertEquals(a.withStepCount(0).toString().replaceAll("aux=\\[D@\\w+", ""),
                    b.withStepCount(0).toString().replaceAll("aux=\\[D@\\w+", ""), "row " + i);
        }
    }

    @Test
    void timeBugIsRepairedAndReported() throws Exception {
        Path file = ReferenceData.require(
                "bdf/examples/SINTEF__SLPBA842124HV__2024-10-23__Rate_25degC__Neware__Time_Bug.bdf.csv");
        CollectingSink raw = read(file);
        long falls = 0;
        for (int i = 1; i < raw.samples.size(); i++) {
            if (raw.samples.get(i).testTimeSecond() < raw.samples.get(i - 1).testTimeSecond()) {
                falls++;
            }
        }
        assertEquals(19, falls, "the file's test time falls back 19 times, once per step start");
        CollectingSink repaired = new CollectingSink();
        Repairs.read(new BdfCsvReader(), file, repaired);
        assertEquals(raw.samples.size(), repaired.samples.size());
        for (int i = 1; i < repaired.samples.size(); i++) {
            assertTrue(repaired.samples.get(i).testTimeSecond() >= repaired.samples.get(i - 1).testTimeSecond(),
                    "test time runs on at row " + i);
        }
        ImportNote note = repaired.notes.stream().filter(n -> n.kind().equals("test-time-zeroed-step-start"))
                .findFirst().orElseThrow(() -> new AssertionError("no repair note: " + repaired.notes));
        assertEquals(19, note.count());
        assertEquals(ImportNote.Kind.REPAIR, note.severity());
        // the repaired row takes the time its step began: 7200 s, where step 2 starts
        assertEquals(7200.0, repaired.samples.get(722).testTimeSecond(), 1e-9);
    }

    @Test
    void missingRequiredColumnNamesTheFileAndLine() throws Exception {
        Path file = tmp.resolve("no-current.csv");
        Files.writeString(file, "test_time_second,voltage_volt\n0,3.7\n");
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: no current column"), e.getMessage());
    }

    @Test
    void badNumberNamesLineAndColumn() throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "Test Time / s,Voltage / V,Current / A\n0,3.7,0.1\n1,three,0.1\n");
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(file + ":3: column 'Voltage / V': 'three' is not a number", e.getMessage());
        assertEquals(file, e.file(), "the file itself, for a caller that reports or skips it");
    }

    @Test
    void deprecatedMillisecondsBecomeSeconds() throws Exception {
        Path file = tmp.resolve("ms.csv");
        Files.writeString(file, "test_time_millisecond,voltage_volt,current_ampere\n0,3.7,0.1\n1500,3.6,0.1\n");
        CollectingSink sink = read(file);
        assertArrayEquals(new double[] {0, 1.5}, sink.column(CyclerRecord::testTimeSecond));
        assertTrue(sink.notes.stream().anyMatch(n -> n.message().contains("test_time_millisecond")), sink.notes.toString());
    }

    private static CollectingSink read(Path file) throws ImportException {
        CollectingSink sink = new CollectingSink();
        new BdfCsvReader().read(file, sink);
        return sink;
    }

    private static List<String> kinds(CollectingSink sink) {
        return sink.notes.stream().map(ImportNote::kind).toList();
    }
}
