package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What MacNet's (4,7) says about one channel. {@code state} is the {@code Stat} code,
 * {@code capacityAh}/{@code energyWh} are those of the present step, times are in seconds,
 * {@code currentAmpere} is as MacNet reports it (see {@link MaccorChannel} for the sign).
 */
public record MaccorStatus(int channel, int state, int cycle, int step, double testTimeSecond, double stepTimeSecond,
                           double capacityAh, double energyWh, double currentAmpere, double voltageVolt,
                           String testerTime) {

    /** {@code Stat} names, from pymacnet's {@code status_dictionary.py}. */
    private static final List<String> STATES = List.of("Available", "Selected", "Active", "Suspended", "Completed",
            "Problem", "Not/Avl", "Reset", "Start", "PWR Fail", "No Cntllr", "ShutDown", "Starting", "Blocked",
            "Waiting", "FRA", "Rem Maint");

    public static final int ACTIVE = 2;
    public static final int SUSPENDED = 3;
    public static final int COMPLETED = 4;

    static MaccorStatus of(int channel, JsonNode r) {
        return new MaccorStatus(channel, r.path("Stat").asInt(-1), r.path("Cycle").asInt(), r.path("Step").asInt(),
                r.path("TestTime").asDouble(Double.NaN), r.path("StepTime").asDouble(Double.NaN),
                r.path("Capacity").asDouble(Double.NaN), r.path("Energy").asDouble(Double.NaN),
                r.path("Current").asDouble(Double.NaN), r.path("Voltage").asDouble(Double.NaN),
                r.path("TesterTime").asText(""));
    }

    /** The state's name ("Active", "Suspended", ...). */
    public String stateName() {
        return stateName(state);
    }

    public static String stateName(int state) {
        return state >= 0 && state < STATES.size() ? STATES.get(state) : "state " + state;
    }
}
