package io.cellbench.compile.biologic;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A protocol as an EC-Lab settings file ({@code EC-LAB SETTING FILE}, loaded in EC-Lab as a
 * .mps) holding one Modulo Bat technique: the header with the safety limits EC-Lab evaluates in
 * firmware (Ewe min/max, |I|), then one row per parameter and one 20-character column per
 * sequence, as EC-Lab writes them and shows them at the top of its own text exports. Encoded in
 * cp1252 so that "10 µA" survives (see {@link CompileTarget#BIOLOGIC}).
 */
public final class ModuloBatFile {
    /** EC-Lab's column width: row names and every value are padded to it. */
    static final int COLUMN = 20;
    private static final String NL = "\n";

    private ModuloBatFile() {
    }

    public static Compiled compile(Protocol protocol, CompileOptions options) {
        Refusals refusals = new Refusals(CompileTarget.BIOLOGIC);
        SafetyLimits limits = protocol.limits() == null ? SafetyLimits.NONE : protocol.limits();
        String[] eRange = eRange(limits.voltage());
        List<ModuloBatSequence> sequences = ModuloBatSequences.of(protocol, refusals, new Amounts(options, refusals),
                eRange);
        if (sequences.isEmpty() && !refusals.any()) {
            refusals.refuseProtocol(protocol.source(), "needs at least one sequence", "add a step");
        }
        List<String> lines = new ArrayList<>(header(protocol, limits, eRange, refusals));
        for (String[] row : ModuloBatSequence.ROWS) {
            StringBuilder line = new StringBuilder(pad(row[0]));
            for (ModuloBatSequence s : sequences) {
                line.append(pad(s.get(row[0])));
            }
            lines.add(line.toString());
        }
        refusals.throwIfAny();
        String text = String.join(NL, lines) + NL;
        return new Compiled(CompileTarget.BIOLOGIC, text.getBytes(CompileTarget.BIOLOGIC.charset()),
                refusals.warnings());
    }

    private static List<String> header(Protocol protocol, SafetyLimits limits, String[] eRange, Refusals refusals) {
        List<String> h = new ArrayList<>(List.of("EC-LAB SETTING FILE", "", "Number of linked techniques : 1",
                "Device : MPG-2", "CE vs. WE compliance from -10 V to 10 V", "Electrode connection : standard",
                "Potential control : Ewe", String.format(Locale.ROOT, "Ewe ctrl range : min = %.2f V, max = %.2f V",
                        Double.parseDouble(eRange[0]), Double.parseDouble(eRange[1])),
                "Safety Limits :"));
        Range v = limits.voltage();
        if (Double.isFinite(v.min())) {
            h.add("\tEwe min = " + String.format(Locale.ROOT, "%.3f", v.min()) + " V");
        }
        if (Double.isFinite(v.max())) {
            h.add("\tEwe max = " + String.format(Locale.ROOT, "%.3f", v.max()) + " V");
        }
        Range i = limits.current();
        double absolute = Math.max(Math.abs(i.min()), Math.abs(i.max()));
        if (Double.isFinite(absolute)) {
            if (i.min() != -i.max()) {
                refusals.warnProtocol(protocol.source(), "EC-Lab has one |I| limit: the current window "
                        + i.min() * 1e3 + ".." + i.max() * 1e3 + " mA becomes |I| = " + absolute * 1e3 + " mA");
            }
            h.add("\t|I| = " + String.format(Locale.ROOT, "%.3f", absolute * 1e3) + " mA");
        }
        h.add("\tfor t > 10 ms");
        h.add("\tDo not start on E overload");
        if (!limits.temperatureCelsius().isUnbounded() || !limits.pressure().isUnbounded()) {
            refusals.warnProtocol(protocol.source(), "the temperature and pressure windows are not in the settings:"
                    + " EC-Lab's safety limits know Ewe and I only; watch them in cellbench or by hand");
        }
        h.addAll(List.of("Comments : " + protocol.name(), "Cycle Definition : Charge/Discharge alternance",
                "Do not turn to OCV between techniques", "", "Technique : 1", "Modulo Bat"));
        return h;
    }

    /** The Ewe control range: 0..5 V unless the safety window reaches beyond it (at most ±10 V). */
    private static String[] eRange(Range voltage) {
        double min = Double.isFinite(voltage.min()) ? Math.min(0, Math.floor(voltage.min())) : 0;
        double max = Double.isFinite(voltage.max()) ? Math.max(5, Math.ceil(voltage.max())) : 5;
        return new String[] {ModuloBatUnits.fixed(Math.max(-10, min)), ModuloBatUnits.fixed(Math.min(10, max))};
    }

    private static String pad(String s) {
        return s.length() >= COLUMN ? s + " " : s + " ".repeat(COLUMN - s.length());
    }
}
