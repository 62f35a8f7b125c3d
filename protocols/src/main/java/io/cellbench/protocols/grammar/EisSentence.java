package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.Token.Kind;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.EisMode;
import java.util.List;
import java.util.Locale;

/** An impedance sweep: "EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade" (PEIS, GEIS). */
final class EisSentence extends SentencePart {
    private static final List<String> EIS_CLAUSES = List.of("from", "at", "points per decade");

    /** Points per decade when a sentence does not say: what BioLogic and Gamry default to. */
    static final int DEFAULT_POINTS_PER_DECADE = 10;

    EisSentence(SentencePart sentence) {
        super(sentence);
    }

    Step.Eis eis() {
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
                            + " amplitude, not " + AmountReader.article(amplitude.dimension()),
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
}
