package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.Token.Kind;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Step.EisMode;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over the tokens of one step sentence. One instance per sentence.
 *
 * <pre>
 * sentence := drive | rest | eis | set | repeat-header
 * drive    := ("Charge" | "Discharge" | "Hold") "at" set-point clause*
 * rest     := "Rest" clause*
 * clause   := ["or"] "for" time | ["or"] "until" term ("or" ["until"] term)*
 *           | "(" time "period" ")" | "at" temperature | "then" "hold" ["at" voltage] hold-end
 * term     := [">=" | "<=" | ">" | "<" | "≥" | "≤"] quantity
 * eis      := ("EIS" | "PEIS" | "GEIS") ("from" freq "to" freq | "at" amplitude | n "points" "per" "decade")*
 * set      := "Set" ("pressure" | "temperature") ["to"] quantity ["and" "wait" "until" "stable"]
 * repeat   := "Repeat" n ("times" | "time" | "x") [":"]
 * </pre>
 */
final class SentenceParser {

    private static final List<Dimension> SET_POINTS =
            List.of(Dimension.CURRENT, Dimension.C_RATE, Dimension.POWER, Dimension.RESISTANCE, Dimension.VOLTAGE);
    private static final List<Dimension> CUT_OFFS = List.of(Dimension.VOLTAGE, Dimension.CURRENT, Dimension.C_RATE,
            Dimension.CHARGE, Dimension.ENERGY, Dimension.TIME);
    private static final List<String> DRIVE_CLAUSES = List.of("for", "until", "or", "then", "at", "(… period)");
    private static final List<String> REST_CLAUSES = List.of("for", "until", "or", "at", "(… period)");
    private static final List<String> EIS_CLAUSES = List.of("from", "at", "points per decade");

    private final SourceText src;
    private final Cursor tokens;
    private final Amounts values;
    private final WindowCheck window;

    SentenceParser(SourceText src, SafetyLimits limits) {
        this(src, limits, false);
    }

    /** {@code clampRequired}: current and power set points need a closed voltage window (a protocol's steps). */
    SentenceParser(SourceText src, SafetyLimits limits, boolean clampRequired) {
        this.src = src;
        this.tokens = new Cursor(src);
        this.values = new Amounts(tokens);
        this.window = new WindowCheck(limits, src, clampRequired);
    }

    // ---- sentences -------------------------------------------------------------------------

    List<Step> sentence() {
        Token first = tokens.peek();
        if (first.kind() == Kind.END) {
            throw src.error(0, src.text().length(), "empty step", "write a step such as 'Rest for 1 hour'");
        }
        if (first.kind() != Kind.WORD) {
            throw src.error(first.start(), tokens.spanEnd(first), "a step starts with a word, not " + first.shown(),
                    "start with " + Keywords.quotedList(Keywords.STEP_STARTS));
        }
        return switch (first.lower()) {
            case "charge", "discharge", "hold" -> drive();
            case "rest" -> rest();
            case "eis", "peis", "geis" -> List.of(eis());
            case "set" -> List.of(set());
            case "repeat" -> throw src.error(first.start(), src.text().length(),
                    "'" + src.text().strip() + "' needs a list of steps to repeat",
                    "write it as a YAML key followed by indented steps:\n- Repeat 3 times:\n    - Charge at C/10 until 3.7 V\n"
                            + "    - Discharge at C/10 until 1.9 V");
            case "run" -> throw src.error(first.start(), first.end(), "drive cycles ('Run …') are not supported",
                    "PyBaMM has deprecated them too; write the steps out, or repeat them with 'Repeat N times:'");
            default -> throw tokens.unknownWord(first, Keywords.STEP_STARTS, "unknown step " + first.shown(),
                    "a step starts with " + Keywords.quotedList(Keywords.STEP_STARTS));
        };
    }

