package io.cellbench.schedules.execution;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.cycles.CycleStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Keeps every cell's events, from any number of runner threads, for assertions. */
final class CollectingListener implements RunListener {
    private final Map<String, List<RunEvent>> byCell = new ConcurrentHashMap<>();
    /** Sees every event first, on the runner's thread (to act at a given moment of a run). */
    volatile Consumer<RunEvent> spy = e -> { };

    @Override
    public void on(RunEvent event) {
        spy.accept(event);
        byCell.computeIfAbsent(event.cellId(), id -> Collections.synchronizedList(new ArrayList<>())).add(event);
    }

    List<RunEvent> events(String cellId) {
        List<RunEvent> list = byCell.getOrDefault(cellId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    <T extends RunEvent> List<T> of(String cellId, Class<T> type) {
        return events(cellId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Sample> samples(String cellId) {
        return of(cellId, RunEvent.SampleRecorded.class).stream().map(RunEvent.SampleRecorded::sample).toList();
    }

    RunEvent.RunEnded ended(String cellId) {
        List<RunEvent.RunEnded> ends = of(cellId, RunEvent.RunEnded.class);
        if (ends.size() != 1) {
            throw new AssertionError(cellId + " ended " + ends.size() + " times: " + ends);
        }
        return ends.getFirst();
    }

    /** The cell's cycle summaries, computed from its samples as the run directory does. */
    List<CycleSummary> cycles(String cellId) {
        CycleStatistics statistics = new CycleStatistics();
        List<CycleSummary> out = new ArrayList<>();
        for (Sample s : samples(cellId)) {
            statistics.add(s).ifPresent(out::add);
        }
        statistics.finish().ifPresent(out::add);
        return out;
    }
}
