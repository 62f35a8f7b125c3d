package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.Spectrum;
import io.cellbench.daq.run.RunReader;
import io.cellbench.impedance.fit.FitRequest;
import io.cellbench.impedance.table.DrtField;
import io.cellbench.impedance.table.DrtRow;
import io.cellbench.impedance.table.FitColumns;
import io.cellbench.impedance.table.FitRow;
import io.cellbench.impedance.table.SweepAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data eis --fit/--kk/--drt} on a recorded run: each sweep is reassembled from the points
 * the run directory streams and analysed exactly as the analysis of the recorded spectrum itself,
 * in every output format; bad requests are refused with a message.
 */
class DataEisAnalysisTest {
    /**
     * What the simulated cell shows from 10 kHz to 1 Hz: the grain-boundary arc lies above the
     * sweep (in R0), the interface arc and the start of diffusion within it.
     */
    private static final String CIRCUIT = "R0-p(R1,CPE1)-W1";

    @TempDir
    static Path tmp;
    static Path run;
    static Map<String, List<Spectrum>> spectra = new TreeMap<>();

    @BeforeAll
    static void record() throws Exception {
        run = ShortRun.record(tmp);
        try (RunReader reader = RunReader.open(run)) {
            for (String cell : ShortRun.CELLS) {
                spectra.put(cell, reader.spectra(cell));
            }
        }
        assertEquals(2, spectra.get("coin-2").size());
    }

    @Test
    void fitCsvHoldsEveryParameterWithItsErrorForEverySweep() throws Exception {
        Console c = Console.run("data", "eis", run.toString(), "--fit", CIRCUIT, "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals("", c.err());
        SweepAnalysis analysis = new SweepAnalysis(FitRequest.of(CIRCUIT));
        List<DataColumn<FitRow>> columns = FitColumns.of(analysis.circuit());
        List<String> lines = c.out().lines().toList();
        assertEquals("cell," + String.join(",", columns.stream().map(DataColumn::columnName).toList()),
                lines.getFirst());
        assertTrue(lines.getFirst().contains(",R1,R1_sigma,"), lines.getFirst());
        int row = 1;
        // cells come in the run's order, each one's sweeps in order
        Map<String, List<String>> byCell = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            byCell.computeIfAbsent(line.substring(0, line.indexOf(',')), k -> new ArrayList<>()).add(line);
        }
        assertEquals(spectra.keySet(), byCell.keySet());
        for (var cell : spectra.entrySet()) {
            assertEquals(cell.getValue().size(), byCell.get(cell.getKey()).size(), cell.getKey());
            for (int i = 0; i < cell.getValue().size(); i++) {
                FitRow expected = analysis.fit(i + 1, cell.getValue().get(i));
                String[] v = byCell.get(cell.getKey()).get(i).split(",", -1);
                row++;
                for (int k = 0; k < columns.size(); k++) {
                    DataColumn<FitRow> col = columns.get(k);
                    double want = col.kind() == io.cellbench.core.data.ColumnValue.Kind.INT32
                            ? col.integer(expected) : col.number(expected);
                    double got = v[k + 1].isEmpty() ? Double.NaN : Double.parseDouble(v[k + 1]);
                    assertEquals(want, got, Math.abs(want) * 1e-9, cell.getKey() + " sweep " + (i + 1) + " "
                            + col.columnName());
                }
                // the simulated coin cell's interface at 60 MPa is tens of ohms: a fit, not a placeholder
                assertTrue(expected.fit().value("R1") > 10 && expected.fit().value("R1") < 200, String.join(",", v));
            }
        }
        assertEquals(row, lines.size());
    }

