package io.cellbench.schedules.lab;

import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.drivers.DriverFactory.Capability;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.grammar.StepGrammar;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a schedule against a lab file before anything is connected: every name a cell's
 * wiring uses is in the lab file and can do what the cell needs (a channel is a cycler, an
 * {@code eis:} an impedance analyzer…), and so is every channel listed in a pool. Problems
 * are reported at the name in the schedule.
 */
public final class LabCheck {
    private LabCheck() {
    }

    /** Every problem found, in schedule order; empty when the schedule fits the lab. */
    public static List<ProtocolException> problems(Schedule schedule, LabFile lab) {
        List<ProtocolException> out = new ArrayList<>();
        schedule.pools().forEach((pool, channels) -> {
            for (Wiring.Named named : channels) {
                channel(lab, "pool '" + pool + "'", named, out);
            }
        });
        for (ScheduledCell cell : schedule.cells()) {
            Wiring w = cell.wiring();
            String id = cell.info().id();
            if (w.channel() == null && w.pool() == null) {
                List<String> names = channelNames(lab);
                out.add(Located.error(cell.at(), null, "cell '" + id + "' names no channel of lab '" + lab.name() + "'",
                        "add 'channel: …' to the cell; channels of " + lab.source() + ": "
                                + (names.isEmpty() ? "none" : String.join(", ", names))));
            }
            if (w.channel() != null) {
                channel(lab, "cell '" + id + "'", w.channel(), out);
            }
            delegated(lab, cell, out);
            restsOnVoltage(schedule, lab, cell, out);
            LabRange.check(schedule, lab, cell, out);
            instrument(lab, id, w.eis(), Capability.EIS_ANALYZER, "an impedance analyzer", out);
            instrument(lab, id, w.fixture(), Capability.PRESSURE_FIXTURE, "a pressure fixture", out);
            instrument(lab, id, w.chamber(), Capability.TEMPERATURE_CHAMBER, "a temperature chamber", out);
        }
        return out;
    }

    /** Throws every problem, as one exception, if there is any. */
    public static void check(Schedule schedule, LabFile lab) {
        List<ProtocolException> p = problems(schedule, lab);
        if (!p.isEmpty()) {
            throw ProtocolException.of(p);
        }
    }

    /** Checks a channel name; {@code who} says where it was written ("cell 'c1'", "pool 'bank-a'"). */
    private static void channel(LabFile lab, String who, Wiring.Named named, List<ProtocolException> out) {
        ChannelRef ref = lab.channel(named.name());
        List<String> names = channelNames(lab);
        if (ref == null) {
            String guess = StepGrammar.closestWord(named.name(), names);
            out.add(Located.error(named.at(), named.name(), who + ": no channel '" + named.name()
                    + "' in lab file " + lab.source(), (guess != null ? "did you mean '" + guess + "'? " : "")
                    + "channels there: " + (names.isEmpty() ? "none" : String.join(", ", names))));
            return;
        }
        LabInstrument i = lab.instruments().get(ref.instrument());
        if (ref.delegated() != i.can(Capability.NATIVE_PROGRAM) && cycler(i)) {
            out.add(Located.error(named.at(), named.name(), who + ": '" + named.name() + "' is " + i.name() + " ("
                    + i.driver().name() + "), " + (ref.delegated() ? "whose channels are numbered: write '"
                    + i.name() + "/1'" : "whose channels run their own programs: name one by its address, e.g. '"
                    + i.name() + "/27-1-1-3'"), "channels of " + lab.source() + ": " + String.join(", ", names)));
        }
        if (!cycler(i)) {
            out.add(Located.error(named.at(), named.name(), who + ": '" + named.name() + "' is "
                    + i.name() + " (" + i.driver().name() + "), which is not a cycler channel",
                    "channels of " + lab.source() + ": " + String.join(", ", names)));
        }
    }

    private static void instrument(LabFile lab, String cell, Wiring.Named named, Capability capability, String what,
                                   List<ProtocolException> out) {
        if (named == null) {
            return;
        }
        LabInstrument i = lab.instruments().get(named.name());
        List<String> fitting = lab.namesWith(capability);
        String there = what.substring(what.indexOf(' ') + 1) + "s in " + lab.source() + ": "
                + (fitting.isEmpty() ? "none" : String.join(", ", fitting));
        if (i == null) {
            String guess = StepGrammar.closestWord(named.name(), fitting);
            out.add(Located.error(named.at(), named.name(), "cell '" + cell + "': no instrument '" + named.name()
                    + "' in lab file " + lab.source(), (guess != null ? "did you mean '" + guess + "'? " : "") + there));
        } else if (!i.can(capability)) {
            out.add(Located.error(named.at(), named.name(), "cell '" + cell + "': '" + named.name() + "' ("
                    + i.driver().name() + ") is not " + what, there));
        }
    }

