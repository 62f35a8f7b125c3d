package io.cellbench.schedules.alarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.RunEvent.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Something a technician must hear about even when nobody watches the screen: sent to the
 * notifiers of the run's notify file (docs/operations.md, "Alarms").
 *
 * @param kind       what happened
 * @param cellId     the cell, empty for the whole run
 * @param severity   INFO (completion), WARNING (stopped, paused) or ALARM
 * @param message    the same text as in events.jsonl
 * @param time       when it was raised (wall clock)
 * @param suppressed for a summary: how many alarms of this kind and cell the rate limit held back
 */
public record Alarm(Kind kind, String cellId, Severity severity, String message, Instant time, int suppressed) {

    /** The alarm kinds; their names in files and messages are the lower-case ones. */
    public enum Kind {
        /** An instrument failed and could not be recovered: the channel was made safe, the cell ended. */
        FAULT,
        /** A safety limit was crossed: the channel was put at open circuit, the cell ended. */
        SAFETY_TRIP,
        /** Any other alarm-severity event (e.g. instruments that cannot be opened). */
        ALARM,
        /** The cell was paused (by the operator or an interlock). */
        PAUSED,
        /** An operator stopped the cell. */
        STOPPED,
        /** The cell ran every step of its protocol. */
        COMPLETED,
        /** No sample from a running channel for N sample periods. */
        SILENT_CHANNEL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Alarm {
        cellId = cellId == null ? "" : cellId;
    }

    public static Alarm of(Kind kind, String cellId, Severity severity, String message, Instant time) {
        return new Alarm(kind, cellId, severity, message, time, 0);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON a notifier receives: the alarm and the run it belongs to. */
    public String toJson(Map<String, String> run) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind.label());
        n.put("cell_id", cellId);
        n.put("severity", severity.name());
        n.put("message", message);
        n.put("time", time.toString());
        n.put("suppressed", suppressed);
        run.forEach(n::put);
        return n.toString();
    }

    /** The same as environment variables, for a command (CELLBENCH_ALARM_KIND, …). */
    public Map<String, String> environment(Map<String, String> run) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CELLBENCH_ALARM_KIND", kind.label());
        env.put("CELLBENCH_ALARM_CELL", cellId);
        env.put("CELLBENCH_ALARM_SEVERITY", severity.name());
        env.put("CELLBENCH_ALARM_MESSAGE", message);
        env.put("CELLBENCH_ALARM_TIME", time.toString());
        env.put("CELLBENCH_ALARM_SUPPRESSED", Integer.toString(suppressed));
        run.forEach((k, v) -> env.put("CELLBENCH_" + k.toUpperCase(Locale.ROOT), v));
        return env;
    }
}