    @Test
    void fitTableShowsValuesWithErrorsAndTheVerdict() {
        Console c = Console.run("data", "eis", run.toString(), "--cell", "coin-1", "--fit", CIRCUIT);
        assertEquals(0, c.exitCode(), c.err());
        List<String> lines = c.out().lines().toList();
        assertTrue(lines.getFirst().contains("R1 Ohm") && lines.getFirst().contains("Lin-KK"), lines.getFirst());
        assertEquals(2 + 2, lines.size(), c.out());
        assertTrue(lines.get(2).contains(" +- ") && lines.get(2).startsWith("coin-1"), lines.get(2));
    }

    @Test
    void kkJsonHasTheVerdictOfEachSweep() throws Exception {
        Console c = Console.run("data", "eis", run.toString(), "--cell", "coin-3", "--kk", "--format", "json");
        assertEquals(0, c.exitCode(), c.err());
        JsonNode rows = new ObjectMapper().readTree(c.out());
        List<Spectrum> sweeps = spectra.get("coin-3");
        assertEquals(sweeps.size(), rows.size());
        for (int i = 0; i < sweeps.size(); i++) {
            FitRow expected = SweepAnalysis.validate(i + 1, sweeps.get(i));
            JsonNode r = rows.get(i);
            assertEquals("coin-3", r.get("cell").asText());
            assertEquals(i + 1, r.get("spectrum_index").asInt());
            assertEquals(expected.validity().elements(), r.get("lin_kk_elements").asInt());
            assertEquals(expected.validity().passed() ? 1 : 0, r.get("lin_kk_passed").asInt());
            assertEquals(expected.validity().maxResidual(), r.get("lin_kk_max_residual").asDouble(), 1e-12);
            assertTrue(r.get("lin_kk_rms_residual").asDouble() > 0);
        }
    }

    @Test
    void drtPrintsEachPeakOfEachSweep() throws Exception {
        Console c = Console.run("data", "eis", run.toString(), "--cell", "coin-2", "--drt", "--format", "json");
        assertEquals(0, c.exitCode(), c.err());
        JsonNode rows = new ObjectMapper().readTree(c.out());
        List<DrtRow> expected = new ArrayList<>();
        List<Spectrum> sweeps = spectra.get("coin-2");
        for (int i = 0; i < sweeps.size(); i++) {
            expected.addAll(SweepAnalysis.drt(i + 1, sweeps.get(i)).stream().filter(r -> r.peak() != null).toList());
        }
        assertTrue(expected.size() >= 2, "at least a peak per sweep: " + expected.size());
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).peak().resistanceOhm(),
                    rows.get(i).get(DrtField.PEAK_RESISTANCE.columnName()).asDouble(), 1e-9);
            assertEquals(expected.get(i).peak().tauSecond(),
                    rows.get(i).get(DrtField.PEAK_TAU.columnName()).asDouble(), 1e-15);
        }
    }

    @Test
    void badRequestsAreRefusedWithWhatToDo() {
        Console circuit = Console.run("data", "eis", run.toString(), "--fit", "R0-Rct");
        assertEquals(2, circuit.exitCode());
        assertTrue(circuit.err().contains("column 4") && circuit.err().contains("unknown element 'Rct'"),
                circuit.err());
        Console two = Console.run("data", "eis", run.toString(), "--fit", "--drt");
        assertEquals(2, two.exitCode());
        assertTrue(two.err().contains("give one of them"), two.err());
        Console arrow = Console.run("data", "eis", run.toString(), "--kk", "--format", "arrow", "-o",
                tmp.resolve("kk.arrows").toString());
        assertEquals(2, arrow.exitCode());
        assertTrue(arrow.err().contains("fits.arrows"), arrow.err());
    }

    @Test
    void runRefusesABadCircuitBeforeCreatingAnything() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("bad-fit-inputs"));
        Path out = tmp.resolve("never-created");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--fit", "R0-p(R1,C1", "--out",
                out.toString());
        assertEquals(2, c.exitCode(), c.out());
        assertTrue(c.err().contains("--fit: circuit 'R0-p(R1,C1', column 11"), c.err());
        assertTrue(!java.nio.file.Files.exists(out), "no run directory for a refused run");
    }
}