    /** "Repeat 20 times" (with or without the YAML colon): the count. */
    int repeatHeader() {
        Token first = tokens.peek();
        if (!first.is("repeat")) {
            throw tokens.unknownWord(first, List.of("Repeat"), "a list of steps needs a 'Repeat N times' key, not "
                    + "'" + src.text().strip() + "'",
                    "write '- Repeat 3 times:' followed by the indented steps");
        }
        tokens.advance();
        Token n = tokens.peek();
        if (n.kind() != Kind.NUMBER) {
            throw src.error(n.start(), tokens.spanEnd(n), "expected how many times to repeat, found " + n.shown(),
                    "write 'Repeat 3 times'");
        }
        int count = values.wholeNumber(n, "repeat count", 1, Integer.MAX_VALUE);
        tokens.advance();
        Token unit = tokens.peek();
        if (unit.is("times") || unit.is("time") || unit.is("x")) {
            tokens.advance();
        } else {
            throw tokens.unexpected(unit, List.of("times"), "write 'Repeat " + count + " times'");
        }
        if (tokens.peek().kind() == Kind.COLON) {
            tokens.advance();
        }
        tokens.expectEnd("write 'Repeat " + count + " times' with the steps as a list under it");
        return count;
    }

    /** A text that is a single quantity (a limit, a logging threshold), in the model unit. */
    double valueOnly(String what, Dimension expected) {
        Token first = tokens.peek();
        if (first.kind() == Kind.END) {
            throw src.error(0, src.text().length(), "missing " + what, Amounts.example(List.of(expected)));
        }
        Amount a = values.amount(what, List.of(expected), false);
        tokens.expectEnd("write just one value, e.g. " + Amounts.example(List.of(expected)).substring("write ".length()));
        return a.value();
    }

