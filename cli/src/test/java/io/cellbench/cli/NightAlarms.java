package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fault and alarm of the night in the three places a technician looks: the console of
 * the process that raised it, {@code status} (as polled all night) and events.jsonl; and the
 * night's own episodes (the disk, InfluxDB, the stall) recorded where they belong.
 */
final class NightAlarms {
    private NightAlarms() {
    }

    static void check(HostileNightSoakTest.Night night, List<JsonNode> events, String context) throws IOException {
        StringBuilder consoles = new StringBuilder();
        for (Child c : night.processes) {
            consoles.append(c.output()).append('\n');
        }
        String console = consoles.toString();
        NightStatus status = night.status;
        List<String> alarms = new ArrayList<>();
        for (JsonNode e : events) {
            boolean alarm = "ALARM".equals(e.path("severity").asText());
            boolean fault = "RunEnded".equals(e.path("type").asText()) && !"COMPLETED".equals(e.path("outcome").asText());
            if (!alarm && !fault) {
                continue;
            }
            String cell = e.path("cell_id").asText();
            String message = e.path("message").asText();
            alarms.add((cell.isEmpty() ? "run" : cell) + ": " + message);
            String head = message.length() > 60 ? message.substring(0, 60) : message;
            assertTrue(console.lines().anyMatch(l -> l.contains("ALARM") && l.contains(head)) || fault
                    && console.contains(head), "on the console: " + e + ", " + context);
            assertTrue(inStatus(status, cell, message, fault), "in status (polled all night): " + e + "\nstatus saw: "
                    + status.seen() + "\n" + context);
        }
        System.out.println("HostileNightSoakTest: " + alarms.size() + " faults and alarms, each on the console, in status"
                + " and in events.jsonl: " + alarms);

        for (String c : HostileNightSoakTest.CELLS) {
            assertTrue(has(events, c, "paused (disk space: "), c + " paused for the disk, " + context);
            assertTrue(has(events, c, "resumed after a pause of"), c + " went on after the disk, " + context);
        }
        assertTrue(events.stream().anyMatch(e -> e.path("message").asText().startsWith("InfluxDB unreachable")),
                "InfluxDB's outage is in events.jsonl, " + context);
        assertTrue(status.influxShownAway(), "status showed InfluxDB away, " + context);
        NightChecks.stall(night, events, context);
        String sent = Files.exists(night.in.alarms()) ? Files.readString(night.in.alarms()) : "";
        String stalled = night.plan.stalledCell();
        assertTrue(sent.lines().anyMatch(l -> l.contains("\"kind\":\"fault\"") && l.contains(stalled)),
                "the notify command was told of the fault: " + sent);
        assertTrue(sent.lines().anyMatch(l -> l.contains("disk space")), "and of the disk: " + sent);
    }

    /** How status shows what an alarm says: the cell's last fault, not answering, an output in doubt, a hold. */
    private static boolean inStatus(NightStatus status, String cell, String message, boolean fault) {
        if (cell.isEmpty()) {
            return message.startsWith("disk space: ") && HostileNightSoakTest.CELLS.stream()
                    .allMatch(c -> status.holdsShown(c).stream().anyMatch(h -> h.startsWith("disk space: ")));
        }
        if (message.startsWith("channel silent")) {
            return status.shownNotAnswering(cell);
        }
        if (message.contains("not confirmed off")) {
            return status.shownOutputUnconfirmed(cell) || status.faultsShown(cell).contains(message);
        }
        boolean shown = status.faultsShown(cell).stream().anyMatch(f -> f.equals(message) || message.startsWith(f));
        return fault ? shown && status.statesShown(cell).stream().anyMatch(s -> s.startsWith("ENDED")) : shown;
    }

    private static boolean has(List<JsonNode> events, String cell, String text) {
        return events.stream().anyMatch(e -> cell.equals(e.path("cell_id").asText())
                && e.path("message").asText().contains(text));
    }
}
