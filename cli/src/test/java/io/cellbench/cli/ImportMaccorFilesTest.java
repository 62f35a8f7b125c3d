package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Importers;
import io.cellbench.importers.SourceFile;
import io.cellbench.importers.repair.Repairs;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of Maccor text exports, as a Maccor lab keeps them: one cell per file, each with
 * its own entry in run.json and its own rows, what the reader and its repairs give for that file
 * alone. Maccor names a file after its test and a number ({@code .001}, {@code .041}); the number
 * stays in the cell's id, so {@code x.001} and {@code x.002} are two cells of their own names.
 */
class ImportMaccorFilesTest {

    @TempDir
    Path tmp;

    @Test
    void eachMaccorExportOfADirectoryIsItsOwnCell() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("maccor"));
        Map<String, Path> cells = new LinkedHashMap<>();
        for (String ref : List.of("maccor/battery-data-toolkit/maccor_example.001",
                "maccor/battery-data-toolkit/maccor_example.002", "maccor/beep/maccor_test_file_4267-66-6519.041")) {
            Path file = Files.copy(ReferenceData.require(ref), in.resolve(Path.of(ref).getFileName()));
            cells.put(file.getFileName().toString(), file);
        }
        Path run = tmp.resolve("run");
        Console c = Console.run("import", in.toString(), "--out", run.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        assertTrue(c.out().contains("cellbench import: 3 files, "), c.out());

        JsonNode entries = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("cells");
        assertEquals(3, entries.size(), entries.toString());
        int k = 0;
        for (Map.Entry<String, Path> cell : cells.entrySet()) {
            Path file = cell.getValue();
            ImportCommandTest.Rows expected = new ImportCommandTest.Rows();
            Repairs.read(Importers.forFile(file), file, expected);
            JsonNode entry = entries.get(k++);
            assertEquals(cell.getKey(), entry.path("id").asText(), "the test number stays in the id: " + entry);
            JsonNode imported = entry.path("import");
            assertEquals("maccor-text", imported.path("reader").asText());
            assertEquals(file.toAbsolutePath().normalize().toString(), imported.path("source_file").asText());
            assertEquals(SourceFile.of(file).sha256(), imported.path("source_sha256").asText());
            assertEquals(expected.samples.size(), imported.path("samples").asLong());

            Console raw = Console.run("data", "raw", run.toString(), "--cell", cell.getKey(), "--format", "csv");
            assertEquals(0, raw.exitCode(), raw.err());
            List<String> lines = raw.out().lines().toList();
            assertEquals(expected.samples.size() + 1, lines.size(), raw.out());
            List<String> header = List.of(lines.getFirst().split(","));
            for (int i = 0; i < expected.samples.size(); i++) {
                String[] row = lines.get(i + 1).split(",", -1);
                CyclerRecord r = expected.samples.get(i);
                assertEquals(cell.getKey(), row[header.indexOf("cell")]);
                assertEquals(r.testTimeSecond(), ImportCommandTest.value(row, header, "test_time_second"), 1e-9);
                assertEquals(r.unixTimeSecond(), ImportCommandTest.value(row, header, "unix_time_second"), 1e-6);
                assertEquals(r.voltageVolt(), ImportCommandTest.value(row, header, "voltage_volt"), 1e-12);
                assertEquals(r.currentAmpere(), ImportCommandTest.value(row, header, "current_ampere"), 1e-12);
                assertEquals(r.cycleCount(), (int) ImportCommandTest.value(row, header, "cycle_count"));
            }
        }
        // .002 continues .001's test on the next day: its clock, from its own header's date, is later
        assertTrue(entries.get(1).path("import").path("start_time").asText()
                .compareTo(entries.get(0).path("import").path("start_time").asText()) > 0, entries.toString());
    }
}
