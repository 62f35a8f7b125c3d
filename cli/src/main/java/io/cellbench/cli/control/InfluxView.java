package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What {@code status} says about the run's InfluxDB: where it sends, whether the server
 * answered the last attempt, and how much waits in the spool (the backlog grows while the
 * server is away and drains when it is back; see docs/influxdb.md). The running process puts
 * it under "influx" of its status answer (daq's InfluxDB sink).
 */
final class InfluxView {
    private InfluxView() {
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
