package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.sink.SinkStatus;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.RunnerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers the control channel's requests on a running schedule: status, and pause, continue
 * and stop for one cell or all. Pause and continue are holds of the source "operator"
 * (docs/runner.md#holds): an interlock's hold stays when the operator continues.
 */
public final class RunController implements ControlHandler {
    static final String SOURCE = "operator";

    private final ScheduleRunner runner;
    private final CellWatch watch;
    private final double speed;
    private final Map<String, String> run;
    private final RunListener record;
    private final java.util.function.Supplier<EndedBefore> endedBefore;
    private List<SinkStatus> sinks = List.of();

    /**
     * @param speed  simulated seconds per wall second (1 for real instruments), for the ETA
     * @param run    what the status answer says about the run (run_id, run_directory, pid)
     * @param record where operator actions are recorded (events.jsonl)
     * @param endedBefore the run's cells this process does not run, having ended before it started
     */
    RunController(ScheduleRunner runner, CellWatch watch, double speed, Map<String, String> run, RunListener record,
                  java.util.function.Supplier<EndedBefore> endedBefore) {
        this.runner = runner;
        this.watch = watch;
        this.speed = speed;
        this.run = run;
        this.record = record;
        this.endedBefore = endedBefore;
    }

    /** A process that runs every cell of its run (a fresh run). */
    public RunController(ScheduleRunner runner, CellWatch watch, double speed, Map<String, String> run,
                         RunListener record) {
        this(runner, watch, speed, run, record, () -> EndedBefore.NONE);
    }

    /** What the run's sinks (InfluxDB) show in the status answer, each under its key. */
    RunController sinks(List<SinkStatus> statuses) {
        this.sinks = List.copyOf(statuses);
        return this;
    }

    @Override
    public ObjectNode handle(JsonNode request) {
        String command = request.path("command").asText();
        JsonNode cellNode = request.path("cell");
        String cell = cellNode.isTextual() && !cellNode.asText().isEmpty() ? cellNode.asText() : null;
        if (cell != null && ids().stream().noneMatch(cell::equals)) {
            return ControlJson.error("no cell '" + cell + "' in this run; its cells are " + String.join(", ", ids()));
        }
        String reason = request.path("reason").isTextual() ? request.path("reason").asText() : "";
        return switch (command) {
            case "status" -> status();
            case "pause" -> act(cell, "pause", c -> runner.hold(c, SOURCE,
                    reason.isBlank() ? "paused with 'cellbench pause'" : reason));
            case "continue" -> act(cell, "continue", c -> runner.release(c, SOURCE));
            case "stop" -> act(cell, "stop", runner::stop);
            default -> ControlJson.error("unknown command '" + command + "'; the commands are status, pause, continue, stop");
        };
    }

    /** The cells this process runs. */
    private List<String> running() {
        return runner.schedule().cells().stream().map(c -> c.info().id()).toList();
    }

    /**
     * Every cell of the run: those this process runs and those that ended before it (among
     * them those whose output it switches off), in the schedule's order.
     */
    private List<String> ids() {
        return endedBefore.get().order(running(), List.copyOf(runner.leftOnStatuses().keySet()));
    }

    private ObjectNode act(String cell, String verb, java.util.function.Predicate<String> action) {
        Map<String, RunnerStatus> statuses = runner.statuses();
        List<String> done = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String id : cell == null ? ids() : List.of(cell)) {
            CellStatus before = endedBefore.get().row(id);
            boolean leftOn = verb.equals("stop") && runner.outputsUnconfirmed().contains(id);
            if (before != null && leftOn && action.test(id)) {
                done.add(id); // a resume switches its output off: the operator takes over
                continue;
            }
            if (before != null) {
                skipped.add(id + " (ended before this process started: " + before.outcome() + ")");
                continue;
            }
            RunnerStatus s = statuses.get(id);
            // an ended cell whose output is not confirmed off can still be stopped: the operator takes over
            boolean ended = s != null && s.state() == RunnerStatus.State.ENDED
                    && !(verb.equals("stop") && s.health().outputUnconfirmed());
            if (!ended && action.test(id)) {
                done.add(id);
            } else {
                skipped.add(id + (ended ? " (ended: " + s.outcome() + ")" : " (not started)"));
            }
        }
        String who = "operator (cellbench " + verb + ")";
        for (String id : done) {
            quietly(new RunEvent.Notice(id, Double.NaN, RunEvent.Severity.INFO, who + ": " + verb + " requested"));
        }
        if (done.isEmpty()) {
            return ControlJson.error("nothing to " + verb + ": " + String.join(", ", skipped));
        }
        ObjectNode ok = ControlJson.ok();
        done.forEach(ok.putArray("cells")::add);
        skipped.forEach(ok.putArray("skipped")::add);
        ok.put("message", verb + " requested for " + String.join(", ", done)
                + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped))
                + "; it takes effect at each cell's next sample");
        return ok;
    }

    private ObjectNode status() {
        ObjectNode ok = ControlJson.ok();
        ok.put("running", true);
        run.forEach(ok::put);
        ArrayNode cells = ok.putArray("cells");
        Map<String, RunnerStatus> statuses = new java.util.LinkedHashMap<>(runner.leftOnStatuses());
        statuses.putAll(runner.statuses());
        for (String id : ids()) {
            CellStatus before = endedBefore.get().row(id);
            RunnerStatus s = statuses.get(id);
            if (before != null && s != null) {
                // the files say how it ended; this process, whether it still switches its output off
                before = before.withOutputUnconfirmedSince(row(id, s).outputUnconfirmedSince());
            }
            cells.add(before != null ? before.toJson() : s == null ? notStarted(id).toJson() : row(id, s).toJson());
        }
        for (SinkStatus sink : sinks) {
            try {
                ok.set(sink.key(), ControlJson.MAPPER.valueToTree(sink.figures().get()));
            } catch (RuntimeException e) {
                ObjectNode n = ok.putObject(sink.key());
                sink.identity().forEach((k, v) -> n.set(k, ControlJson.MAPPER.valueToTree(v)));
                n.put("last_error", "status unknown: " + e.getMessage());
            }
        }
        return ok;
    }

    private CellStatus row(String id, RunnerStatus s) {
        Sample last = watch.lastSample(id);
        double stepAh = last != null && last.stepCount() == s.stepCount() ? last.stepCapacityAh() : Double.NaN;
        boolean ended = s.state() == RunnerStatus.State.ENDED;
        RunnerStatus.Health health = s.health();
        double start = watch.runStart(id);
        // Not answering: the runner rides out failed reads, or the watchdog found the channel
        // silent (a read that blocks) and no sample has come since.
        double silent = watch.silentSince(id);
        double since = ended ? Double.NaN : s.notAnswering() ? health.failingSinceSecond()
                : silent > s.testTimeSecond() ? silent : Double.NaN;
        boolean notAnswering = !Double.isNaN(since) || !ended && s.notAnswering();
        String lastFault = s.notAnswering() && !ended ? health.lastFailure() : watch.lastFault(id);
        return new CellStatus(id, notAnswering ? NOT_ANSWERING : s.state().name(), s.holds(),
                s.waitingFor() == null || s.waitingFor().isEmpty() ? null : s.waitingFor(),
                s.stepIndex(), s.stepText(), s.cycleCount(),
                // the last reading is not the cell's state now: not shown as if it were
                notAnswering ? Double.NaN : s.voltageVolt(), notAnswering ? Double.NaN : s.currentAmpere(), stepAh,
                s.stepIndex() == 0 ? Double.NaN : s.stepTimeSecond(), s.testTimeSecond(),
                ended ? Double.NaN : CellStatus.eta(s.remaining(), speed),
                s.outcome() == null ? null : s.outcome().name(), lastFault,
                notAnswering ? instant(start, since) : null,
                health.outputUnconfirmed() ? instant(start, health.unconfirmedSinceSecond()) : null,
                !ended && s.remaining().guess());
    }

    /** The state shown for a cell whose instruments have stopped answering. */
    static final String NOT_ANSWERING = "NOT_ANSWERING";

    /** {@code start + testTime} as ISO-8601 UTC; "test time N s" when the start is not known. */
    private static String instant(double start, double testTime) {
        if (Double.isNaN(testTime)) {
            return null;
        }
        if (Double.isNaN(start)) {
            return "test time " + Math.round(testTime) + " s";
        }
        return java.time.Instant.ofEpochMilli(Math.round((start + testTime) * 1000)).toString();
    }

    private static CellStatus notStarted(String id) {
        return new CellStatus(id, RunnerStatus.State.NOT_STARTED.name(), List.of(), null, 0, "", 0, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null);
    }

    private void quietly(RunEvent e) {
        try {
            record.on(e);
        } catch (RuntimeException ex) {
            // the run directory is closing; the answer still tells the operator
        }
    }
}
