package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.SampleField;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code cellbench status}, the same whether it comes from the running process
 * or from the run directory's files. NaN and null mean "not known". Its JSON names a sample's
 * values as the sample columns do ({@link SampleField}); the step and the step's charge keep the
 * names those columns had before BDF 1.3 ({@code step_index}, {@code step_capacity_ah}), which
 * scripts reading the answer have used since before the rename (docs/operations.md).
 *
 * @param state           RUNNING, SETTLING, MEASURING_IMPEDANCE, PAUSED, ENDED, NOT_STARTED,
 *                        or (from the files) INTERRUPTED
 * @param holds           who holds a paused cell and why
 * @param waitingFor      what a WAITING cell waits for (a channel, other cells, its start time, the analyzer)
 * @param stepCapacityAh  the charge moved in the current step (charge plus discharge: the samples' step throughput)
 * @param etaSecond       an estimate of the wall-clock time left (see {@link #eta}); NaN when unknown
 * @param notAnsweringSince      when the cell's instruments stopped answering (ISO-8601 UTC), while
 *                               the runner rides out the incident or the channel is silent; null otherwise
 * @param outputUnconfirmedSince when the cell ended with its channel's output not confirmed off
 *                               (ISO-8601 UTC): cellbench keeps switching it off; null otherwise
 * @param etaGuess        whether the ETA is an estimate rather than known durations
 */
public record CellStatus(
        String cellId,
        String state,
        List<String> holds,
        String waitingFor,
        int stepIndex,
        String step,
        int cycle,
        double voltageVolt,
        double currentAmpere,
        double stepCapacityAh,
        double stepTimeSecond,
        double testTimeSecond,
        double etaSecond,
        String outcome,
        String lastFault,
        String notAnsweringSince,
        String outputUnconfirmedSince,
        boolean etaGuess) {

    /** The program step's key: Step Index, the sample column's name before BDF 1.3 called it step_id. */
    private static final String STEP_KEY = SampleField.STEP_ID.term(BdfVersion.V1_2).name();
    /** The step's charge throughput: the name before BDF 1.3's step_cumulative_capacity_ah. */
    private static final String STEP_CAPACITY_KEY = SampleField.STEP_CUMULATIVE_CAPACITY.term(BdfVersion.V1_2).name();

    public CellStatus {
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    /** A line whose instruments answer, whose output is not in doubt and whose ETA is not a guess. */
    public CellStatus(String cellId, String state, List<String> holds, String waitingFor, int stepIndex, String step,
                      int cycle, double voltageVolt, double currentAmpere, double stepCapacityAh, double stepTimeSecond,
                      double testTimeSecond, double etaSecond, String outcome, String lastFault) {
        this(cellId, state, holds, waitingFor, stepIndex, step, cycle, voltageVolt, currentAmpere, stepCapacityAh,
                stepTimeSecond, testTimeSecond, etaSecond, outcome, lastFault, null, null, false);
    }

    /** This line with the output in doubt since {@code since} (null: confirmed off). */
    public CellStatus withOutputUnconfirmedSince(String since) {
        return new CellStatus(cellId, state, holds, waitingFor, stepIndex, step, cycle, voltageVolt, currentAmpere,
                stepCapacityAh, stepTimeSecond, testTimeSecond, etaSecond, outcome, lastFault, notAnsweringSince,
                since, etaGuess);
    }

    public ObjectNode toJson() {
        ObjectNode n = ControlJson.MAPPER.createObjectNode();
        n.put("cell_id", cellId);
        n.put("state", state);
        holds.forEach(n.putArray("holds")::add);
        n.put("waiting_for", waitingFor);
        n.put(STEP_KEY, stepIndex);
        n.put("step", step);
        n.put("cycle", cycle);
        number(n, SampleField.VOLTAGE.columnName(), voltageVolt);
        number(n, SampleField.CURRENT.columnName(), currentAmpere);
        number(n, STEP_CAPACITY_KEY, stepCapacityAh);
        number(n, "step_time_second", stepTimeSecond);
        number(n, SampleField.TEST_TIME.columnName(), testTimeSecond);
        number(n, "eta_second", etaSecond);
        n.put("outcome", outcome);
        n.put("last_fault", lastFault);
        n.put("not_answering_since", notAnsweringSince);
        n.put("output_off_confirmed", outputUnconfirmedSince == null);
        n.put("output_unconfirmed_since", outputUnconfirmedSince);
        n.put("eta_guess", etaGuess);
        return n;
    }

    public static CellStatus fromJson(JsonNode n) {
        List<String> holds = new ArrayList<>();
        n.path("holds").forEach(h -> holds.add(h.asText()));
        return new CellStatus(n.path("cell_id").asText(), n.path("state").asText(), holds, text(n, "waiting_for"),
                n.path(STEP_KEY).asInt(), text(n, "step"), n.path("cycle").asInt(),
                number(n, SampleField.VOLTAGE.columnName()), number(n, SampleField.CURRENT.columnName()),
                number(n, STEP_CAPACITY_KEY),
                number(n, "step_time_second"), number(n, SampleField.TEST_TIME.columnName()), number(n, "eta_second"),
                text(n, "outcome"), text(n, "last_fault"), text(n, "not_answering_since"),
                text(n, "output_unconfirmed_since"), n.path("eta_guess").asBoolean());
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isTextual() ? v.asText() : null;
    }

    /**
     * The wall-clock time left: the runner's estimate of the protocol's remaining lab time
     * (see RunnerStatus.Remaining: known durations for timed steps, the pace of the same step
     * in an earlier cycle, else the cell's capacity at the step's current), divided by the
     * simulation's speed. NaN when unknown and for a run as fast as possible.
     */
    public static double eta(io.cellbench.schedules.runner.RunnerStatus.Remaining remaining, double speed) {
        if (!Double.isFinite(speed) || speed <= 0 || Double.isNaN(remaining.totalSecond())) {
            return Double.NaN;
        }
        return Math.max(0, remaining.totalSecond()) / speed;
    }
}
