package io.cellbench.drivers.maccor;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.drivers.maccor.MacNetMessages.DirectOutput;
import io.cellbench.drivers.maccor.MacNetMessages.SafetyLimits;

/**
 * What a channel command becomes on MacNet: the direct-mode output of (6,7)/(6,8), the (6,10)
 * safety limits around it, and the checks made before anything is sent.
 *
 * <ul>
 * <li>CC with a voltage clamp: charge {@code C, Current=I, Voltage=max}; discharge
 *     {@code D, Current=|I|, Voltage=min} (a floor below 0 V is sent as 0 V: "0 is within
 *     range", and a set point outside range would be ignored for the whole test).</li>
 * <li>CV with a current limit: {@code C} (or {@code D} when the cell is above the target),
 *     {@code Current=limit, Voltage=V}.</li>
 * <li>CP: {@code Power=|P|} with the window's edge as voltage and max_current as current;
 *     constant load: {@code D, Resistance=R} down to safety_min_voltage.</li>
 * <li>Rest: charge at 0 A ({@code C, Current=0, Voltage=max_voltage}), as pymacnet starts and
 *     keeps direct mode — it notes that rest ({@code R}) cannot be set over JSON — or
 *     {@code R} when the lab file asks for it ({@link MaccorSettings.Rest}).</li>
 * </ul>
 * Unused limits are sent as 65536 (outside any range: ignored), an unused resistance as 0.
 */
final class DirectOutputs {

    private final MaccorSettings settings;

    DirectOutputs(MaccorSettings settings) {
        this.settings = settings;
    }

    /** The output for {@code command}; {@code lastVolt} (NaN when unknown) decides a CV hold's direction. */
    DirectOutput outputFor(ChannelCommand command, double lastVolt, double cvTolerance) {
        double maxA = settings.maxCurrent();
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> rest();
            case ChannelCommand.Current c when c.ampere() == 0 -> rest();
            case ChannelCommand.Current c -> c.ampere() > 0
                    ? out('C', c.ampere(), c.maxVolt(), MacNetMessages.IGNORE, 0)
                    : out('D', -c.ampere(), Math.max(0, c.minVolt()), MacNetMessages.IGNORE, 0);
            case ChannelCommand.Voltage v -> out(v.volt() >= lastVolt - cvTolerance ? 'C' : 'D',
                    v.maxAmpere(), v.volt(), MacNetMessages.IGNORE, 0);
            case ChannelCommand.Power p -> p.watt() > 0
                    ? out('C', maxA, p.maxVolt(), p.watt(), 0)
                    : out('D', maxA, Math.max(0, p.minVolt()), -p.watt(), 0);
            case ChannelCommand.Resistance r -> out('D', maxA, settings.safetyMinVolt(), MacNetMessages.IGNORE, r.ohm());
        };
    }

    DirectOutput rest() {
        return settings.rest() == MaccorSettings.Rest.MODE_R
                ? new DirectOutput('R', 0, 0, MacNetMessages.IGNORE, 0, 4)
                : new DirectOutput('C', 0, settings.maxVoltage(), MacNetMessages.IGNORE, 0, 4);
    }

    private static DirectOutput out(char mode, double ampere, double volt, double watt, double ohm) {
        return new DirectOutput(mode, ampere, volt, watt, ohm, currentRange(ampere));
    }

    /** The range for a current, by pymacnet's thresholds (150 µA, 5 mA, 150 mA); 4 is the largest. */
    static int currentRange(double ampere) {
        double a = Math.abs(ampere);
        return a == 0 ? 4 : a < 150e-6 ? 1 : a < 5e-3 ? 2 : a < 0.150 ? 3 : 4;
    }

    /** The (6,10) limits for a command: its voltage window widened by the margin; otherwise {@code last}. */
    SafetyLimits limitsFor(ChannelCommand command, DirectOutput next, SafetyLimits last) {
        double margin = settings.safetyMargin();
        SafetyLimits base = last != null ? last : window(settings.safetyMinVolt(), settings.safetyMaxVolt(), 0);
        return switch (command) {
            case ChannelCommand.Current c when c.ampere() != 0 -> window(c.minVolt(), c.maxVolt(), margin);
            case ChannelCommand.Power p -> window(p.minVolt(), p.maxVolt(), margin);
            case ChannelCommand.Voltage v -> next.mode() == 'C'
                    ? window(Math.min(base.minVolt() + margin, v.volt()), v.volt(), margin)
                    : window(v.volt(), Math.max(base.maxVolt() - margin, v.volt()), margin);
            default -> base;
        };
    }

    private SafetyLimits window(double minVolt, double maxVolt, double margin) {
        double lo = Math.max(settings.safetyMinVolt(), minVolt - margin);
        double hi = Math.min(settings.safetyMaxVolt(), maxVolt + margin);
        double a = settings.safetyCurrent();
        double w = a * settings.safetyMaxVolt();
        return new SafetyLimits(round(hi), round(lo), a, a, round(w), round(w));
    }

    /** Limits go on the wire with 0.1 mV resolution (no 4.2500000000001 in a transcript). */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /**
     * What a Maccor channel may be told: a current within {@code max_current}, a CV set point
     * within 0 .. {@code max_voltage} (a cycler channel sources no negative voltage), a voltage
     * window that ends within it, and a power within max_current × max_voltage (a set point
     * beyond the channel's range would be ignored, and the channel would source max_current).
     */
    static ChannelLimits limits(MaccorSettings settings) {
        double maxA = settings.maxCurrent();
        double maxV = settings.maxVoltage();
        return new ChannelLimits(maxA, 0, maxV, maxA * maxV, 0, true, null, "max_current", "max_voltage");
    }
}
