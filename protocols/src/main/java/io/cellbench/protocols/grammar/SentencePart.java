package io.cellbench.protocols.grammar;

import io.cellbench.protocols.model.SafetyLimits;

/**
 * What every part of a step sentence's parser shares: the sentence, its tokens, the amounts read
 * from them, and the check of set points and cut-offs against the protocol's limits. The parts
 * ({@link DriveSentence}, {@link EisSentence}, {@link SettingSentence}, {@link TermClauses}) read
 * the same tokens in turn, one instance each per sentence.
 */
abstract class SentencePart {
    final SourceText src;
    final Cursor tokens;
    final AmountReader values;
    final WindowCheck window;

    /** {@code clampRequired}: current and power set points need a closed voltage window (a protocol's steps). */
    SentencePart(SourceText src, SafetyLimits limits, boolean clampRequired) {
        this.src = src;
        this.tokens = new Cursor(src);
        this.values = new AmountReader(tokens);
        this.window = new WindowCheck(limits, src, clampRequired);
    }

    /** Another part of the same sentence, reading on where {@code from} is. */
    SentencePart(SentencePart from) {
        this.src = from.src;
        this.tokens = from.tokens;
        this.values = from.values;
        this.window = from.window;
    }
}
