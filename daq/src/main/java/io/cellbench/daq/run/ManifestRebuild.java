package io.cellbench.daq.run;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.daq.arrow.Segments;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Rebuilds a lost or unreadable run.json from what the run directory still holds: every
 * Arrow file carries the run's and its cell's description as schema metadata (run id, start,
 * version, cell, protocol, instruments), and events.jsonl has each cell's starts and its end.
 * What neither holds is said, never guessed silently (docs/operations.md, "Repair").
 */
public final class ManifestRebuild {

    /**
     * @param manifest the rebuilt run.json
     * @param rebuilt  what was rebuilt and from where, a line each
     * @param missing  what could not be, a line each (the manifest then has a blank or a default)
     */
    public record Result(RunManifest manifest, List<String> rebuilt, List<String> missing) {
    }

    private ManifestRebuild() {
    }

    /**
     * @param scheduled the cells of the run's schedule copy, in order, or empty when it cannot
     *                  be read: they give the order and describe cells that wrote no file
     */
    public static Result rebuild(Path runDirectory, List<CellInfo> scheduled) throws IOException {
        List<String> rebuilt = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, String>> metadata = metadata(runDirectory);
        Map<String, CellEvents> events = events(runDirectory);

        // run.json lists the cells that started or wrote data in the schedule's order, as a run
        // writes it; those the schedule copy does not name after them, in the order they first started
        Set<String> ids = new LinkedHashSet<>();
        Map<String, CellInfo> fromSchedule = new LinkedHashMap<>();
        scheduled.forEach(c -> fromSchedule.put(c.id(), c));
        for (CellInfo c : scheduled) {
            if (events.containsKey(c.id()) || metadata.containsKey(c.id())) {
                ids.add(c.id());
            }
        }
        ids.addAll(events.keySet());
        ids.addAll(metadata.keySet());

        Map<String, String> run = metadata.values().stream().findFirst().orElse(Map.of());
        String runId = run.getOrDefault(RunMetadata.RUN_ID, "");
        for (var e : metadata.entrySet()) {
            String other = e.getValue().getOrDefault(RunMetadata.RUN_ID, "");
            if (!other.equals(runId)) {
                throw new IOException("the data files of " + runDirectory + " belong to different runs (\"" + runId
                        + "\", and \"" + other + "\" in cells/" + e.getKey() + "): cellbench cannot tell which run.json"
                        + " to rebuild; separate the runs first");
            }
        }
        if (runId.isEmpty()) {
            throw new IOException("no data file in " + runDirectory.resolve(RunLayout.CELLS) + " says which run it"
                    + " belongs to: there is no recorded data to rebuild run.json for (start the run again)");
        }
        rebuilt.add("run id, start time and cellbench version: from the Arrow files' metadata (\"" + runId + "\")");

        List<CellEntry> cells = new ArrayList<>();
        for (String id : ids) {
            Map<String, String> m = metadata.getOrDefault(id, Map.of());
            CellEvents ev = events.getOrDefault(id, new CellEvents());
            CellInfo info = m.isEmpty() ? fromSchedule.get(id) : cellOf(id, m);
            if (info == null) {
                info = new CellInfo(id, "", "", 1, Double.NaN, Double.NaN, "");
                missing.add("cell " + id + ": no data file and not in the schedule copy: format, chemistry and"
                        + " nominal capacity unknown (written as blank, 1 Ah)");
            } else if (m.isEmpty()) {
                missing.add("cell " + id + ": no data file: described from the schedule copy; protocol and"
                        + " instruments unknown");
            }
            double started = ev.firstStart;
            if (Double.isNaN(started)) {
                started = number(m.get(RunMetadata.SEGMENT_START_UNIX_TIME));
                missing.add("cell " + id + ": no start in events.jsonl: its start time is its first data file's");
            }
            int starts = ev.starts > 0 ? ev.starts : Math.max(1, segments(runDirectory, id));
            cells.add(new CellEntry(info, m.getOrDefault(RunMetadata.PROTOCOL_NAME, ""),
                    m.getOrDefault(RunMetadata.PROTOCOL_SOURCE, ""), m.getOrDefault(RunMetadata.INSTRUMENTS, ""),
                    RunLayout.CELLS + "/" + id, started, starts, Optional.ofNullable(ev.outcome),
                    ev.outcome == null ? "" : ev.endMessage, ev.outcome == null ? Double.NaN : ev.endTestTime));
            rebuilt.add("cell " + id + ": " + (m.isEmpty() ? "" : "description and protocol from its data files; ")
                    + ev.starts + " start(s)" + (ev.outcome == null ? ", no end (interrupted or running)"
                    : ", ended " + ev.outcome) + " from events.jsonl");
        }
        RunManifest manifest = new RunManifest(runId, run.getOrDefault(RunMetadata.RUN_START_TIME, ""),
                run.getOrDefault(RunMetadata.CELLBENCH_VERSION, ""), cells);
        return new Result(manifest, rebuilt, missing);
    }