    private List<Step> drive() {
        Token verb = tokens.advance();
        DriveKind kind = DriveKind.valueOf(verb.text().toUpperCase(Locale.ROOT));
        Token at = tokens.peek();
        if (!at.is("at")) {
            throw tokens.unexpected(at, List.of("at"), "say what to " + verb.lower() + " at, e.g. '" + verb.text()
                    + (kind == DriveKind.HOLD ? " at 4.2 V until C/50'" : " at C/10 for 10 hours'"));
        }
        tokens.advance();
        Amount setPoint = values.amount("a set point", SET_POINTS, false);
        Control control = switch (setPoint.dimension()) {
            case CURRENT -> Control.CURRENT;
            case C_RATE -> Control.C_RATE;
            case POWER -> Control.POWER;
            case RESISTANCE -> Control.RESISTANCE;
            default -> Control.VOLTAGE;
        };
        // PyBaMM reads "Hold at 1 A" as a discharge at 1 A (its sign convention: Hold = +, discharge).
        if (kind == DriveKind.HOLD && control != Control.VOLTAGE) {
            kind = DriveKind.DISCHARGE;
        }
        if (kind == DriveKind.CHARGE && control == Control.RESISTANCE) {
            throw src.error(setPoint.start(), setPoint.end(), "a resistance load can only discharge the cell",
                    "write 'Discharge at " + tokens.text(setPoint) + " …'");
        }
        values.positive(setPoint, "set point", control == Control.VOLTAGE ? "write a voltage above 0 V"
                : "write the magnitude; Charge or Discharge gives the direction (for open circuit write 'Rest for …')");
        window.setPoint(kind, control, setPoint);

        Clauses c = clauses(true);
        if (c.duration == null && c.terms.isEmpty() && c.hold == null) {
            throw src.error(0, src.text().length(), "'" + src.text().strip() + "' never ends",
                    "add " + switch (control) {
                        case VOLTAGE -> "'until 50 mA', 'until C/50'";
                        default -> kind == DriveKind.CHARGE ? "'until 4.2 V'" : "'until 2.5 V'";
                    } + " or 'for 2 hours'");
        }
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : c.terms) {
            Termination t = TerminationRules.forDrive(kind, control, raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        Step.CvHold hold = c.hold == null ? null : cvHold(c, control, until);
        window.clamp(control, setPoint); // last: a mistake in the sentence itself is reported first
        Step.Drive drive = new Step.Drive(src.location(0), src.text(), kind, control, setPoint.value(),
                c.duration == null ? null : c.duration.value(), until, hold,
                c.period == null ? null : c.period.value());
        return withTemperature(c, drive);
    }

    private Step.CvHold cvHold(Clauses c, Control control, List<Termination> ccUntil) {
        HoldPhase h = c.hold;
        if (control == Control.VOLTAGE) {
            throw src.error(h.start(), h.end(), "'then hold' follows a constant-current, C-rate or power phase",
                    "this step already holds a voltage: drop 'then hold …'");
        }
        double volt;
        if (h.volt() != null) {
            volt = h.volt().value();
        } else {
            List<Termination> voltages = ccUntil.stream().filter(t -> t.measure() == Measure.VOLTAGE).toList();
            if (voltages.size() != 1) {
                throw src.error(h.start(), h.headEnd(), voltages.isEmpty()
                                ? "'then hold' needs a voltage to hold at"
                                : "'then hold' cannot tell which of the cut-off voltages to hold at",
                        "end the first phase on one voltage ('until 3.7 V then hold until C/50') "
                                + "or name it ('then hold at 3.7 V until C/50')");
            }
            volt = voltages.getFirst().value();
        }
        window.holdVoltage(volt, h.start(), h.end());
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : h.terms()) {
            Termination t = TerminationRules.forHold(raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        return new Step.CvHold(volt, until);
    }

    private List<Step> rest() {
        tokens.advance();
        Clauses c = clauses(false);
        if (c.duration == null && c.terms.isEmpty()) {
            throw src.error(0, src.text().length(), "'" + src.text().strip() + "' needs 'for' or 'until'",
                    "e.g. 'Rest for 1 hour', or 'Rest until >= 3.0 V or 2 hours'");
        }
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : c.terms) {
            Termination t = TerminationRules.forRest(raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        Step.Rest rest = new Step.Rest(src.location(0), src.text(), c.duration == null ? null : c.duration.value(),
                until, c.period == null ? null : c.period.value());
        return withTemperature(c, rest);
    }

    /**
     * "… at 25oC": older PyBaMM read a temperature suffix (today's PyBaMM wants a keyword
     * argument instead). A cycler cannot run one step at a temperature, it sets the chamber:
     * the suffix becomes "Set temperature to 25 °C and wait until stable" before the step,
     * and the chamber stays there until the protocol sets it again.
     */
    private List<Step> withTemperature(Clauses c, Step step) {
        if (c.temperature == null) {
            return List.of(step);
        }
        Step.SetTemperature set = new Step.SetTemperature(src.location(c.temperatureAt), src.text(),
                c.temperature.value(), true);
        return List.of(set, step);
    }

    private Step.Eis eis() {
        Token word = tokens.advance();
        EisMode required = switch (word.lower()) {
            case "peis" -> EisMode.POTENTIOSTATIC;
            case "geis" -> EisMode.GALVANOSTATIC;
            default -> null;
        };
        Amount from = null;
        Amount to = null;
        Amount amplitude = null;
        Integer perDecade = null;
        while (true) {
            Token t = tokens.peek();
            if (t.kind() == Kind.END) {
                break;
            } else if (t.kind() == Kind.COMMA) {
                tokens.advance();
            } else if (t.is("from")) {
                tokens.duplicate(from != null, t, "frequency range");
                tokens.advance();
                from = values.amount("a frequency", List.of(Dimension.FREQUENCY), false);
                Token toWord = tokens.peek();
                if (!toWord.is("to")) {
                    throw tokens.unexpected(toWord, List.of("to"), "write 'from 1 MHz to 100 mHz'");
                }
                tokens.advance();
                to = values.amount("a frequency", List.of(Dimension.FREQUENCY), false);
            } else if (t.is("at")) {
                tokens.duplicate(amplitude != null, t, "amplitude");
                tokens.advance();
                amplitude = values.amount("an amplitude", List.of(Dimension.VOLTAGE, Dimension.CURRENT), false);
            } else if (t.kind() == Kind.NUMBER && (tokens.peek(1).is("points") || tokens.peek(1).is("point") || tokens.peek(1).is("ppd"))) {
                tokens.duplicate(perDecade != null, t, "points per decade");
                perDecade = values.wholeNumber(t, "points per decade", 1, 1000);
                tokens.advance();
                if (tokens.advance().is("ppd")) {
                    continue;
                }
                Token per = tokens.peek();
                if (per.is("per") || per.kind() == Kind.SLASH) {
                    tokens.advance();
                } else {
                    throw tokens.unexpected(per, List.of("per"), "write '" + perDecade + " points per decade'");
                }
                Token decade = tokens.peek();
                if (!decade.is("decade")) {
                    throw tokens.unexpected(decade, List.of("decade"), "write '" + perDecade + " points per decade'");
                }
                tokens.advance();
            } else {
                throw tokens.unexpected(t, EIS_CLAUSES, "e.g. '" + word.text() + " from 1 MHz to 100 mHz at 10 mV, "
                        + "10 points per decade'");
            }
        }
        if (from == null) {
            throw src.error(0, src.text().length(), "impedance needs a frequency range",
                    "add 'from 1 MHz to 100 mHz'");
        }
        if (amplitude == null) {
            throw src.error(0, src.text().length(), "impedance needs an amplitude",
                    "add 'at 10 mV' (potentiostatic) or 'at 100 uA' (galvanostatic)");
        }
        EisMode mode = amplitude.dimension() == Dimension.VOLTAGE ? EisMode.POTENTIOSTATIC : EisMode.GALVANOSTATIC;
        if (required != null && required != mode) {
            throw src.error(amplitude.start(), amplitude.end(), word.text().toUpperCase(Locale.ROOT)
                            + " takes " + (required == EisMode.POTENTIOSTATIC ? "a voltage" : "a current")
                            + " amplitude, not " + Amounts.article(amplitude.dimension()),
                    required == EisMode.POTENTIOSTATIC ? "write e.g. 'at 10 mV', or use GEIS for a current amplitude"
                            : "write e.g. 'at 100 uA', or use PEIS for a voltage amplitude");
        }
        values.positive(from, "frequency", "write a frequency above 0 Hz");
        values.positive(to, "frequency", "write a frequency above 0 Hz");
        values.positive(amplitude, "amplitude", "write the amplitude as a positive value, e.g. 10 mV");
        if (from.value() == to.value()) {
            throw src.error(to.start(), to.end(), "a sweep needs two different frequencies",
                    "e.g. 'from 1 MHz to 100 mHz'");
        }
        if (mode == EisMode.GALVANOSTATIC) {
            window.galvanostaticAmplitude(amplitude);
        }
        return new Step.Eis(src.location(0), src.text(), mode, from.value(), to.value(), amplitude.value(),
                perDecade == null ? DEFAULT_POINTS_PER_DECADE : perDecade);
    }

    /** Points per decade when a sentence does not say: what BioLogic and Gamry default to. */
    static final int DEFAULT_POINTS_PER_DECADE = 10;

    private Step set() {
        tokens.advance();
        Token what = tokens.peek();
        boolean pressure;
        if (what.is("pressure")) {
            pressure = true;
        } else if (what.is("temperature")) {
            pressure = false;
        } else {
            throw tokens.unknownWord(what, List.of("pressure", "temperature"), "cannot set " + what.shown(),
                    "write 'Set pressure to 5 MPa' or 'Set temperature to 25 °C'");
        }
        tokens.advance();
        if (tokens.peek().is("to")) {
            tokens.advance();
        }
        Amount value = pressure
                ? values.amount("a pressure", List.of(Dimension.PRESSURE, Dimension.FORCE), false)
                : values.amount("a temperature", List.of(Dimension.TEMPERATURE), false);
        boolean wait = false;
        if (tokens.peek().is("and")) {
            tokens.advance();
            for (String w : List.of("wait", "until", "stable")) {
                Token t = tokens.peek();
                if (!t.is(w)) {
                    throw tokens.unexpected(t, List.of(w), "write '… and wait until stable'");
                }
                tokens.advance();
            }
            wait = true;
        }
        tokens.expectEnd("end with the value, or with 'and wait until stable'");
        if (pressure) {
            if (value.dimension() == Dimension.FORCE) {
                throw src.error(value.start(), value.end(), "'" + tokens.text(value) + "' is a force; the press is set in pressure",
                        "divide by the pellet area, e.g. 2 kN on 0.785 cm² is 25.5 MPa");
            }
            if (value.value() < 0) {
                throw src.error(value.start(), value.end(), "pressure " + tokens.text(value) + " is negative",
                        "write 0 MPa to release the press, or a positive pressure");
            }
            window.pressure(value);
            return new Step.SetPressure(src.location(0), src.text(), value.value(), wait);
        }
        if (value.value() < -273.15) {
            throw src.error(value.start(), value.end(), tokens.text(value) + " is below absolute zero",
                    "write a temperature in °C, e.g. 25 °C");
        }
        window.temperature(value);
        return new Step.SetTemperature(src.location(0), src.text(), value.value(), wait);
    }

    // ---- clauses ---------------------------------------------------------------------------

    /** What follows the set point of a drive, or "Rest". */
    private static final class Clauses {
        Amount duration;
        final List<RawTerm> terms = new ArrayList<>();
        Amount period;
        Amount temperature;
        int temperatureAt;
        HoldPhase hold;
    }

    /** "then hold [at V] until …": the CV phase of a CC-CV step. */
    private record HoldPhase(Amount volt, List<RawTerm> terms, int start, int headEnd, int end) {
    }

    private Clauses clauses(boolean drive) {
        Clauses c = new Clauses();
        List<String> expected = drive ? DRIVE_CLAUSES : REST_CLAUSES;
        while (true) {
            Token t = tokens.peek();
            if (t.kind() == Kind.END) {
                return c;
            }
            if (t.is("or")) {
                Token n = tokens.peek(1);
                if (!n.is("until") && !n.is("for")) {
                    throw tokens.unexpected(n, List.of("until", "for"), "e.g. 'for 10 hours or until 3.3 V'");
                }
                tokens.advance();
            } else if (t.is("for")) {
                afterHold(c, t);
                tokens.duplicate(c.duration != null, t, "'for'");
                tokens.advance();
                c.duration = values.amount("a duration", List.of(Dimension.TIME), true);
                values.positive(c.duration, "duration", "write a duration such as 'for 2 hours'");
            } else if (t.is("until")) {
                afterHold(c, t);
                tokens.advance();
                terms(c.terms);
            } else if (t.kind() == Kind.OPEN) {
                tokens.duplicate(c.period != null, t, "period");
                tokens.advance();
                c.period = values.amount("a period", List.of(Dimension.TIME), true);
                values.positive(c.period, "period", "write e.g. '(1 minute period)'");
                if (c.period.value() < 1e-3) {
                    throw src.error(c.period.start(), c.period.end(), "period '" + tokens.text(c.period)
                            + "' is shorter than 1 ms", "no cycler records faster than every 10 ms; e.g. '(1 s period)'");
                }
                Token word = tokens.peek();
                if (!word.is("period")) {
                    throw tokens.unexpected(word, List.of("period"), "write '(" + tokens.text(c.period) + " period)'");
                }
                tokens.advance();
                Token close = tokens.peek();
                if (close.kind() != Kind.CLOSE) {
                    throw tokens.unexpected(close, List.of(")"), "write '(" + tokens.text(c.period) + " period)'");
                }
                tokens.advance();
            } else if (t.is("at")) {
                tokens.duplicate(c.temperature != null, t, "temperature");
                tokens.advance();
                c.temperatureAt = t.start();
                c.temperature = temperatureSuffix();
            } else if (t.is("then") && drive) {
                tokens.duplicate(c.hold != null, t, "'then hold'");
                c.hold = holdPhase();
            } else if (t.is("and")) {
                throw src.error(t.start(), t.end(), "a step ends when any of its conditions holds; 'and' is not supported",
                        "join conditions with 'or': 'until 3.7 V or 5 hours'");
            } else if (t.is("then")) {
                throw src.error(t.start(), t.end(), "'then hold' only follows Charge or Discharge",
                        "write the hold as its own step: 'Hold at 4.2 V until C/50'");
            } else {
                throw tokens.unexpected(t, expected, "e.g. 'for 2 hours', 'until 4.2 V', '(1 minute period)'");
            }
        }
    }

    /** Conditions after "then hold" belong to the hold; the first phase's must come before it. */
    private void afterHold(Clauses c, Token t) {
        if (c.hold != null) {
            throw src.error(t.start(), t.end(), "'" + t.text() + "' after 'then hold …'",
                    "put the first phase's conditions before 'then', the hold's after 'then hold'");
        }
    }

    /** One or more conditions joined by "or" (optionally "or until"). */
    private void terms(List<RawTerm> into) {
        while (true) {
            into.add(term());
            Token t = tokens.peek();
            if (t.is("or") && startsTerm(tokens.position() + 1)) {
                tokens.advance();
            } else if (t.is("or") && tokens.peek(1).is("until")) {
                tokens.advance();
                tokens.advance();
            } else {
                return;
            }
        }
    }

    private boolean startsTerm(int at) {
        Token t = tokens.at(at);
        return t.kind() == Kind.OPERATOR || t.kind() == Kind.NUMBER || tokens.isCFraction(at);
    }

    private RawTerm term() {
        Token op = tokens.peek();
        Op explicit = null;
        if (op.kind() == Kind.OPERATOR) {
            tokens.advance();
            explicit = switch (op.text()) {
                case ">=", ">", "≥" -> Op.AT_LEAST;
                default -> Op.AT_MOST;
            };
        }
        Amount a = values.amount("a cut-off", CUT_OFFS, false);
        Measure m = switch (a.dimension()) {
            case VOLTAGE -> Measure.VOLTAGE;
            case CURRENT -> Measure.CURRENT;
            case C_RATE -> Measure.C_RATE;
            case CHARGE -> Measure.CAPACITY;
            case ENERGY -> Measure.ENERGY;
            default -> Measure.TIME;
        };
        values.positive(a, "cut-off", "write the magnitude (current and C-rate cut-offs compare |I|)");
        return new RawTerm(m, explicit, a.value(), explicit != null ? op.start() : a.start(), a.end());
    }

    private HoldPhase holdPhase() {
        Token then = tokens.advance();
        Token hold = tokens.peek();
        if (!hold.is("hold")) {
            throw tokens.unexpected(hold, List.of("hold"), "write 'then hold until C/50'");
        }
        tokens.advance();
        int headEnd = hold.end();
        Amount volt = null;
        if (tokens.peek().is("at")) {
            tokens.advance();
            volt = values.amount("the hold voltage", List.of(Dimension.VOLTAGE), false);
            values.positive(volt, "hold voltage", "write a voltage above 0 V");
        }
        List<RawTerm> terms = new ArrayList<>();
        boolean timed = false;
        while (true) {
            Token t = tokens.peek();
            if (t.is("until")) {
                tokens.advance();
                terms(terms);
            } else if (t.is("for")) {
                tokens.duplicate(timed, t, "'for'");
                timed = true;
                tokens.advance();
                Amount d = values.amount("a duration", List.of(Dimension.TIME), true);
                values.positive(d, "duration", "write a duration such as 'for 1 hour'");
                terms.add(new RawTerm(Measure.TIME, null, d.value(), d.start(), d.end()));
            } else if (t.is("or") && (tokens.peek(1).is("until") || tokens.peek(1).is("for"))) {
                tokens.advance();
            } else {
                break;
            }
        }
        int end = tokens.previous().end();
        if (terms.isEmpty()) {
            throw src.error(then.start(), end, "'then hold' never ends",
                    "add 'until C/50' (or a current such as 'until 50 uA') or 'for 1 hour'");
        }
        return new HoldPhase(volt, terms, then.start(), headEnd, end);
    }

    /** The temperature after a second "at" (older PyBaMM's "at 25oC"). */
    private Amount temperatureSuffix() {
        if (tokens.peek().kind() != Kind.NUMBER) {
            throw src.error(tokens.peek().start(), tokens.spanEnd(tokens.peek()), "expected a temperature after 'at', found "
                    + tokens.peek().shown(), "write e.g. 'at 25 °C'");
        }
        Amount a = values.amount("a temperature", ANY_DIMENSION, false);
        if (a.dimension() != Dimension.TEMPERATURE) {
            throw src.error(a.start(), a.end(), "'" + tokens.text(a) + "' is " + Amounts.article(a.dimension())
                            + "; after the set point, 'at' gives the temperature",
                    a.dimension() == Dimension.TIME ? "write 'for " + tokens.text(a) + "'" : "write e.g. 'at 25 °C'");
        }
        if (a.value() < -273.15) {
            throw src.error(a.start(), a.end(), tokens.text(a) + " is below absolute zero", "write e.g. 'at 25 °C'");
        }
        window.temperature(a);
        return a;
    }

    /** Read any quantity, to say precisely what was written instead of a temperature. */
    private static final List<Dimension> ANY_DIMENSION = List.of(Dimension.values());
}
