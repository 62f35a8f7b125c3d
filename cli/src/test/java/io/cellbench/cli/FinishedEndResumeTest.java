package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.daq.run.RunReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that completed as the disk filled: its journal took the end (it is written first),
 * neither events.jsonl nor run.json did. FullDiskTest met this once under load (run G2:
 * coin-N with no outcome in run.json after a resume that exited 0), and a FullDiskTest-like
 * run on a real tmpfs of 320 kB did it too, with the run's own words ("cannot write the end
 * of its run to events.jsonl"). The run directory is made to look as that left it: a run of
 * the three coins, then coin-2's end taken out of run.json and events.jsonl.
 *
 * <p>Before: {@code resume} said "coin-2: finished (COMPLETED), left alone", "nothing to do",
 * exited 0, and run.json kept coin-2 without an outcome for good.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FinishedEndResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void resumeRecordsTheEndOfACellThatCompletedAsTheDiskFilled() throws Exception {
        Path dir = ShortRun.record(tmp);
        dropEnd(dir, "coin-2");
        assertEquals(Optional.empty(), outcome(dir, "coin-2"));

        Console resume = Console.run("resume", dir.toString());
        assertEquals(0, resume.exitCode(), resume.out() + resume.err());
        for (String cell : ShortRun.CELLS) {
            assertEquals(Optional.of(Outcome.COMPLETED), outcome(dir, cell), cell + ": " + resume.out());
        }
        assertTrue(resume.out().contains("coin-2 had ended completed when the run directory could not take its end"),
                resume.out());
        assertEquals(1, Files.readString(dir.resolve("events.jsonl")).lines()
                .filter(l -> l.contains("\"RunEnded\"") && l.contains("\"cell_id\":\"coin-2\"")).count());

        Console again = Console.run("resume", dir.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(!again.out().contains("had ended completed when"), "recorded once: " + again.out());
    }

    @Test
    void aRunThatSaysACellCompletedWhileRunJsonDoesNotDoesNotExitZero() throws Exception {
        Path dir = ShortRun.record(tmp);
        dropEnd(dir, "coin-2");
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        ShortRun.CELLS.forEach(c -> outcomes.put(c, Outcome.COMPLETED));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = RunSummary.print(dir, outcomes, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(RunSummary.NOT_ALL_COMPLETED, code, out);
        assertTrue(out.contains("cellbench: ALARM: run.json does not record that cell coin-2 ended completed"), out);
        assertTrue(out.contains("'cellbench resume " + dir + "' records it"), out);
        assertEquals(1, out.lines().filter(l -> l.contains("ALARM")).count(), "coin-1 and coin-3 are recorded: " + out);
    }

    /** run.json's entry as the cell's start wrote it, events.jsonl without the cell's RunEnded. */
    private static void dropEnd(Path dir, String cell) throws IOException {
        Path runJson = dir.resolve("run.json");
        ObjectNode root = (ObjectNode) JSON.readTree(runJson.toFile());
        root.withArray("cells").forEach(c -> {
            if (c.path("id").asText().equals(cell)) {
                ((ObjectNode) c).putNull("outcome").put("end_message", "").putNull("end_test_time_second");
            }
        });
        JSON.writerWithDefaultPrettyPrinter().writeValue(runJson.toFile(), root);
        Path events = dir.resolve("events.jsonl");
        String kept = Files.readString(events).lines()
                .filter(l -> !(l.contains("\"RunEnded\"") && l.contains("\"cell_id\":\"" + cell + "\"")))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(events, kept);
    }

    private static Optional<Outcome> outcome(Path dir, String cell) throws IOException {
        try (RunReader reader = RunReader.open(dir)) {
            return reader.manifest().cell(cell).orElseThrow().outcome();
        }
    }
}
