package io.cellbench.cli.control;

import io.cellbench.cli.ScheduleOrder;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowSampleReader;
import io.cellbench.daq.run.EventLogReader;
import io.cellbench.daq.run.LoggedEvent;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.control.CellStatus;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
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
public final class FileStatus {
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

    /**
     * Every cell the files know, in the schedule's order: what a running process's status takes
     * the cells that ended before it from.
     */
    public static List<CellStatus> cells(Path dir) throws IOException {
        return read(dir).cells();
    }

    static Report read(Path dir) throws IOException {
        Map<String, Seen> cells = new LinkedHashMap<>();
        Path events = dir.resolve(RunLayout.EVENTS);
        Instant lastSeen = modified(dir.resolve("run.json"));
        if (Files.exists(events)) {
            lastSeen = later(lastSeen, modified(events));
            EventLogReader.readAll(dir, event -> take(event, cells));
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
        return ScheduleOrder.of(dir, seen.stream().sorted().toList());
    }

    private static void take(LoggedEvent event, Map<String, Seen> cells) {
        Seen s = cells.computeIfAbsent(event.cellId(), k -> new Seen());
        double t = event.testTimeSecond();
        switch (event) {
            case LoggedEvent.RunStarted e -> {
                s.state = "INTERRUPTED";
                s.outcome = null;
            }
            case LoggedEvent.StepStarted e -> {
                s.stepIndex = e.stepIndex();
                s.step = e.description();
                s.cycle = e.cycleCount();
                s.stepStart = t;
                s.testTime = t;
            }
            case LoggedEvent.RunEnded e -> {
                s.state = "ENDED";
                s.outcome = e.outcome().name();
                if (e.outcome() != RunEvent.Outcome.COMPLETED && e.outcome() != RunEvent.Outcome.STOPPED) {
                    s.fault = e.message();
                }
                s.testTime = Double.isNaN(t) ? s.testTime : t;
            }
            case LoggedEvent.Notice e -> {
                if (e.severity() == RunEvent.Severity.ALARM) {
                    s.fault = e.message();
                }
            }
            case LoggedEvent.StepEnded e -> {
                // nothing the status line shows
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
