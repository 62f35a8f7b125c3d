package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import java.util.List;
import java.util.Objects;

/**
 * Reads step sentences — every PyBaMM experiment string plus cellbench's extensions
 * (CC-CV in one step, several OR-ed cut-offs, capacity and energy cut-offs, explicit
 * operators, EIS, pressure and temperature) — into the protocol model.
 * <p>
 * A sentence usually gives one step; an older-PyBaMM temperature suffix ("… at 25oC") gives
 * two: {@code Set temperature to 25 °C and wait until stable}, then the step. Every problem
 * is a {@link ProtocolException} naming file:line:column of the offending token.
 */
public final class StepGrammar {

    private final SafetyLimits limits;
    private final boolean clampRequired;

    /** A grammar that also checks every set point and cut-off against {@code limits}. */
    public StepGrammar(SafetyLimits limits) {
        this(limits, false);
    }

    private StepGrammar(SafetyLimits limits, boolean clampRequired) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clampRequired = clampRequired;
    }

    /**
     * The grammar of a protocol's steps: the window check, and a step sourcing current or power
     * needs {@code limits.voltage} closed on both sides for the channel to clamp to
     * ({@link io.cellbench.protocols.model.VoltageClamp}), as the runner requires.
     */
    public static StepGrammar forProtocol(SafetyLimits limits) {
        return new StepGrammar(limits, true);
    }

    /** Parses one sentence; errors point into {@code sentence}'s source. */
    public List<Step> parse(SourceText sentence) {
        return new SentenceParser(sentence, limits, clampRequired).sentence();
    }

    /** Parses one sentence written on one line starting at {@code at}, with no safety window. */
    public static List<Step> parse(String sentence, SourceLocation at) {
        return new StepGrammar(SafetyLimits.NONE).parse(SourceText.at(sentence, at));
    }

    /** Parses a sentence that must give exactly one step (no temperature suffix). */
    public static Step parseOne(String sentence, SourceLocation at) {
        SourceText src = SourceText.at(sentence, at);
        List<Step> steps = new StepGrammar(SafetyLimits.NONE).parse(src);
        if (steps.size() != 1) {
            throw src.error(0, sentence.length(), "this sentence gives " + steps.size() + " steps, one was expected",
                    "write 'Set temperature to … and wait until stable' as its own step");
        }
        return steps.getFirst();
    }

    /** The count of a "Repeat N times" header (the YAML key of a block of steps). */
    public static int repeatCount(SourceText header) {
        return new SentenceParser(header, SafetyLimits.NONE).repeatHeader();
    }

    /**
     * Reads a text that is exactly one quantity of {@code dimension} ("1.9 V", "-10 mA",
     * "80 °C") into the model unit (V, A, °C, Pa, s …); {@code what} names it in errors.
     */
    public static double value(SourceText text, Dimension dimension, String what) {
        return new SentenceParser(text, SafetyLimits.NONE).valueOnly(what, dimension);
    }

    /** The candidate {@code word} is plausibly a typo of (a "did you mean"), or null. */
    public static String closestWord(String word, List<String> candidates) {
        return Keywords.closest(word, candidates);
    }

    /** True when {@code text} starts with the word "Repeat" (in any case). */
    public static boolean isRepeatHeader(String text) {
        List<Token> tokens = Lexer.tokens(text);
        return tokens.getFirst().is("repeat");
    }
}
