package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a virtual lab in scaled time lives in the lab's time, and so do the dates of its
 * events.jsonl: an event that carries no test time (an operator's request here; InfluxDB's
 * and the disk watch's notices, a switch-off confirmed after its cell ended) is dated by the
 * run's clock, not by the wall clock, which at 600 lab seconds per second lies hours behind.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // a hang guard
class VirtualLabEventDatesTest {
    private static final double SPEED = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void anOperatorsRequestIsDatedInTheLabsTimeBetweenTheCellsEvents() throws Exception {
        Files.writeString(dir.resolve("steps.yaml"), """
                name: a long rest
                logging:
                  period: 60 s
                  sample_period: 10 s
                steps:
                  - Rest for 30 days
                """);
        Path out = dir.resolve("run");
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new ScaledClock(System.currentTimeMillis()
                / 1000.0, SPEED), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            lab.writeSchedule(dir.resolve("schedule.yaml"), "steps.yaml");
            Child run = Child.start(dir, "run", dir.resolve("schedule.yaml").toString(), "--lab",
                    dir.resolve("lab.yaml").toString(), "--out", out.toString());
            try {
                Child.waitFor(run, () -> run.runs(out), "the run answers", 120);
                Child.waitFor(run, () -> read(out.resolve("events.jsonl")).lines().anyMatch(l ->
                        l.contains("\"StepStarted\"") && l.contains("\"cell-1\"")), "cell-1 rests", 120);
                Console pause = Console.run("pause", out.toString(), "--reason", "crimp check");
                assertEquals(0, pause.exitCode(), pause.out() + pause.err());
                assertEquals(0, Console.run("stop", out.toString()).exitCode());
                run.exit(60);
            } finally {
                run.process().destroyForcibly();
            }
        }
        // the first cell's events (the lab has one cell of each kind; the others wait for nothing here)
        List<JsonNode> events = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("events.jsonl"));
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            if (event.path("cell_id").asText().equals("cell-1")) {
                assertTrue(event.path("unix_time_second").isNumber(), "every event of the cell has a date: " + line);
                events.add(event);
            }
        }
        int request = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("message").asText().contains("pause requested")) {
                request = i;
            }
        }
        assertTrue(request > 0, "the request is recorded after the cell's start: " + String.join("\n", lines));
        double requested = events.get(request).path("unix_time_second").asDouble();
        // a second of the lab's time for the two clocks' readings, each to the wall clock's millisecond
        double before = events.get(request - 1).path("unix_time_second").asDouble();
        assertTrue(requested >= before - 1, "dated " + (before - requested) + " s before the event it follows: "
                + events.get(request - 1) + " then " + events.get(request));
        for (JsonNode later : events.subList(request + 1, events.size())) {
            double at = later.path("unix_time_second").asDouble();
            assertTrue(at >= requested - 1, "dated " + (requested - at) + " s after an event that follows it: "
                    + events.get(request) + " then " + later);
        }
    }
}
