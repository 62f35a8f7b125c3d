package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.control.CellStatus;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.runner.RunPosition;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The status of a run no process runs, from its files: events.jsonl (steps, ends, alarms),
 * each cell's journal (position and counters) and the last recorded sample (voltage and
 * current), read from the cell's newest sample segment only.
 */
final class FileStatus {
    /** The journal's file of the run's outputs (cli's RunOptions), which is no cell. */
    private static final String RUN_OPTIONS = "run-options.json";

    private FileStatus() {
    }

    record Report(List<CellStatus> cells, Instant lastSeen) {
    }

    private static final class Seen {
        String state = "NOT_STARTED";
        int stepIndex;
        String step = "";
        int cycle;
        double testTime = Double.NaN;
        double stepStart = Double.NaN;
        String outcome;
        String fault;
    }

    static Report read(Path dir) throws IOException {
        Map<String, Seen> cells = new LinkedHashMap<>();
        Path events = dir.resolve("events.jsonl");
        Instant lastSeen = modified(dir.resolve("run.json"));
        if (Files.exists(events)) {
            lastSeen = later(lastSeen, modified(events));
            try (Stream<String> lines = Files.lines(events, StandardCharsets.UTF_8)) {
                lines.forEach(line -> take(line, cells));
            }
        }
        Path journal = JournalFiles.directory(dir);
        if (Files.isDirectory(journal)) {
            try (Stream<Path> files = Files.list(journal)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    // the cells' journals only: not run-mode.json, run-options.json, *.tmp or scheduler/
                    if (!name.endsWith(".json") || name.equals(JournalFiles.RUN_MODE) || name.equals(RUN_OPTIONS)) {
                        continue;
                    }
                    lastSeen = later(lastSeen, modified(f));
                    cells.computeIfAbsent(name.substring(0, name.length() - 5), k -> new Seen());
                }
            }
        }
        cells.remove(""); // run-wide notices
        List<CellStatus> out = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             RunReader reader = Files.isRegularFile(dir.resolve("run.json")) ? RunReader.open(dir, allocator) : null) {
            for (String id : order(dir, cells.keySet())) {
                out.add(row(dir, id, cells.computeIfAbsent(id, k -> new Seen()), lastSample(reader, allocator, id)));
            }
        }
        return new Report(out, lastSeen);
    }

    /** The schedule's order (the files' is a race between the cells' threads), then any others by name. */
    private static List<String> order(Path dir, java.util.Set<String> seen) {
        List<String> ids = new ArrayList<>();
        try {
            var mode = JournalFiles.readRunMode(dir);
            if (mode.isPresent()) {
                ScheduleLoader.load(dir.resolve(mode.get().schedule())).cells().forEach(c -> ids.add(c.info().id()));
            }
        } catch (IOException | RuntimeException e) {
            // inputs unreadable: by name below
        }
        seen.stream().sorted().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    private static void take(String line, Map<String, Seen> cells) {
        JsonNode n;
        try {
            n = ControlJson.MAPPER.readTree(line);
        } catch (IOException e) {
            return; // a line cut by a kill -9
        }
        if (n == null) {
            return;
        }
        Seen s = cells.computeIfAbsent(n.path("cell_id").asText(), k -> new Seen());
        double t = n.path("test_time_second").isNumber() ? n.path("test_time_second").asDouble() : Double.NaN;
        switch (n.path("type").asText()) {
            case "RunStarted" -> {
                s.state = "INTERRUPTED";
                s.outcome = null;
            }
            case "StepStarted" -> {
                s.stepIndex = n.path("step_index").asInt();
                s.step = n.path("description").asText();
                s.cycle = n.path("cycle_count").asInt();
                s.stepStart = t;
                s.testTime = t;
            }
            case "RunEnded" -> {
                s.state = "ENDED";
                s.outcome = n.path("outcome").asText();
                if (!"COMPLETED".equals(s.outcome) && !"STOPPED".equals(s.outcome)) {
                    s.fault = n.path("message").asText();
                }
                s.testTime = Double.isNaN(t) ? s.testTime : t;
            }
            case "Notice" -> {
                if ("ALARM".equals(n.path("severity").asText())) {
                    s.fault = n.path("message").asText();
                }
            }
            default -> {
                // StepEnded: nothing the status line shows
            }
        }
    }

    /** The newest sample of the cell, from its newest segment that has one; null if none or unreadable. */
    private static Sample lastSample(RunReader reader, BufferAllocator allocator, String id) {
        if (reader == null) {
            return null;
        }
        try {
            List<Path> segments = reader.sampleSegments(id);
            for (int i = segments.size() - 1; i >= 0; i--) {
                Sample[] last = new Sample[1];
                ArrowSampleReader.read(List.of(segments.get(i)), allocator, x -> last[0] = x);
                if (last[0] != null) {
                    return last[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // no samples yet, or a file cut by a crash: the other columns still say a lot
        }
        return null;
    }

    private static CellStatus row(Path dir, String id, Seen s, Sample last) throws IOException {
        double stepAh = Double.NaN;
        double testTime = s.testTime;
        double stepTime = Double.isNaN(s.testTime) || Double.isNaN(s.stepStart) ? Double.NaN : s.testTime - s.stepStart;
        JournalEntry j = JournalFiles.readEntry(dir, id).orElse(null);
        if (j != null && j.position() != null) {
            RunPosition p = j.position();
            stepAh = p.counters().stepAh();
            testTime = p.testTimeSecond();
            stepTime = p.stepElapsedSecond();
            if (p.stepIndex() != s.stepIndex) {
                s.stepIndex = p.stepIndex();
                s.step = "";
            }
            s.cycle = p.counters().cycleCount();
        }
        double volt = Double.NaN;
        double ampere = Double.NaN;
        if (last != null) {
            volt = last.voltageVolt();
            ampere = last.currentAmpere();
        }
        if ("ENDED".equals(s.state)) {
            // an ended cell was put to open circuit; after a fault that is not known, so no figure
            ampere = "FAULT".equals(s.outcome) ? Double.NaN : 0;
        }
        return new CellStatus(id, s.state, List.of(), null, s.stepIndex, s.step, s.cycle, volt, ampere, stepAh,
                stepTime, testTime, Double.NaN, s.outcome, s.fault);
    }

    private static Instant modified(Path p) throws IOException {
        return Files.exists(p) ? Files.getLastModifiedTime(p).toInstant() : FileTime.fromMillis(0).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
