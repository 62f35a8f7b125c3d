package io.cellbench.daq.influx;

import io.cellbench.core.data.RunEvent;
import java.time.Instant;

/**
 * Something an operator should know about the InfluxDB sink: the server is away, the backlog
 * grew past a threshold, the server refused lines, the backlog drained. {@code kind} is a
 * stable word for programs ({@code unreachable}, {@code reachable}, {@code backlog},
 * {@code backlog_drained}, {@code rejected}, {@code refused}, {@code spool_repaired},
 * {@code spool_error}, {@code writer_error}, {@code recovered}, {@code closed}); {@code message} is for people.
 */
public record SinkNotice(Instant time, RunEvent.Severity severity, String kind, String message) {

    @Override
    public String toString() {
        return severity + " influx " + kind + ": " + message;
    }
}
