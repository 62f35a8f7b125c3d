package io.cellbench.cli.serve;

import io.cellbench.schedules.runner.RunnerStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run going on in this process: each cell's state, step, cycle, voltage and current come
 * from the runner's own status snapshots (up to date to the last sample); the last event and
 * the time series come from the run directory being written.
 */
public final class LiveRunSource implements CellSource, AutoCloseable {
    private final Supplier<Map<String, RunnerStatus>> statuses;
    private final RunDirectorySource files;
    private final Path directory;

    /** @param statuses the runner's {@code statuses()}; an empty map before the run starts */
    public LiveRunSource(Path directory, Supplier<Map<String, RunnerStatus>> statuses) {
        this.directory = directory;
        this.statuses = statuses;
        this.files = new RunDirectorySource(directory);
    }

    @Override
    public String runId() {
        return RunDirectorySource.readRunId(directory);
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public List<CellView> cells() throws IOException {
        Map<String, FollowedEvents.CellEvents> events = files.events().cells();
        List<CellView> views = new ArrayList<>();
        statuses.get().forEach((id, s) -> {
            FollowedEvents.CellEvents e = events.getOrDefault(id, FollowedEvents.CellEvents.NONE);
            double progress = s.plannedStepCount() > 0
                    ? Math.min(1.0, (double) Math.max(0, s.stepCount() - (s.state() == RunnerStatus.State.ENDED ? 0 : 1))
                            / s.plannedStepCount())
                    : Double.NaN;
            if (s.state() == RunnerStatus.State.ENDED && s.outcome() == io.cellbench.core.data.RunEvent.Outcome.COMPLETED) {
                progress = 1.0;
            }
            views.add(new CellView(id, s.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), s.stepText(),
                    s.cycleCount(), s.voltageVolt(), s.currentAmpere(), s.testTimeSecond(), progress,
                    s.outcome() == null ? null : s.outcome().name(), e.lastEvent()));
        });
        return views;
    }

    @Override
    public Optional<Series> series(String cellId, double since, int max) throws IOException {
        if (!statuses.get().containsKey(cellId)) {
            return Optional.empty();
        }
        return Optional.of(files.samples().columns(cellId).map(c -> c.after(cellId, since, max))
                .orElse(new Series(cellId, new double[0], new float[0], new float[0], 0)));
    }

    @Override
    public void close() {
        files.close();
    }
}
