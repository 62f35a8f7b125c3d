package io.cellbench.cli.serve;

import io.cellbench.daq.run.EventLogReader;
import io.cellbench.daq.run.LoggedEvent;
import io.cellbench.daq.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows a run's events.jsonl: reads only the lines added since the last call (a line not
 * yet ended by a newline waits for the next call) and keeps each cell's latest state.
 */
final class FollowedEvents {

    /** What the events say about one cell. */
    record CellEvents(boolean started, String step, int stepCount, int cycle, String outcome, String lastEvent) {
        static final CellEvents NONE = new CellEvents(false, "", 0, 0, null, "");
    }

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, CellEvents> cells = new LinkedHashMap<>();
    private long position;

    FollowedEvents(Path runDirectory) {
        this.file = runDirectory.resolve(RunLayout.EVENTS);
    }

    /** Each cell's state after every complete line now in the file, in order of first appearance. */
    Map<String, CellEvents> cells() throws IOException {
        lock.lock();
        try {
            if (Files.exists(file)) {
                if (Files.size(file) < position) {
                    position = 0; // replaced (a new run in the same place): start over
                    cells.clear();
                }
                position = EventLogReader.read(file, position, this::apply);
            }
            return new LinkedHashMap<>(cells);
        } finally {
            lock.unlock();
        }
    }

    private void apply(LoggedEvent event) {
        String id = event.cellId();
        if (id.isEmpty()) {
            return;
        }
        CellEvents c = cells.getOrDefault(id, CellEvents.NONE);
        cells.put(id, switch (event) {
            case LoggedEvent.RunStarted e -> new CellEvents(true, c.step(), c.stepCount(), c.cycle(), null,
                    (e.resumed() ? "resumed " : "started ") + e.protocolName());
            case LoggedEvent.StepStarted e -> new CellEvents(true, e.description(), e.stepCount(), e.cycleCount(),
                    c.outcome(), "step " + e.stepCount() + " started");
            case LoggedEvent.StepEnded e -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(), c.outcome(),
                    "step " + e.stepCount() + " ended: " + e.reason());
            case LoggedEvent.Notice e -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(), c.outcome(),
                    e.severity().name().toLowerCase(Locale.ROOT) + ": " + e.message());
            case LoggedEvent.RunEnded e -> new CellEvents(c.started(), c.step(), c.stepCount(), c.cycle(),
                    e.outcome().name(), "ended " + e.outcome().name().toLowerCase(Locale.ROOT)
                            + (e.message().isBlank() ? "" : ": " + e.message()));
        });
    }
}
