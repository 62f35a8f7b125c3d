package io.cellbench.compile.biologic;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol's steps as Modulo Bat sequences: a rest is a Rest sequence, a current or C-rate
 * a CC sequence (signed: negative discharges), a voltage a CV sequence, a CC-CV step a CC and a
 * CV sequence, an impedance sweep a PEIS or GEIS sequence, and a repeat its body followed by a
 * Loop sequence that goes back to the body's first sequence {@code times - 1} more times. Loops
 * do not nest in Modulo Bat; nor do pressure, temperature, power and resistance steps exist.
 */
final class ModuloBatSequences {
    private final Refusals refusals;
    private final Amounts amounts;
    private final LoggingRule logging;
    private final String[] eRange;
    private final List<ModuloBatSequence> out = new ArrayList<>();

    private ModuloBatSequences(Protocol protocol, Refusals refusals, Amounts amounts, String[] eRange) {
        this.refusals = refusals;
        this.amounts = amounts;
        this.logging = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        this.eRange = eRange;
    }

    static List<ModuloBatSequence> of(Protocol protocol, Refusals refusals, Amounts amounts, String[] eRange) {
        ModuloBatSequences s = new ModuloBatSequences(protocol, refusals, amounts, eRange);
        s.lay(protocol.steps(), false);
        return List.copyOf(s.out);
    }

    // Exhaustive over the sealed Step, no default: a new kind does not compile until handled here.
    private void lay(List<Step> steps, boolean inLoop) {
        for (Step step : steps) {
            switch (step) {
                case Step.Rest rest -> rest(rest);
                case Step.Drive drive -> drive(drive);
                case Step.Eis eis -> eis(eis);
                case Step.SetPressure set -> refusals.refuse(set, "cannot set a stack pressure: EC-Lab has no press"
                        + " control", "set the press by hand, or run the protocol in cellbench");
                case Step.SetTemperature set -> refusals.refuse(set, "cannot set a chamber from a Modulo Bat"
                        + " sequence", "set the chamber by hand, or run the protocol in cellbench");
                case Step.Repeat repeat -> {
                    if (inLoop) {
                        refusals.refuse(repeat, "loops one level deep: a Modulo Bat Loop sequence inside another"
                                + " loop's body is not supported", "unroll the inner repeat, or run it in cellbench");
                    }
                    int first = out.size();
                    lay(repeat.steps(), true);
                    if (repeat.times() > 1 && out.size() > first) {
                        add("Loop", repeat).set("ctrl_seq", Integer.toString(first))
                                .set("ctrl_repeat", Integer.toString(repeat.times() - 1));
                    }
                }
            }
        }
    }

    private ModuloBatSequence add(String ctrlType, Step source) {
        ModuloBatSequence s = new ModuloBatSequence(out.size(), ctrlType, source);
        s.set("E range min (V)", eRange[0]).set("E range max (V)", eRange[1]);
        out.add(s);
        return s;
    }

    private void rest(Step.Rest rest) {
        ModuloBatSequence s = add("Rest", rest);
        limits(s, rest, rest.durationSecond(), rest.until());
        records(s, rest.periodSecond(), "Ewe");
    }

    private void drive(Step.Drive d) {
        switch (d.control()) {
            case CURRENT, C_RATE -> {
                ModuloBatSequence cc = constantCurrent(d);
                if (d.thenHold() == null) {
                    limits(cc, d, d.durationSecond(), d.until());
                    return;
                }
                if (d.durationSecond() != null) {
                    refusals.refuse(d, "cannot limit the time of a CC-CV step over both of its sequences",
                            "split it: 'Charge at … until " + d.thenHold().volt() + " V' then 'Hold at "
                                    + d.thenHold().volt() + " V until … or 2 hours'");
                }
                List<Termination> ccEnds = new ArrayList<>(d.until());
                if (ccEnds.stream().noneMatch(t -> t.measure() == Termination.Measure.VOLTAGE)) {
                    ccEnds.add(new Termination(Termination.Measure.VOLTAGE, d.kind() == DriveKind.DISCHARGE
                            ? Termination.Op.AT_MOST : Termination.Op.AT_LEAST, d.thenHold().volt()));
                }
                limits(cc, d, null, ccEnds);
                ModuloBatSequence cv = constantVoltage(d, d.thenHold().volt());
                cv.set("I Range", cc.get("I Range")); // EC-Lab changes the range only after a rest
                limits(cv, d, null, d.thenHold().until());
            }
            case VOLTAGE -> limits(constantVoltage(d, d.value()), d, d.durationSecond(), d.until());
            case POWER, RESISTANCE -> refusals.refuse(d, "has no constant-" + d.control().name().toLowerCase(
                    java.util.Locale.ROOT) + " sequence that cellbench writes for Modulo Bat",
                    "drive the cell at a current, or run the protocol in cellbench");
        }
    }

