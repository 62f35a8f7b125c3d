package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.Token.Kind;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * What follows a drive's set point, or "Rest": "for" a time, "until" cut-offs joined by "or", a
 * "(… period)", a temperature suffix, and a CC-CV step's "then hold [at V] until …".
 */
final class TermClauses extends SentencePart {
    private static final List<Dimension> CUT_OFFS = List.of(Dimension.VOLTAGE, Dimension.CURRENT, Dimension.C_RATE,
            Dimension.CHARGE, Dimension.ENERGY, Dimension.TIME);
    private static final List<String> DRIVE_CLAUSES = List.of("for", "until", "or", "then", "at", "(… period)");
    private static final List<String> REST_CLAUSES = List.of("for", "until", "or", "at", "(… period)");

    TermClauses(SentencePart sentence) {
        super(sentence);
    }

    /** What follows the set point of a drive, or "Rest". */
    static final class Clauses {
        Amount duration;
        final List<RawTerm> terms = new ArrayList<>();
        Amount period;
        Amount temperature;
        int temperatureAt;
        HoldPhase hold;
    }

    /** "then hold [at V] until …": the CV phase of a CC-CV step. */
    record HoldPhase(Amount volt, List<RawTerm> terms, int start, int headEnd, int end) {
    }

    Clauses clauses(boolean drive) {
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
            throw src.error(a.start(), a.end(), "'" + tokens.text(a) + "' is " + AmountReader.article(a.dimension())
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
