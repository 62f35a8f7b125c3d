package io.cellbench.daq.sink;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.RunInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a sink is given besides the events: the run it belongs to and where to speak. The same
 * for a live run, a resumed one (each cell's {@link RunEvent.RunStarted} says {@code resumed})
 * and one that only replays recorded events (an import).
 *
 * @param runDirectory where the run is recorded; a sink keeps its own state under it (a spool),
 *                     or writes files beside a cell's samples (see {@link io.cellbench.daq.run.RunLayout})
 * @param run          the run's id, start and instruments
 * @param environment  the process's environment (credentials are read from it or from files, never settings)
 * @param console      one line for the person running the run ("cellbench: …")
 * @param record       records a notice in the run's events.jsonl only (not back to the sinks):
 *                     what the sink wants kept with the data (its server was away)
 * @param publish      hands an event this sink derived (an impedance fit of a spectrum) to the
 *                     run directory and every other sink, after the event being handled; call it
 *                     from {@code on}, in the thread that delivered the event, so that each
 *                     cell's events stay in order
 */
public record SinkContext(Path runDirectory, RunInfo run, Map<String, String> environment, Consumer<String> console,
                          Consumer<RunEvent.Notice> record, Consumer<RunEvent> publish) {

    public SinkContext {
        environment = Map.copyOf(environment);
    }

    /** A context whose derived events go nowhere (until {@link SinkFanout} gives each sink its own). */
    public SinkContext(Path runDirectory, RunInfo run, Map<String, String> environment, Consumer<String> console,
                       Consumer<RunEvent.Notice> record) {
        this(runDirectory, run, environment, console, record, e -> { });
    }

    SinkContext publishingTo(Consumer<RunEvent> to) {
        return new SinkContext(runDirectory, run, environment, console, record, to);
    }
}
