package io.cellbench.schedules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.RunReader;
import io.cellbench.daq.sink.SinkSettings;
import io.cellbench.daq.sink.Sinks;
import io.cellbench.schedules.session.RunSession;
import io.cellbench.schedules.session.SessionOptions;
import io.cellbench.schedules.session.TestBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/architecture.md's "How to add a sink", proven: {@link SampleCountSinkFactory} and a line
 * in this module's test META-INF/services/io.cellbench.daq.sink.SinkFactory are all it took
 * (no existing class edited). A run asks for it by name, it hears every sample the run directory
 * records, and a sink that fails ({@link FailingSinkFactory}) is said once and stops nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HowToAddASinkTest {
    private static final List<String> CELLS = List.of("coin-1", "coin-2");

    @TempDir
    Path tmp;

    @Test
    void theNewSinkIsFoundByNameAndHearsEverySampleTheRunRecords() throws Exception {
        assertInstanceOf(SampleCountSinkFactory.class, Sinks.all().get("example-count"));
        assertTrue(Sinks.all().containsKey("influxdb"), "beside the built-in ones");
        Path dir = tmp.resolve("run");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, RunEvent.Outcome> outcomes = RunSession.run(SessionOptions.builder(dir,
                        TestBench.schedule(tmp.resolve("in"), CELLS), TestBench.simulated())
                .sinks(List.of(SinkSettings.of("example-count")))
                .console(new PrintStream(printed, true, StandardCharsets.UTF_8)).environment(Map.of()).build());
        assertEquals(Map.of("coin-1", RunEvent.Outcome.COMPLETED, "coin-2", RunEvent.Outcome.COMPLETED), outcomes);

        StringBuilder expected = new StringBuilder();
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(dir, allocator)) {
            for (String cell : CELLS) {
                long[] rows = new long[1];
                reader.samples(cell, s -> rows[0]++);
                assertTrue(rows[0] > 10, cell + ": " + rows[0]);
                expected.append(cell).append(' ').append(rows[0]).append('\n');
            }
        }
        assertEquals(expected.toString(), Files.readString(dir.resolve("sample-counts.txt")));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("cellbench: sample counts in "
                + dir.resolve("sample-counts.txt")), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSinkThatFailsIsSaidOnceAndTheRunDirectoryStillRecordsEverything() throws Exception {
        Path dir = tmp.resolve("run");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, RunEvent.Outcome> outcomes = RunSession.run(SessionOptions.builder(dir,
                        TestBench.schedule(tmp.resolve("in"), CELLS), TestBench.simulated())
                .sinks(List.of(SinkSettings.of("example-failing"), SinkSettings.of("example-count")))
                .console(new PrintStream(printed, true, StandardCharsets.UTF_8)).environment(Map.of()).build());
        assertEquals(Map.of("coin-1", RunEvent.Outcome.COMPLETED, "coin-2", RunEvent.Outcome.COMPLETED), outcomes);
        String out = printed.toString(StandardCharsets.UTF_8);
        String said = "cellbench: the failing example is not getting this run's data any more: no space left on its "
                + "device (the run directory still records everything)";
        assertEquals(1, out.lines().filter(said::equals).count(), out);
        try (RootAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(dir, allocator)) {
            for (String cell : CELLS) {
                long[] rows = new long[1];
                reader.samples(cell, s -> rows[0]++);
                assertTrue(Files.readString(dir.resolve("sample-counts.txt")).contains(cell + " " + rows[0] + "\n"),
                        "the sink after the failing one heard every sample of " + cell);
            }
        }
    }
}
