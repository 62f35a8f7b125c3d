package io.cellbench.protocols.grammar;

import java.util.Locale;

/** One token of a step sentence, with its character span in the sentence. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** Letters (and unit marks such as °, µ, Ω, ², ^): keywords and unit symbols. */
        WORD,
        /** A decimal number, optionally signed, with an optional exponent: 4.1, -5, 1e0. */
        NUMBER,
        /** One of {@code >= <= > < ≥ ≤}. */
        OPERATOR,
        SLASH, OPEN, CLOSE, COMMA, COLON,
        /** A character no step uses. */
        OTHER,
        END
    }

    /** True for a word equal to {@code keyword}, ignoring case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** How the token is named in messages. */
    String shown() {
        return kind == Kind.END ? "the end of the step" : "'" + text + "'";
    }
}
