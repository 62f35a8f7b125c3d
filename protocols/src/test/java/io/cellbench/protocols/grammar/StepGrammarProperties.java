package io.cellbench.protocols.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the step grammar: what {@link StepText} prints reads back to the same step;
 * sentences people could write (random kinds, values, unit spellings, operators, spacing and
 * case) read to the intended values; and no input whatsoever makes the parser throw anything
 * but a {@link ProtocolException} that points inside the sentence.
 */
class StepGrammarProperties {

    static final SourceLocation AT = new SourceLocation("prop.yaml", 4, 9);

    // ---- round trip through the printer ----------------------------------------------------

    @Property(tries = 2000)
    void printedStepsReadBackToTheSameStep(@ForAll("steps") Step step) {
        String sentence = StepText.format(step);
        Step back = StepGrammar.parseOne(sentence, AT);
        assertEquals(strip(step), strip(back), () -> "printed as: " + sentence);
        assertEquals(sentence, back.text());
    }

    @Provide
    Arbitrary<Step> steps() {
        return Arbitraries.oneOf(drives(), rests(), eis(), pressures(), temperatures());
    }

    private Arbitrary<Step> drives() {
        Arbitrary<DriveKind> kinds = Arbitraries.of(DriveKind.class);
        return kinds.flatMap(kind -> controls(kind).flatMap(control -> Combinators.combine(
                magnitude(control == Control.C_RATE ? Measure.C_RATE : null),
                Arbitraries.oneOf(seconds().map(Double::valueOf), Arbitraries.just((Double) null)),
                terms(driveMeasures(control)),
                holds(control),
                Arbitraries.oneOf(seconds().map(Double::valueOf), Arbitraries.just((Double) null))
        ).as((value, duration, until, hold, period) -> {
            if (duration == null && until.isEmpty() && hold == null) {
                duration = 3600.0;
            }
            return (Step) new Step.Drive(AT, "", kind, control, value, duration, until, hold, period);
        })));
    }

    private Arbitrary<Control> controls(DriveKind kind) {
        return switch (kind) {
            case HOLD -> Arbitraries.just(Control.VOLTAGE);
            case CHARGE -> Arbitraries.of(Control.CURRENT, Control.C_RATE, Control.POWER, Control.VOLTAGE);
            case DISCHARGE -> Arbitraries.of(Control.class);
        };
    }

    /** Cut-offs a step with this control may end on. */
    private static List<Measure> driveMeasures(Control control) {
        List<Measure> m = new ArrayList<>(List.of(Measure.CAPACITY, Measure.ENERGY, Measure.TIME));
        if (control != Control.VOLTAGE) {
            m.add(Measure.VOLTAGE);
        }
        if (control != Control.CURRENT && control != Control.C_RATE) {
            m.add(Measure.CURRENT);
            m.add(Measure.C_RATE);
        }
        return m;
    }

    private Arbitrary<Step.CvHold> holds(Control control) {
        if (control == Control.VOLTAGE) {
            return Arbitraries.just(null);
        }
        Arbitrary<Step.CvHold> hold = Combinators.combine(magnitude(null),
                        terms(List.of(Measure.CURRENT, Measure.C_RATE, Measure.CAPACITY, Measure.ENERGY, Measure.TIME))
                                .filter(l -> !l.isEmpty()))
                .as(Step.CvHold::new);
        return Arbitraries.oneOf(hold, Arbitraries.just(null));
    }

    private Arbitrary<List<Termination>> terms(List<Measure> allowed) {
        return term(allowed).list().ofMaxSize(3);
    }

    private Arbitrary<Termination> term(List<Measure> allowed) {
        return Arbitraries.of(allowed).flatMap(m -> Combinators.combine(opsFor(m), magnitude(m))
                .as((op, v) -> new Termination(m, op, v)));
    }

    private static Arbitrary<Op> opsFor(Measure m) {
        return switch (m) {
            case CAPACITY, ENERGY, TIME -> Arbitraries.just(Op.AT_LEAST);
            default -> Arbitraries.of(Op.class);
        };
    }

