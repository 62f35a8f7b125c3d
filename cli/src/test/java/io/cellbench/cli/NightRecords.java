package io.cellbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;

/** What the soak reads back: each cell's samples, cycles and entry, a run's events, InfluxDB's points. */
final class NightRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NightRecords() {
    }

    /** One cell of a run directory: every sample over all segments, in order; its cycles; its run.json entry. */
    record Cell(List<Sample> samples, List<CycleSummary> cycles, CellEntry entry) {

        /** The samples of each step (by step count), in order. */
        Map<Integer, List<Sample>> steps() {
            Map<Integer, List<Sample>> out = new LinkedHashMap<>();
            samples.forEach(s -> out.computeIfAbsent(s.stepCount(), k -> new ArrayList<>()).add(s));
            return out;
        }
    }

    static Map<String, Cell> read(Path dir, List<String> cells) throws IOException {
        Map<String, Cell> out = new LinkedHashMap<>();
        try (RunReader reader = RunReader.open(dir)) {
            for (String c : cells) {
                List<Sample> samples = new ArrayList<>();
                reader.samples(c, samples::add);
                out.put(c, new Cell(List.copyOf(samples), reader.cycles(c), reader.manifest().cell(c).orElseThrow()));
            }
        }
        return out;
    }

    /** Every line of events.jsonl, parsed (a line that is not JSON fails the soak: none may be torn). */
    static List<JsonNode> events(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The unix times at which the cell was resumed (its resumed RunStarted events), in order. */
    static List<Double> resumes(List<JsonNode> events, String cell) {
        return events.stream().filter(e -> e.path("type").asText().equals("RunStarted")
                        && e.path("cell_id").asText().equals(cell) && e.path("resumed").asBoolean())
                .map(e -> e.path("unix_time_second").asDouble()).toList();
    }

    /**
     * When each of the cell's steps began (its StepStarted events, by step count): the last one
     * for a step, which a process killed before it journaled the step may have begun before.
     */
    static Map<Integer, Double> stepStarts(List<JsonNode> events, String cell) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        events.stream().filter(e -> e.path("type").asText().equals("StepStarted")
                        && e.path("cell_id").asText().equals(cell))
                .forEach(e -> out.put(e.path("step_count").asInt(), e.path("unix_time_second").asDouble()));
        return out;
    }

    /** InfluxDB's points of each cell, exported by {@code cellbench data export --influx} as Arrow files. */
    static Map<String, List<Sample>> influx(HostileNightSoakTest.Night night, List<String> cells, Path to)
            throws IOException {
        Console export = Console.run("data", "export", "--influx", night.in.influxUrl(), "--db", NightInputs.DATABASE,
                "--influx-config", night.in.influxConfig().toString(), "--format", "arrow", "-o", to.toString());
        if (export.exitCode() != 0) {
            throw new AssertionError("exporting InfluxDB's points failed: " + export.out() + export.err());
        }
        Map<String, List<Sample>> out = new LinkedHashMap<>();
        try (RootAllocator allocator = new RootAllocator()) {
            for (String c : cells) {
                List<Sample> points = new ArrayList<>();
                Path file = to.resolve(c + ".arrows");
                if (Files.exists(file)) {
                    ArrowSampleReader.read(List.of(file), allocator, points::add);
                }
                out.put(c, List.copyOf(points));
            }
        }
        return out;
    }
}
