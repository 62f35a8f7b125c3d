package io.cellbench.core.instrument;

/**
 * What a cycler channel may be told, as its driver declares it, and the one check of every
 * command against it: each driver declares its limits and calls {@link #require} before
 * anything goes on the wire, so a new driver writes no refusal rules of its own and every
 * channel refuses the same command with the same words.
 *
 * @param maxCurrentAmpere         the largest |current| the channel sources, A
 * @param minVolt                  the lowest voltage a CV set point may be, V (−max for a bipolar
 *                                 source such as an SMU, 0 for a cycler that cannot go negative)
 * @param maxVolt                  the highest voltage a CV set point may be, V
 * @param maxPowerWatt             the largest |power| a CP step may ask, W; infinite when the
 *                                 channel limits power only through current and voltage
 * @param minCvCurrentLimitAmpere  the smallest current limit a CV set point may carry, A; 0
 *                                 for "any limit above 0"
 * @param windowWithinVoltageRange whether a CC or CP step's voltage window must end within
 *                                 {@code maxVolt} (the Maccor ignores a limit outside its range)
 * @param restUnmeasuredBy         the setting that keeps the channel from measuring the cell at
 *                                 rest (the Keithley's {@code "rest: open-relay"}), or null when
 *                                 it measures at rest as a cycler does
 * @param currentSetting           the lab file setting that sets {@code maxCurrentAmpere} (named in
 *                                 refusals), or null for a fixed range ("the channel's range")
 * @param voltageSetting           the lab file setting that sets the voltage range, or null
 */
public record ChannelLimits(double maxCurrentAmpere, double minVolt, double maxVolt, double maxPowerWatt,
                            double minCvCurrentLimitAmpere, boolean windowWithinVoltageRange,
                            String restUnmeasuredBy, String currentSetting, String voltageSetting) {

    public ChannelLimits {
        if (!(maxCurrentAmpere > 0) || !(minVolt < maxVolt) || !(maxPowerWatt > 0) || !(minCvCurrentLimitAmpere >= 0)) {
            throw new IllegalArgumentException("channel limits need max current > 0, min volt < max volt, max power > 0"
                    + " and a CV current limit ≥ 0, got " + maxCurrentAmpere + " A, " + minVolt + " .. " + maxVolt
                    + " V, " + maxPowerWatt + " W, " + minCvCurrentLimitAmpere + " A");
        }
    }

    /** A channel that declares only its current range: what {@link CyclerChannel#limits()} assumes by default. */
    public static ChannelLimits currentOnly(double maxCurrentAmpere) {
        return new ChannelLimits(maxCurrentAmpere, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, false, null, null, null);
    }

    /** Whether the channel measures the cell while it rests (a rest may then end on the voltage). */
    public boolean measuresAtRest() {
        return restUnmeasuredBy == null;
    }

    /** Why the channel refuses {@code command} before sending anything, or null when it may be sent. */
    public String refusal(ChannelCommand command) {
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> null;
            case ChannelCommand.Current c -> !Double.isFinite(c.ampere()) || Math.abs(c.ampere()) > maxCurrentAmpere
                    ? "current " + c.ampere() + " A is outside ±" + maxCurrentAmpere + " A" + named(currentSetting)
                    : window(c.minVolt(), c.maxVolt());
            case ChannelCommand.Voltage v -> !Double.isFinite(v.volt()) || v.volt() < minVolt || v.volt() > maxVolt
                    ? "voltage " + v.volt() + " V is outside " + voltageRange() + " V" + named(voltageSetting)
                    : !(v.maxAmpere() > 0 && v.maxAmpere() >= minCvCurrentLimitAmpere) || v.maxAmpere() > maxCurrentAmpere
                    ? "current limit " + v.maxAmpere() + " A must be " + (minCvCurrentLimitAmpere > 0
                            ? "between " + minCvCurrentLimitAmpere + " A and " : "> 0 and at most ")
                            + maxCurrentAmpere + " A" + named(currentSetting)
                    : null;
            case ChannelCommand.Power p -> !Double.isFinite(p.watt()) || p.watt() == 0
                    ? "power must be a non-zero number of watts, got " + p.watt()
                    // a power beyond the channel's range would be ignored, and the channel would source its full current
                    : Math.abs(p.watt()) > maxPowerWatt
                    ? "power " + p.watt() + " W is outside ±" + maxPowerWatt + " W"
                            + named(currentSetting == null || voltageSetting == null ? null
                                    : currentSetting + " × " + voltageSetting)
                    : window(p.minVolt(), p.maxVolt());
            case ChannelCommand.Resistance r -> !(r.ohm() > 0) || Double.isInfinite(r.ohm())
                    ? "load resistance must be > 0 Ω, got " + r.ohm()
                    : null;
        };
    }

    /** Throws what {@link #refusal} says, as the channel {@code channel}'s refusal of {@code command}. */
    public void require(String channel, ChannelCommand command) {
        String refusal = refusal(command);
        if (refusal != null) {
            throw new InstrumentException(channel, command.describe(), refusal);
        }
    }

    private String window(double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
            return "voltage window " + from + " .. " + to + " V must be finite with min < max";
        }
        if (windowWithinVoltageRange && to > maxVolt) {
            return "voltage window ends at " + to + " V, above " + maxVolt + " V" + named(voltageSetting);
        }
        return null;
    }

    private String voltageRange() {
        return minVolt == -maxVolt ? "±" + maxVolt : minVolt + ".." + maxVolt;
    }

    /** What sets a limit, in parentheses: the lab file's setting, or the channel's own fixed range. */
    private static String named(String setting) {
        return " (" + (setting == null ? "the channel's range" : setting) + ")";
    }
}