    private Arbitrary<Step> rests() {
        Arbitrary<Termination> voltage = Combinators.combine(Arbitraries.of(Op.class), magnitude(null))
                .as((op, v) -> new Termination(Measure.VOLTAGE, op, v));
        Arbitrary<Termination> time = seconds().map(s -> new Termination(Measure.TIME, Op.AT_LEAST, s));
        return Combinators.combine(
                Arbitraries.oneOf(seconds().map(Double::valueOf), Arbitraries.just((Double) null)),
                Arbitraries.oneOf(voltage, time).list().ofMaxSize(3),
                Arbitraries.oneOf(seconds().map(Double::valueOf), Arbitraries.just((Double) null))
        ).as((duration, until, period) -> new Step.Rest(AT, "",
                duration == null && until.isEmpty() ? Double.valueOf(60) : duration, until, period));
    }

    private Arbitrary<Step> eis() {
        Arbitrary<Double> hertz = magnitude(null).filter(f -> f >= PhysicalBounds.MIN_HERTZ);
        return Combinators.combine(Arbitraries.of(Step.EisMode.class), hertz, hertz,
                        magnitude(null), Arbitraries.integers().between(1, 1000))
                .filter((mode, from, to, amplitude, ppd) -> !from.equals(to))
                .as((mode, from, to, amplitude, ppd) -> new Step.Eis(AT, "", mode, from, to, amplitude, ppd));
    }

    private Arbitrary<Step> pressures() {
        return Combinators.combine(Arbitraries.oneOf(magnitude(null), Arbitraries.just(0.0)), Arbitraries.of(true, false))
                .as((pa, wait) -> new Step.SetPressure(AT, "", pa, wait));
    }

    private Arbitrary<Step> temperatures() {
        return Combinators.combine(Arbitraries.doubles().between(-273.15, 1000).ofScale(8), Arbitraries.of(true, false))
                .as((c, wait) -> new Step.SetTemperature(AT, "", c, wait));
    }

    /**
     * Positive values over twelve decades with arbitrary low bits, plus edge values; all below
     * every {@link PhysicalBounds} (1 kV is the smallest of them that a magnitude may reach).
     */
    private static Arbitrary<Double> magnitude(Measure m) {
        Arbitrary<Double> spread = Combinators.combine(
                Arbitraries.doubles().between(1, 10).ofScale(15),
                Arbitraries.integers().between(-9, 2)).as((mantissa, exponent) -> mantissa * Math.pow(10, exponent));
        Arbitrary<Double> edges = Arbitraries.of(1.0, 0.05, 1.0 / 3, 0.1 + 0.2, 4.2, 3.7, 1e-12, 999.999999999);
        Arbitrary<Double> fractions = m == Measure.C_RATE
                ? Arbitraries.integers().between(1, 1000).map(n -> 1.0 / n) : edges;
        return Arbitraries.frequencyOf(
                Tuple.of(6, spread), Tuple.of(2, edges), Tuple.of(2, fractions));
    }

    /** Durations and periods from 1 ms (the shortest period) to 5 years (the longest protocol). */
    private static Arbitrary<Double> seconds() {
        return Arbitraries.oneOf(magnitude(null).filter(s -> s >= 1e-3), Arbitraries.just(123456789.0),
                Arbitraries.integers().between(1, 1000).map(n -> n * 60.0),
                Arbitraries.integers().between(1, 1000).map(n -> n * 3600.0));
    }

    /** The step without where and how it was written. */
    static Step strip(Step s) {
        return switch (s) {
            case Step.Rest r -> new Step.Rest(null, "", r.durationSecond(), r.until(), r.periodSecond());
            case Step.Drive d -> new Step.Drive(null, "", d.kind(), d.control(), d.value(), d.durationSecond(),
                    d.until(), d.thenHold(), d.periodSecond());
            case Step.Eis e -> new Step.Eis(null, "", e.mode(), e.startHz(), e.endHz(), e.amplitude(),
                    e.pointsPerDecade());
            case Step.SetPressure p -> new Step.SetPressure(null, "", p.pascal(), p.waitUntilStable());
            case Step.SetTemperature t -> new Step.SetTemperature(null, "", t.celsius(), t.waitUntilStable());
            case Step.Repeat r -> new Step.Repeat(null, "", r.times(), r.steps().stream().map(StepGrammarProperties::strip)
                    .toList());
        };
    }