    /**
     * A rest that ends on the voltage, on a channel (or any channel of the cell's pool) that
     * cannot measure the cell at rest: the rest could never end, and the run would find out only
     * when it gets there, perhaps days in. Reported at the rest in the protocol.
     */
    private static void restsOnVoltage(Schedule schedule, LabFile lab, ScheduledCell cell, List<ProtocolException> out) {
        for (Wiring.Named named : channelsOf(schedule, cell)) {
            ChannelRef ref = lab.channel(named.name());
            LabInstrument i = ref == null ? null : lab.instruments().get(ref.instrument());
            String setting = i == null || !i.can(Capability.CYCLER_CHANNEL) ? null : unmeasuredBy(i);
            Step.Rest rest = setting == null ? null : firstRestOnVoltage(cell.protocol().steps());
            if (rest != null) {
                out.add(Located.error(rest.at(), null, "cell '" + cell.info().id() + "': '" + rest.text()
                        + "' ends on the voltage, which channel '" + named.name() + "' (" + (named.name().equals(i.name()) ? "" : i.name() + ", ") + setting
                        + ") cannot measure at rest", "end the rest on time, or change " + setting + " of " + i.name()
                        + " in " + lab.source()));
                return; // one report per cell is enough to act on
            }
        }
    }

    /**
     * A cell on a channel that runs compiled programs (a Neware's): its protocol must compile for
     * the cycler (each refusal at its step), and its impedance steps need the cell's analyzer.
     */
    private static void delegated(LabFile lab, ScheduledCell cell, List<ProtocolException> out) {
        Wiring w = cell.wiring();
        ChannelRef ref = w.channel() == null ? null : lab.channel(w.channel().name());
        if (ref == null || !ref.delegated()) {
            return;
        }
        out.addAll(io.cellbench.schedules.runner.DelegatedRunner.problems(cell.protocol(), cell.info()));
        Step eis = w.eis() == null ? first(cell.protocol().steps(), s -> s instanceof Step.Eis) : null;
        if (eis != null) {
            out.add(Located.error(eis.at(), null, "cell '" + cell.info().id() + "' is on " + ref.text()
                    + ", which runs compiled programs and measures no impedance; this sweep needs an analyzer",
                    "wire one to the cell in the schedule ('eis:' and 'mux_channel:'): the sweeps run on it between"
                            + " the programs (docs/runner.md, 'Delegated cells')"));
        }
    }

    private static String unmeasuredBy(LabInstrument i) {
        try {
            ChannelLimits limits = i.driver().limits(i.config()).channel();
            return limits == null ? null : limits.restUnmeasuredBy();
        } catch (RuntimeException e) {
            return null; // a wrong setting is the lab file's own error, reported when it is loaded
        }
    }

    private static Step.Rest firstRestOnVoltage(List<Step> steps) {
        return (Step.Rest) first(steps, s -> s instanceof Step.Rest r
                && r.until().stream().anyMatch(t -> t.measure() == Termination.Measure.VOLTAGE));
    }

    /** The first step, repeats searched in order, that {@code is}; null for none. */
    private static Step first(List<Step> steps, java.util.function.Predicate<Step> is) {
        for (Step step : steps) {
            if (is.test(step)) {
                return step;
            }
            if (step instanceof Step.Repeat repeat) {
                Step inner = first(repeat.steps(), is);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** An instrument whose channels run cells: driven step by step, or running programs of their own. */
    static boolean cycler(LabInstrument i) {
        return i.can(Capability.CYCLER_CHANNEL) || i.can(Capability.NATIVE_PROGRAM);
    }

    /** The channels a cell may run on: its own, or every channel of its pool. */
    static List<Wiring.Named> channelsOf(Schedule schedule, ScheduledCell cell) {
        Wiring w = cell.wiring();
        return w.channel() != null ? List.of(w.channel())
                : w.pool() != null ? schedule.pools().getOrDefault(w.pool().name(), List.of()) : List.of();
    }

    /** The names a schedule may use for a channel: the lab's channels, then cycler instruments. */
    static List<String> channelNames(LabFile lab) {
        List<String> names = new ArrayList<>(lab.channels().keySet());
        for (String n : lab.namesWith(Capability.CYCLER_CHANNEL)) { // a program cycler's channels need an address
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }
}