    /** Writes the rebuilt run.json (atomically, as the run does). */
    public static void write(Path runDirectory, RunManifest manifest) throws IOException {
        manifest.write(runDirectory.resolve(RunLayout.RUN_JSON));
    }

    private static CellInfo cellOf(String id, Map<String, String> m) {
        double capacity = number(m.get(RunMetadata.CELL_NOMINAL_CAPACITY_AH));
        return new CellInfo(id, m.get(RunMetadata.CELL_FORMAT), m.get(RunMetadata.CELL_CHEMISTRY),
                capacity > 0 ? capacity : 1, number(m.get(RunMetadata.CELL_AREA_SQUARE_METRE)),
                number(m.get(RunMetadata.CELL_MASS_KILOGRAM)), m.get(RunMetadata.CELL_NOTES));
    }

    private static double number(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Each cell directory's first readable sample (or spectrum) file's schema metadata. */
    private static Map<String, Map<String, String>> metadata(Path runDirectory) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Path cells = runDirectory.resolve(RunLayout.CELLS);
        if (!Files.isDirectory(cells)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(cells)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Path dir : dirs) {
                List<Path> files = new ArrayList<>(Segments.list(dir, RunLayout.SAMPLES));
                files.addAll(Segments.list(dir, RunLayout.SPECTRA));
                for (Path f : files) {
                    Map<String, String> m = schemaMetadata(f, allocator);
                    if (m.containsKey(RunMetadata.RUN_ID)) {
                        out.put(dir.getFileName().toString(), m);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** An Arrow stream file's schema metadata; empty when its schema cannot be read. */
    public static Map<String, String> schemaMetadata(Path file, BufferAllocator parent) {
        try (BufferAllocator allocator = parent.newChildAllocator("schema " + file, 0, Long.MAX_VALUE);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowStreamReader reader = new ArrowStreamReader(channel, allocator)) {
            Map<String, String> custom = reader.getVectorSchemaRoot().getSchema().getCustomMetadata();
            return custom == null ? Map.of() : Map.copyOf(custom);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static int segments(Path runDirectory, String id) throws IOException {
        Path dir = runDirectory.resolve(RunLayout.CELLS).resolve(id);
        return Files.isDirectory(dir) ? Segments.list(dir, RunLayout.SAMPLES).size() : 0;
    }

    private static final class CellEvents {
        double firstStart = Double.NaN;
        int starts;
        Outcome outcome;
        String endMessage = "";
        double endTestTime = Double.NaN;
    }

    /** Each cell's starts and last end, from events.jsonl (lines that do not parse are skipped). */
    private static Map<String, CellEvents> events(Path runDirectory) throws IOException {
        Map<String, CellEvents> out = new LinkedHashMap<>();
        EventLogReader.readAll(runDirectory, event -> {
            if (event.cellId().isEmpty()) {
                return;
            }
            switch (event) {
                case LoggedEvent.RunStarted e -> {
                    CellEvents c = out.computeIfAbsent(e.cellId(), k -> new CellEvents());
                    if (c.starts == 0) {
                        c.firstStart = e.unixTimeSecond();
                    }
                    c.starts++;
                    c.outcome = null; // a start after an end: the cell was resumed
                }
                case LoggedEvent.RunEnded e -> {
                    CellEvents c = out.computeIfAbsent(e.cellId(), k -> new CellEvents());
                    c.outcome = e.outcome();
                    c.endMessage = e.message();
                    c.endTestTime = e.testTimeSecond();
                }
                default -> {
                    // steps and notices say nothing about how a cell's run ended
                }
            }
        });
        return out;
    }
}