    // ---- sentences as people write them ----------------------------------------------------

    /** A sentence and the step it must read as. */
    record Written(String sentence, Step step) {
    }

    /** A value as written ("200 mA") and what it is in the model's unit. */
    record Spelled(String text, double value) {
    }

    @Property(tries = 2000)
    void sentencesWrittenAnyWayReadAsIntended(@ForAll("written") Written w) {
        Step back = StepGrammar.parseOne(w.sentence(), AT);
        assertEquals(strip(w.step()), strip(back), () -> "sentence: " + w.sentence());
    }

    @Provide
    Arbitrary<Written> written() {
        Arbitrary<String> space = Arbitraries.of(" ", " ", " ", "  ", "\t", "\u00a0");
        return Combinators.combine(
                Arbitraries.of(DriveKind.CHARGE, DriveKind.DISCHARGE),
                setPoints(), Arbitraries.oneOf(spelled(TIME_UNITS, 9999), Arbitraries.just((Spelled) null)),
                writtenTerms(), space, Arbitraries.of(true, false)
        ).as((kind, setPoint, duration, terms, sp, upper) -> {
            Control control = setPoint.control();
            // keep only cut-offs this control may end on
            List<WrittenTerm> kept = terms.stream().filter(t -> driveMeasures(control).contains(t.measure())).toList();
            Spelled dur = duration == null && kept.isEmpty() ? new Spelled("1 hour", 3600) : duration;
            StringBuilder s = new StringBuilder();
            s.append(word(kind.name(), upper)).append(sp).append(word("at", upper)).append(sp).append(setPoint.text());
            if (dur != null) {
                s.append(sp).append(word("for", upper)).append(sp).append(dur.text());
            }
            List<Termination> until = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                WrittenTerm t = kept.get(i);
                s.append(sp).append(word(i == 0 ? (dur != null ? "or until" : "until") : "or", upper).replace(" ", sp))
                        .append(sp).append(t.op()).append(t.op().isEmpty() ? "" : sp).append(t.value().text());
                Op op = switch (t.op()) {
                    case ">=", ">", "≥" -> Op.AT_LEAST;
                    case "<=", "<", "≤" -> Op.AT_MOST;
                    default -> t.measure() == Measure.VOLTAGE
                            ? (kind == DriveKind.CHARGE ? Op.AT_LEAST : Op.AT_MOST)
                            : t.measure() == Measure.CURRENT || t.measure() == Measure.C_RATE ? Op.AT_MOST : Op.AT_LEAST;
                };
                until.add(new Termination(t.measure(), op, t.value().value()));
            }
            Step step = new Step.Drive(AT, "", kind, control, setPoint.value().value(),
                    dur == null ? null : dur.value(), until, null, null);
            return new Written(s.toString(), step);
        });
    }

    record SetPoint(Control control, Spelled value) {
        String text() {
            return value.text();
        }
    }

    record WrittenTerm(Measure measure, String op, Spelled value) {
    }

    static final List<String[]> CURRENT_UNITS = List.of(new String[]{"A", "1"}, new String[]{"mA", "0.001"},
            new String[]{"uA", "0.000001"}, new String[]{"µA", "0.000001"}, new String[]{"amps", "1"});
    static final List<String[]> VOLTAGE_UNITS = List.of(new String[]{"V", "1"}, new String[]{"mV", "0.001"},
            new String[]{"volts", "1"});
    static final List<String[]> POWER_UNITS = List.of(new String[]{"W", "1"}, new String[]{"mW", "0.001"});
    static final List<String[]> RESISTANCE_UNITS = List.of(new String[]{"Ohm", "1"}, new String[]{"ohms", "1"},
            new String[]{"kOhm", "1000"}, new String[]{"Ω", "1"});
    static final List<String[]> TIME_UNITS = List.of(new String[]{"s", "1"}, new String[]{"sec", "1"},
            new String[]{"seconds", "1"}, new String[]{"min", "60"}, new String[]{"minutes", "60"},
            new String[]{"m", "60"}, new String[]{"h", "3600"}, new String[]{"hr", "3600"},
            new String[]{"hours", "3600"}, new String[]{"Hours", "3600"});
    static final List<String[]> CAPACITY_UNITS = List.of(new String[]{"mAh", "0.001"}, new String[]{"Ah", "1"},
            new String[]{"uAh", "0.000001"});
    static final List<String[]> ENERGY_UNITS = List.of(new String[]{"mWh", "0.001"}, new String[]{"Wh", "1"});

    /** "12.5 mA", "12.5mA": a decimal with up to three places and a unit, and its exact value. */
    private static Arbitrary<Spelled> spelled(List<String[]> units) {
        return spelled(units, 99999);
    }

    /** As {@link #spelled(List)}, up to {@code largest} (in the largest unit: beyond it is out of PhysicalBounds). */
    private static Arbitrary<Spelled> spelled(List<String[]> units, int largest) {
        return Combinators.combine(Arbitraries.integers().between(1, largest), Arbitraries.integers().between(0, 3),
                Arbitraries.of(units), Arbitraries.of("", " ")).as((n, places, unit, gap) -> {
            BigDecimal number = BigDecimal.valueOf(n, places);
            return new Spelled(number.toPlainString() + gap + unit[0],
                    number.multiply(new BigDecimal(unit[1])).doubleValue());
        });
    }

    private static Arbitrary<Spelled> cRates() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 100).map(n -> new Spelled("C/" + n, 1.0 / n)),
                Arbitraries.integers().between(1, 50).map(n -> new Spelled(n + "C", n)),
                Arbitraries.integers().between(1, 50).map(n -> new Spelled(n + " C", n)));
    }

    private static Arbitrary<SetPoint> setPoints() {
        return Arbitraries.oneOf(
                spelled(CURRENT_UNITS, 9999).map(s -> new SetPoint(Control.CURRENT, s)),
                cRates().map(s -> new SetPoint(Control.C_RATE, s)),
                spelled(POWER_UNITS).map(s -> new SetPoint(Control.POWER, s)),
                spelled(VOLTAGE_UNITS, 1999).map(s -> new SetPoint(Control.VOLTAGE, s)));
    }

    private static Arbitrary<List<WrittenTerm>> writtenTerms() {
        Arbitrary<String> anyOp = Arbitraries.of("", "", ">=", "<=", ">", "<", "≥", "≤");
        Arbitrary<WrittenTerm> t = Arbitraries.oneOf(
                Combinators.combine(anyOp, spelled(VOLTAGE_UNITS, 1999)).as((op, v) -> new WrittenTerm(Measure.VOLTAGE, op, v)),
                Combinators.combine(anyOp, spelled(CURRENT_UNITS, 9999)).as((op, v) -> new WrittenTerm(Measure.CURRENT, op, v)),
                Combinators.combine(anyOp, cRates()).as((op, v) -> new WrittenTerm(Measure.C_RATE, op, v)),
                Combinators.combine(Arbitraries.of("", ">="), spelled(CAPACITY_UNITS, 9999))
                        .as((op, v) -> new WrittenTerm(Measure.CAPACITY, op, v)),
                Combinators.combine(Arbitraries.of("", ">="), spelled(ENERGY_UNITS))
                        .as((op, v) -> new WrittenTerm(Measure.ENERGY, op, v)),
                Combinators.combine(Arbitraries.of("", ">="),
                                spelled(TIME_UNITS.stream().filter(u -> !u[0].equals("m")).toList(), 9999))
                        .as((op, v) -> new WrittenTerm(Measure.TIME, op, v)));
        return t.list().ofMaxSize(3);
    }

    private static String word(String w, boolean upper) {
        String lower = w.toLowerCase(Locale.ROOT);
        return upper ? lower.toUpperCase(Locale.ROOT) : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    // ---- robustness ------------------------------------------------------------------------

    @Property(tries = 5000)
    void garbageNeverThrowsAnythingButProtocolException(@ForAll String text) {
        readOrReject(text);
    }

    @Property(tries = 5000)
    void mutatedSentencesNeverThrowAnythingButProtocolException(@ForAll("mutated") String text) {
        readOrReject(text);
    }

    @Property(tries = 500)
    void repeatHeadersNeverThrowAnythingButProtocolException(@ForAll("mutatedHeaders") String text) {
        try {
            int n = StepGrammar.repeatCount(SourceText.at(text, AT));
            assertTrue(n >= 1);
        } catch (ProtocolException expected) {
            assertInside(expected, text);
        }
    }

    private static void readOrReject(String text) {
        try {
            List<Step> steps = StepGrammar.parse(text, AT);
            assertTrue(!steps.isEmpty() && steps.size() <= 2);
        } catch (ProtocolException expected) {
            assertInside(expected, text);
        }
    }

    /** The error names the sentence's line and a column inside it (or just after it). */
    private static void assertInside(ProtocolException e, String text) {
        assertEquals(AT.line(), e.line(), e::getMessage);
        assertTrue(e.column() >= AT.column() && e.column() <= AT.column() + text.length(), e::getMessage);
        assertTrue(e.getMessage().startsWith("prop.yaml:4:" + e.column() + ": error: "), e::getMessage);
        assertTrue(!e.problem().isBlank());
    }

    static final List<String> VALID = List.of(
            "Discharge at C/10 for 10 hours or until 3.3 V", "Charge at 1 A until 4.1 V", "Hold at 4.1 V until 50 mA",
            "Hold at 3V until C/50", "Rest for 1 hour", "Discharge at 1W for 0.5 hours",
            "Discharge at C/20 for 1h (2 minute period)", "Discharge at 4 Ohm for 1 hour", "Charge at 1 C until 4.2V",
            "Rest for 10 minutes (1 minute period)", "Discharge at 1C for 1 hour at 25oC",
            "Charge at C/10 until 3.7 V then hold until C/50", "Charge at C/10 until 3.7 V or 5 hours or 1 mAh",
            "Rest until >= 3 V or 2 h", "EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade",
            "GEIS from 100 kHz to 10 mHz at 100 uA, 10 ppd", "Set pressure to 5 MPa and wait until stable",
            "Set temperature to 25 °C and wait until stable", "Discharge at 500mC for 10 m",
            "Charge at C/10 until 3.7 V then hold at 3.7 V for 2 hours or until C/50 (1 minute period)");

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("0123456789.eE+-/()<>=≤≥,:; °CVAWhmsµΩ\u00a0\t\n\"'[]")
                .ofMaxLength(5);
        Arbitrary<String> keyword = Arbitraries.of("at", "for", "until", "or", "then", "hold", "and", "from", "to",
                "points", "per", "decade", "period", "C/", "C/0", "-", "1e999", "1e-999", "(", ")", "at 25oC", "wait");
        Arbitrary<String> insert = Arbitraries.oneOf(noise, keyword.map(k -> " " + k + " "));
        return Combinators.combine(Arbitraries.of(VALID), insert, Arbitraries.integers().between(0, 80),
                        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 2))
                .as((text, ins, at, cut, times) -> {
                    String s = text;
                    for (int k = 0; k <= times; k++) {
                        int i = Math.min(at * (k + 1) % (s.length() + 1), s.length());
                        int j = Math.min(s.length(), i + cut);
                        s = s.substring(0, i) + ins + s.substring(j);
                    }
                    return s;
                });
    }

    @Provide
    Arbitrary<String> mutatedHeaders() {
        return Combinators.combine(Arbitraries.of("Repeat 3 times", "repeat 20 times:", "Repeat 1 time", "Repeat 3x"),
                        Arbitraries.strings().withChars("0123456789.e-: x").ofMaxLength(12),
                        Arbitraries.integers().between(0, 20))
                .as((h, ins, at) -> h.substring(0, Math.min(at, h.length())) + ins + h.substring(Math.min(at, h.length())));
    }
}
