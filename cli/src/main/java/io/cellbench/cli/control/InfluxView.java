package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.daq.influx.InfluxSinkStatus;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What {@code status} says about the run's InfluxDB: where it sends, whether the server
 * answered the last attempt, and how much waits in the spool (the backlog grows while the
 * server is away and drains when it is back; see docs/influxdb.md).
 */
record InfluxView(String url, String database, Supplier<InfluxSinkStatus> status) {

    ObjectNode toJson() {
        InfluxSinkStatus s = status.get();
        ObjectNode n = ControlJson.MAPPER.createObjectNode();
        n.put("url", url);
        n.put("database", database);
        n.put("reachable", s.serverReachable());
        n.put("backlog_lines", s.backlogLines());
        n.put("backlog_bytes", s.backlogBytes());
        n.put("lines_written", s.linesWritten());
        n.put("lines_rejected", s.linesRejected());
        n.put("last_error", s.lastError() == null || s.lastError().isEmpty() ? null : s.lastError());
        n.put("spool", s.spoolDirectory() == null ? null : s.spoolDirectory().toString());
        return n;
    }

    /**
     * The status table's InfluxDB line: "InfluxDB URL, database DB: reachable; nothing waiting"
     * or "…: NOT REACHABLE (last error); 12,345 lines (1.2 MB) waiting in the spool DIR".
     */
    static String line(JsonNode n) {
        long lines = n.path("backlog_lines").asLong();
        String waiting = lines == 0 ? "nothing waiting" : String.format(Locale.ROOT, "%,d lines (%s) waiting in the"
                + " spool%s", lines, bytes(n.path("backlog_bytes").asLong()),
                n.path("spool").isTextual() ? " " + n.path("spool").asText() : "");
        boolean reachable = n.path("reachable").asBoolean();
        String error = n.path("last_error").isTextual() ? " (" + n.path("last_error").asText() + ")" : "";
        return "InfluxDB " + n.path("url").asText() + ", database " + n.path("database").asText() + ": "
                + (reachable ? "reachable" : "NOT REACHABLE" + error) + "; " + waiting
                + (n.path("lines_rejected").asLong() > 0 ? String.format(Locale.ROOT, "; %,d lines rejected",
                        n.path("lines_rejected").asLong()) : "");
    }

    private static String bytes(long b) {
        return b >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", b / 1e6)
                : b >= 1000 ? String.format(Locale.ROOT, "%.1f kB", b / 1e3) : b + " B";
    }
}