    private ModuloBatSequence constantCurrent(Step.Drive d) {
        ModuloBatSequence s = add("CC", d);
        double ampere = amounts.ampere(d) * (d.kind() == DriveKind.DISCHARGE ? -1 : 1);
        if (Double.isNaN(ampere)) {
            return s;
        }
        String[] value = ModuloBatUnits.current(ampere);
        s.set("ctrl1_val", value[0]).set("ctrl1_val_unit", value[1]).set("ctrl1_val_vs", "<None>");
        String range = ModuloBatUnits.range(ampere);
        if (range == null) {
            refusals.refuse(d, "writes current ranges up to 100 mA; " + Math.abs(ampere) * 1e3 + " mA is above",
                    "use a booster's settings in EC-Lab, or a lower current");
        } else {
            s.set("I Range", range);
        }
        records(s, d.periodSecond(), "Ewe");
        return s;
    }

    private ModuloBatSequence constantVoltage(Step.Drive d, double volt) {
        ModuloBatSequence s = add("CV", d);
        s.set("ctrl1_val", ModuloBatUnits.fixed(volt)).set("ctrl1_val_unit", "V").set("ctrl1_val_vs", "Ref");
        records(s, d.periodSecond(), "I");
        return s;
    }

    private void eis(Step.Eis eis) {
        boolean peis = eis.mode() == Step.EisMode.POTENTIOSTATIC;
        ModuloBatSequence s = add(peis ? "PEIS" : "GEIS", eis);
        String[] amplitude = peis ? ModuloBatUnits.voltage(eis.amplitude()) : ModuloBatUnits.current(eis.amplitude());
        String[] from = ModuloBatUnits.frequency(eis.startHz());
        String[] to = ModuloBatUnits.frequency(eis.endHz());
        s.set("ctrl1_val", amplitude[0]).set("ctrl1_val_unit", amplitude[1])
                .set("ctrl2_val", from[0]).set("ctrl2_val_unit", from[1])
                .set("ctrl3_val", to[0]).set("ctrl3_val_unit", to[1])
                .set("ctrl_Nd", Integer.toString(eis.pointsPerDecade()));
        if (!peis) {
            String range = ModuloBatUnits.range(2 * eis.amplitude()); // a range holds twice the amplitude
            if (range == null) {
                refusals.refuse(eis, "writes current ranges up to 100 mA; a GEIS amplitude above 50 mA needs more",
                        "lower the amplitude");
            } else {
                s.set("I Range", range);
            }
        }
    }

    /** The OR-ed end conditions of a sequence as its limits; more than it holds is refused. */
    private void limits(ModuloBatSequence s, Step step, Double duration, List<Termination> until) {
        List<String[]> wanted = new ArrayList<>();
        double time = duration == null ? Double.POSITIVE_INFINITY : duration;
        for (Termination t : until) {
            switch (t.measure()) {
                case TIME -> time = Math.min(time, t.value());
                case VOLTAGE -> wanted.add(new String[] {"Ewe", t.op() == Termination.Op.AT_LEAST ? ">" : "<",
                        ModuloBatUnits.fixed(t.value()), "V"});
                case CURRENT, C_RATE -> {
                    double ampere = amounts.ampere(step, t);
                    wanted.add(new String[] {"|I|", t.op() == Termination.Op.AT_LEAST ? ">" : "<",
                            ModuloBatUnits.fixed(ampere * 1e3), "mA"});
                }
                case CAPACITY, ENERGY -> refusals.refuse(step, "has no " + t.measure().name().toLowerCase(
                        java.util.Locale.ROOT) + " limit that cellbench writes for Modulo Bat",
                        "end the step on voltage, current or time");
            }
        }
        if (Double.isFinite(time)) {
            wanted.addFirst(new String[] {"Time", ">", ModuloBatUnits.fixed(time), "s"});
        }
        if (wanted.size() > ModuloBatSequence.MAX_LIMITS) {
            refusals.refuse(step, "holds " + ModuloBatSequence.MAX_LIMITS + " OR-ed limits per Modulo Bat sequence"
                    + " and this step has " + wanted.size(), "keep the conditions that end the step first");
            return;
        }
        for (String[] w : wanted) {
            s.limit(w[0], w[1], w[2], w[3]);
        }
    }

    /** Records every period (the step's own, else the protocol's) and on a change of {@code change}. */
    private void records(ModuloBatSequence s, Double stepPeriod, String change) {
        double period = stepPeriod != null ? stepPeriod : logging.periodSecond();
        if (Double.isFinite(period)) {
            s.record("Time", ModuloBatUnits.fixed(period), "s");
        }
        if (change.equals("Ewe") && Double.isFinite(logging.deltaVolt())) {
            s.record("Ewe", ModuloBatUnits.fixed(logging.deltaVolt()), "V");
        } else if (change.equals("I") && Double.isFinite(logging.deltaAmpere())) {
            s.record("I", ModuloBatUnits.fixed(logging.deltaAmpere() * 1e3), "mA");
        }
    }
}
