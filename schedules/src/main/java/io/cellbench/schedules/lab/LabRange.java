package io.cellbench.schedules.lab;

import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.drivers.DriverFactory.Capability;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.VoltageClamp;
import io.cellbench.schedules.runner.ProtocolCheck;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.List;

/**
 * Holds a cell's protocol against the range its channel's lab settings declare ({@code
 * max_current}, {@code max_voltage}): a current the channel cannot source, or a voltage it may
 * not be told, would fault the cell at that step, days into the run. Reported at the step, once
 * per cell and channel instrument.
 */
final class LabRange {
    private LabRange() {
    }

    static void check(Schedule schedule, LabFile lab, ScheduledCell cell, List<ProtocolException> out) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Wiring.Named named : LabCheck.channelsOf(schedule, cell)) {
            ChannelRef ref = lab.channel(named.name());
            LabInstrument i = ref == null ? null : lab.instruments().get(ref.instrument());
            ChannelLimits range = i == null || !i.can(Capability.CYCLER_CHANNEL) ? null : range(i);
            if (range == null || !seen.add(i.name())) {
                continue; // a wrong name is reported by LabCheck; one report per instrument is enough
            }
            String who = "cell '" + cell.info().id() + "' on '" + named.name() + "'";
            String settings = i.name() + " in " + lab.source();
            for (ProtocolCheck.Problem p : ProtocolCheck.forCell(cell.protocol(), cell.info(), named.name(),
                    range.maxCurrentAmpere()).located()) {
                if (p.channel()) {
                    out.add(Located.error(p.step().at(), null, who + ": " + p.message() + " (max_current)",
                            "lower the current (or the C-rate), or run the cell on a larger channel; max_current is set for "
                                    + settings));
                }
            }
            voltages(cell.protocol(), cell.protocol().steps(), range.maxVolt(), who, settings, out, new boolean[1]);
        }
    }

    private static ChannelLimits range(LabInstrument i) {
        try {
            return i.driver().limits(i.config()).channel();
        } catch (RuntimeException e) {
            return null; // a wrong setting is the lab file's own error, reported when it is loaded
        }
    }

    /** Voltage set points, hold voltages and the window a current step is clamped to, above max_voltage. */
    private static void voltages(Protocol protocol, List<Step> steps, double maxVolt, String who, String settings,
                                 List<ProtocolException> out, boolean[] clampReported) {
        for (Step step : steps) {
            if (step instanceof Step.Repeat r) {
                voltages(protocol, r.steps(), maxVolt, who, settings, out, clampReported);
                continue;
            }
            if (!(step instanceof Step.Drive d)) {
                continue;
            }
            double volt = d.control() == Step.Control.VOLTAGE ? d.value()
                    : d.thenHold() != null ? d.thenHold().volt() : Double.NaN;
            double clamp = VoltageClamp.applies(d.control()) ? protocol.limits().voltage().max() : Double.NaN;
            if (volt > maxVolt) {
                out.add(Located.error(d.at(), null, who + ": holds " + volt + " V, above the channel's max_voltage "
                        + maxVolt + " V", "lower the voltage, or raise max_voltage of " + settings
                        + " if the instrument allows it"));
            } else if (clamp > maxVolt && !clampReported[0]) {
                clampReported[0] = true; // the window is the protocol's: once is enough
                out.add(Located.error(d.at(), null, who + ": the channel would clamp this step at limits.voltage "
                        + clamp + " V, above its max_voltage " + maxVolt + " V", "lower limits.voltage in "
                        + protocol.source() + ", or raise max_voltage of " + settings + " if the instrument allows it"));
            }
        }
    }
}
