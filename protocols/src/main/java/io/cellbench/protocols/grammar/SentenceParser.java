package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.Token.Kind;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import java.util.List;

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
 *
 * <p>This class starts a sentence and hands it to its part: {@link DriveSentence} (drive, rest,
 * their clauses in {@link TermClauses}), {@link EisSentence}, {@link SettingSentence}.
 */
final class SentenceParser extends SentencePart {

    SentenceParser(SourceText src, SafetyLimits limits) {
        this(src, limits, false);
    }

    /** {@code clampRequired}: current and power set points need a closed voltage window (a protocol's steps). */
    SentenceParser(SourceText src, SafetyLimits limits, boolean clampRequired) {
        super(src, limits, clampRequired);
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
            case "charge", "discharge", "hold" -> new DriveSentence(this).drive();
            case "rest" -> new DriveSentence(this).rest();
            case "eis", "peis", "geis" -> List.of(new EisSentence(this).eis());
            case "set" -> List.of(new SettingSentence(this).set());
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
            throw src.error(0, src.text().length(), "missing " + what, AmountReader.example(List.of(expected)));
        }
        Amount a = values.amount(what, List.of(expected), false);
        tokens.expectEnd("write just one value, e.g. " + AmountReader.example(List.of(expected)).substring("write ".length()));
        return a.value();
    }
}
