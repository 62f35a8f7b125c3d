package io.cellbench.cli.serve;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.daq.run.RunManifest;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run directory seen through its files alone (finished, or being written by another
 * process): states from events.jsonl, numbers from each cell's last sample. The planned
 * step count is not in the files, so progress is known only once a cell has completed.
 */
public final class RunDirectorySource implements CellSource, AutoCloseable {
    private final Path directory;
    private final FollowedEvents events;
    private final SampleCache samples;

    public RunDirectorySource(Path directory) {
        this.directory = directory;
        this.events = new FollowedEvents(directory);
        this.samples = new SampleCache(directory);
    }

    @Override
    public String runId() {
        return readRunId(directory);
    }

    static String readRunId(Path directory) {
        Path runJson = directory.resolve(RunLayout.RUN_JSON);
        if (!Files.exists(runJson)) {
            return "";
        }
        try {
            return manifest(directory).runId();
        } catch (IOException | RuntimeException halfWritten) {
            return "";
        }
    }

    private static RunManifest manifest(Path directory) throws IOException {
        try (RunReader reader = RunReader.open(directory)) {
            return reader.manifest();
        }
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public List<CellView> cells() throws IOException {
        var byEvents = events.cells();
        // Sorted: cells start on parallel threads, so the files' order is a race.
        Set<String> ids = new java.util.TreeSet<>(manifestCells());
        ids.addAll(byEvents.keySet());
        List<CellView> views = new ArrayList<>();
        for (String id : ids) {
            FollowedEvents.CellEvents e = byEvents.getOrDefault(id, FollowedEvents.CellEvents.NONE);
            Sample last = samples.columns(id).map(SampleCache.Columns::last).orElse(null);
            String state = e.outcome() != null ? "ended" : e.started() ? "running" : "not started";
            double progress = "COMPLETED".equals(e.outcome()) ? 1.0 : Double.NaN;
            views.add(new CellView(id, state, e.step(),
                    last != null ? last.cycleCount() : e.cycle(),
                    last != null ? last.voltageVolt() : Double.NaN,
                    last != null ? last.currentAmpere() : Double.NaN,
                    last != null ? last.testTimeSecond() : Double.NaN,
                    progress, e.outcome() == null ? null : e.outcome().toUpperCase(Locale.ROOT), e.lastEvent()));
        }
        return views;
    }

    private List<String> manifestCells() {
        Path runJson = directory.resolve(RunLayout.RUN_JSON);
        List<String> ids = new ArrayList<>();
        try {
            if (Files.exists(runJson)) {
                manifest(directory).cells().forEach(c -> ids.add(c.id()));
            }
        } catch (IOException | RuntimeException notYet) {
            // run.json is rewritten as cells start; the events and cells/ still name them
        }
        Path cellsDir = directory.resolve(RunLayout.CELLS);
        if (Files.isDirectory(cellsDir)) {
            try (Stream<Path> dirs = Files.list(cellsDir)) {
                dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                        .filter(id -> !ids.contains(id)).forEach(ids::add);
            } catch (IOException ignored) {
                // listed again on the next refresh
            }
        }
        return ids;
    }

    @Override
    public Optional<Series> series(String cellId, double since, int max) throws IOException {
        if (!knows(cellId)) {
            return Optional.empty();
        }
        return Optional.of(samples.columns(cellId).map(c -> c.after(cellId, since, max))
                .orElse(new Series(cellId, new double[0], new float[0], new float[0], 0)));
    }

    boolean knows(String cellId) throws IOException {
        return manifestCells().contains(cellId) || events.cells().containsKey(cellId);
    }

    SampleCache samples() {
        return samples;
    }

    FollowedEvents events() {
        return events;
    }

    @Override
    public void close() {
        samples.close();
    }
}
