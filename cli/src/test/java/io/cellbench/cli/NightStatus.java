package io.cellbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code cellbench status DIR --json}, polled all night as a technician's {@code watch} would,
 * remembering everything it ever showed: each cell's states, holds and last faults, whether it
 * was shown not answering or with its output not confirmed off, and whether InfluxDB was shown
 * unreachable. Polled from the test's own thread only ({@link Console} swaps System.out).
 */
final class NightStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private JsonNode last = JSON.createObjectNode();
    private final Map<String, Set<String>> faults = new TreeMap<>();
    private final Map<String, Set<String>> holds = new TreeMap<>();
    private final Map<String, Set<String>> states = new TreeMap<>();
    private final Set<String> notAnswering = new LinkedHashSet<>();
    private final Set<String> outputUnconfirmed = new LinkedHashSet<>();
    private final Set<String> influxErrors = new LinkedHashSet<>();
    private boolean influxShownAway;
    private int polls;

    /** @param dir the run directory as this process sees it */
    NightStatus(Path dir) {
        this.dir = dir;
    }

    /** Asks once; returns the answer (running or from the files). */
    JsonNode poll() {
        Console c = Console.run("status", dir.toString(), "--json");
        try {
            last = JSON.readTree(c.out());
        } catch (IOException e) {
            last = JSON.createObjectNode(); // no run.json yet, or a process still starting
            return last;
        }
        polls++;
        for (JsonNode cell : last.path("cells")) {
            String id = cell.path("cell_id").asText();
            add(states, id, cell.path("state").asText() + (cell.path("outcome").isTextual()
                    ? " " + cell.path("outcome").asText() : ""));
            cell.path("holds").forEach(h -> add(holds, id, h.asText()));
            if (cell.path("last_fault").isTextual()) {
                add(faults, id, cell.path("last_fault").asText());
            }
            if (cell.path("not_answering_since").isTextual()) {
                notAnswering.add(id);
            }
            if (cell.path("output_unconfirmed_since").isTextual()) {
                outputUnconfirmed.add(id);
            }
        }
        JsonNode influx = last.path("influx");
        if (influx.isObject() && !influx.path("reachable").asBoolean(true)) {
            influxShownAway = true;
            if (influx.path("last_error").isTextual()) {
                influxErrors.add(influx.path("last_error").asText());
            }
        }
        return last;
    }

    private static void add(Map<String, Set<String>> to, String cell, String what) {
        to.computeIfAbsent(cell, k -> new LinkedHashSet<>()).add(what);
    }

    JsonNode last() {
        return last;
    }

    /** The pid of the process that answered the last poll, or -1 when none runs the directory. */
    long runningPid() {
        return last.path("running").asBoolean() ? last.path("pid").asLong(-1) : -1;
    }

    /** The cell in the last answer (a missing node when the answer has none). */
    JsonNode cell(String id) {
        for (JsonNode c : last.path("cells")) {
            if (c.path("cell_id").asText().equals(id)) {
                return c;
            }
        }
        return JSON.missingNode();
    }

    /** Whether the last answer came from a running process and shows every one of {@code ids} in {@code state}. */
    boolean all(List<String> ids, String state) {
        return runningPid() > 0 && ids.stream().allMatch(id -> state.equals(cell(id).path("state").asText()));
    }

    Set<String> faultsShown(String cell) {
        return faults.getOrDefault(cell, Set.of());
    }

    Set<String> holdsShown(String cell) {
        return holds.getOrDefault(cell, Set.of());
    }

    Set<String> statesShown(String cell) {
        return states.getOrDefault(cell, Set.of());
    }

    boolean shownNotAnswering(String cell) {
        return notAnswering.contains(cell);
    }

    boolean shownOutputUnconfirmed(String cell) {
        return outputUnconfirmed.contains(cell);
    }

    boolean influxShownAway() {
        return influxShownAway;
    }

    int polls() {
        return polls;
    }

    /** What was seen, for failure messages. */
    String seen() {
        List<String> out = new ArrayList<>();
        out.add(polls + " polls");
        states.forEach((c, s) -> out.add(c + " states " + s + ", holds " + holdsShown(c) + ", faults " + faultsShown(c)));
        out.add("not answering " + notAnswering + ", output unconfirmed " + outputUnconfirmed + ", InfluxDB away "
                + influxShownAway + " " + influxErrors);
        out.add("last: " + last);
        return String.join("\n  ", out);
    }
}
