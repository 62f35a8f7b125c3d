package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.schedules.control.CellStatus;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.control.ControlClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show where every cell of a run is.",
            "State, step, cycle, voltage, current, the step's capacity, time in step, the time left",
            "(estimate) and the last fault. From the running process (DIR/control.sock) when one runs",
            "DIR, otherwise from the run directory's files, marked \"not running\".",
            "See docs/operations.md, \"Watch\"."},
        footer = {"", "Examples:",
            "  cellbench status runs/live",
            "  cellbench status runs/live --json | jq '.cells[] | select(.state==\"PAUSED\")'",
            "  watch -n 10 cellbench status runs/live",
            "", "Exit code: 0 when the run's process answered, 1 when it is not running."})
public final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object (the control channel's answer) instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        io.cellbench.cli.RepairCommand.requireRunJson(dir);
        ObjectNode live = null;
        String unreachable = null;
        try {
            live = ControlClient.request(dir, ControlJson.MAPPER.createObjectNode().put("command", "status"),
                    ControlClient.TIMEOUT);
        } catch (ControlClient.NotRunning e) {
            // no process: the files say the rest
        } catch (IOException e) {
            unreachable = e.getMessage();
        }
        if (live != null && live.path("ok").asBoolean()) {
            List<CellStatus> cells = new ArrayList<>();
            live.path("cells").forEach(c -> cells.add(CellStatus.fromJson(c)));
            if (json) {
                System.out.println(ControlJson.pretty(live));
            } else {
                System.out.println(dir + ": running (process " + live.path("pid").asText() + ", run "
                        + live.path("run_id").asText() + ")");
                StatusTable.print(cells, System.out);
                if (live.path("influx").isObject()) {
                    System.out.println(InfluxView.line(live.path("influx")));
                }
            }
            return 0;
        }
        if (live != null) {
            // A process runs the directory but cannot say more yet (it is starting).
            System.out.println(json ? ControlJson.pretty(live)
                    : dir + ": running; the process says: " + live.path("error").asText());
            return 0;
        }
        FileStatus.Report report = FileStatus.read(dir);
        if (json) {
            ObjectNode out = ControlJson.ok().put("running", false).put("last_seen", report.lastSeen().toString());
            if (unreachable != null) {
                out.put("control_error", unreachable);
            }
            ArrayNode cells = out.putArray("cells");
            report.cells().forEach(c -> cells.add(c.toJson()));
            System.out.println(ControlJson.pretty(out));
        } else {
            if (unreachable != null) {
                System.err.println("cellbench status: the control channel did not answer: " + unreachable);
            }
            System.out.println(dir + ": not running (last seen " + seen(report.lastSeen()) + ")");
            StatusTable.print(report.cells(), System.out);
        }
        return 1;
    }

    private static String seen(Instant t) {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(t);
        return when + ", " + StatusTable.duration(Duration.between(t, Instant.now()).toSeconds()) + " ago";
    }
}
