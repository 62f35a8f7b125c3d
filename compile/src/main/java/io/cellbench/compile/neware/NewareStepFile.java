package io.cellbench.compile.neware;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A protocol as a BTS 8.x step file: {@code config type="Step File"} with {@code Head_Info},
 * {@code Whole_Prt} (the protocol's safety window as BTS's protection, its logging rule as
 * BTS's record conditions) and {@code Step_Info}, laid out element by element as the step files
 * BTS Client wrote itself (reference/neware/step-xml) and in their units.
 */
public final class NewareStepFile {
    /** BTS records at most every 100 ms (BTS4000; faster testers 10 ms): a shorter period is raised to it. */
    static final double MIN_RECORD_SECOND = 0.1;
    // aurora-unicycler writes these header values and runs its files on BTS 8.0; BTS itself wrote
    // version 17 with this client (8.0.0.478) and 18 with 8.0.1.489.
    private static final String VERSION = "17";
    private static final String CLIENT = "BTS Client 8.0.0.478(2024.06.24)(R3)";

    private NewareStepFile() {
    }

    /** Compiles {@code protocol}, or throws {@link io.cellbench.compile.CompileException} with every refusal. */
    public static Compiled compile(Protocol protocol, CompileOptions options) {
        Refusals refusals = new Refusals(CompileTarget.NEWARE);
        List<NewareStep> steps = NewareProgram.of(protocol, refusals, new Amounts(options, refusals));
        XmlLines x = new XmlLines().declaration("utf-8").open("root");
        x.open("config", "type", "Step File", "version", VERSION, "client_version", CLIENT,
                "date", options.created().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")),
                "Guid", options.guid().toString());
        head(x, protocol, options);
        wholeProtection(x, protocol, refusals);
        x.open("Step_Info", "Num", Integer.toString(steps.size()));
        for (int i = 0; i < steps.size(); i++) {
            step(x, i + 1, steps.get(i));
        }
        x.close("Step_Info");
        x.open("SMBUS").empty("SMBUS_Info", "Num", "0", "AdjacentInterval", "0").close("SMBUS");
        x.close("config").close("root");
        refusals.throwIfAny();
        return new Compiled(CompileTarget.NEWARE, x.text().getBytes(CompileTarget.NEWARE.charset()), refusals.warnings());
    }

    /**
     * The protocol step each numbered step of the compiled file comes from, in file order (step
     * 1 first); {@code null} for a Cycle or the End step. A CC-CV step that BTS runs as two
     * steps appears twice. Delegated execution reads a record's step number through this.
     */
    public static List<Step> sources(Protocol protocol, CompileOptions options) {
        Refusals refusals = new Refusals(CompileTarget.NEWARE);
        List<NewareStep> steps = NewareProgram.of(protocol, refusals, new Amounts(options, refusals));
        List<Step> out = new java.util.ArrayList<>();
        for (NewareStep s : steps) {
            out.add(s.type == NewareStepType.CYCLE || s.type == NewareStepType.END ? null : s.source);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static void head(XmlLines x, Protocol protocol, CompileOptions options) {
        x.open("Head_Info");
        x.value("Operate", "65").value("Scale", "1").empty("Start_Step", "Value", "1", "Hide_Ctrl_Step", "0");
        x.value("Creator", "cellbench").value("Remark", protocol.name());
        x.value("RateType", "103"); // 103: set points as currents (C-rates are kept beside them as Rate)
        if (options.hasCapacity()) {
            x.value("MultCap", NewareUnits.milliampereSecond(options.capacityAh()));
        }
        x.close("Head_Info");
    }

    private static void wholeProtection(XmlLines x, Protocol protocol, Refusals refusals) {
        SafetyLimits limits = protocol.limits() == null ? SafetyLimits.NONE : protocol.limits();
        x.open("Whole_Prt");
        boolean main = !limits.voltage().isUnbounded() || !limits.current().isUnbounded();
        boolean aux = !limits.temperatureCelsius().isUnbounded();
        if (main || aux) {
            x.open("Protect");
            if (main) {
                x.open("Main");
                bounds(x, "Volt", limits.voltage(), NewareUnits::volt);
                bounds(x, "Curr", limits.current(), NewareUnits::milliampere);
                x.close("Main");
            }
            if (aux) {
                refusals.warnProtocol(protocol.source(), "the temperature window becomes BTS's auxiliary temperature"
                        + " protection, which acts only when a thermocouple is mapped to the channel in BTS");
                x.open("Aux");
                bounds(x, "Temp", limits.temperatureCelsius(), NewareUnits::tenthCelsius);
                x.close("Aux");
            }
            x.close("Protect");
        }
        if (!limits.pressure().isUnbounded()) {
            refusals.warnProtocol(protocol.source(), "the pressure window is not in the step file: BTS reads no"
                    + " press; watch the pressure in cellbench or by hand");
        }
        record(x, protocol, refusals);
        x.close("Whole_Prt");
    }

    private static void record(XmlLines x, Protocol protocol, Refusals refusals) {
        LoggingRule rule = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        boolean any = Double.isFinite(rule.periodSecond()) || Double.isFinite(rule.deltaVolt())
                || Double.isFinite(rule.deltaAmpere());
        if (!any) {
            return;
        }
        x.open("Record").open("Main");
        if (Double.isFinite(rule.periodSecond())) {
            double period = rule.periodSecond();
            if (period < MIN_RECORD_SECOND) {
                refusals.warnProtocol(protocol.source(), "BTS records at most every 100 ms: the logging period "
                        + period + " s becomes 0.1 s");
                period = MIN_RECORD_SECOND;
            }
            x.value("Time", NewareUnits.millisecond(period));
        }
        if (Double.isFinite(rule.deltaVolt())) {
            x.value("Volt", NewareUnits.volt(rule.deltaVolt()));
        }
        if (Double.isFinite(rule.deltaAmpere())) {
            x.value("Curr", NewareUnits.milliampere(rule.deltaAmpere()));
        }
        x.close("Main").close("Record");
    }

    private static void bounds(XmlLines x, String name, Range r, DoubleFunction<String> unit) {
        if (r.isUnbounded()) {
            return;
        }
        x.open(name);
        if (Double.isFinite(r.max())) {
            x.value("Upper", unit.apply(r.max()));
        }
        if (Double.isFinite(r.min())) {
            x.value("Lower", unit.apply(r.min()));
        }
        x.close(name);
    }

    private static void step(XmlLines x, int number, NewareStep s) {
        String tag = "Step" + number;
        x.open(tag, "Step_ID", Integer.toString(number), "Step_Type", Integer.toString(s.type.code));
        if (s.recordMillis != null) {
            x.open("Record").open("Main").value("Time", s.recordMillis).close("Main").close("Record");
        }
        if (!s.main.isEmpty() || !s.other.isEmpty()) {
            x.open("Limit");
            if (!s.main.isEmpty()) {
                x.open("Main");
                s.main.forEach(f -> x.value(f[0], f[1]));
                x.close("Main");
            }
            if (!s.other.isEmpty()) {
                x.open("Other");
                s.other.forEach(f -> x.value(f[0], f[1]));
                x.close("Other");
            }
            x.close("Limit");
        }
        x.close(tag);
    }
}
