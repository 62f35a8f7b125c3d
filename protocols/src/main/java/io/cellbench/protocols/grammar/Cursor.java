package io.cellbench.protocols.grammar;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.grammar.Token.Kind;
import java.util.List;

/**
 * The tokens of one sentence, a position in them, and the errors that name a token: what
 * was expected instead, and the closest keyword when a word looks like a typo.
 */
final class Cursor {

    private final SourceText src;
    private final List<Token> tokens;
    private int pos;

    Cursor(SourceText src) {
        this.src = src;
        this.tokens = Lexer.tokens(src.text());
    }

    SourceText src() {
        return src;
    }

    int position() {
        return pos;
    }

    /** The token at index {@code at} (the END token past the last). */
    Token at(int at) {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    /** The token just consumed. */
    Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    /** "C" followed by "/" at index {@code at}: a C-rate written as a fraction. */
    boolean isCFraction(int at) {
        return at(at).is("C") && at(at + 1).kind() == Kind.SLASH;
    }

    Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    String text(Amount a) {
        return src.text().substring(a.start(), a.end());
    }

    /** A number is shown with its unit ("2 hours"), anything else alone. */
    int spanEnd(Token t) {
        int i = tokens.indexOf(t);
        if (t.kind() == Kind.NUMBER && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD) {
            return tokens.get(i + 1).end();
        }
        return Math.max(t.end(), t.start() + 1);
    }

    void expectEnd(String hint) {
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw src.error(t.start(), src.text().length(), "unexpected " + t.shown() + " after the end of the step",
                    hint);
        }
    }

    void duplicate(boolean seen, Token t, String what) {
        if (seen) {
            throw src.error(t.start(), spanEnd(t), "a second " + what + " in one step",
                    "give each condition once; join several cut-offs with 'or'");
        }
    }

    ProtocolException unexpected(Token t, List<String> expected, String hint) {
        if (t.kind() == Kind.END) {
            return src.error(t.start(), t.end(), "the step ends where " + Keywords.quotedList(expected)
                    + " was expected", hint);
        }
        if (t.text().equals("-") && t.kind() == Kind.OTHER) {
            // YAML folds a mis-indented "- next step" into this one
            return src.error(t.start(), t.end(), "unexpected '-' inside a step",
                    "is the next step indented more than this one? The '- ' of every step in a list must line up");
        }
        if (t.kind() == Kind.WORD) {
            String guess = Keywords.closest(t.text(), expected);
            if (guess != null) {
                return src.error(t.start(), t.end(), "unexpected word '" + t.text() + "'", didYouMean(guess, hint));
            }
        }
        return src.error(t.start(), spanEnd(t), "unexpected " + t.shown() + "; expected "
                + Keywords.quotedList(expected), hint);
    }

    static String didYouMean(String guess, String hint) {
        String rest = hint.isEmpty() ? "" : " " + Character.toUpperCase(hint.charAt(0)) + hint.substring(1);
        return "did you mean '" + guess + "'?" + rest;
    }

    ProtocolException unknownWord(Token t, List<String> candidates, String problem,
                                                                 String hint) {
        String guess = t.kind() == Kind.WORD ? Keywords.closest(t.text(), candidates) : null;
        return src.error(t.start(), spanEnd(t), problem, guess != null ? didYouMean(guess, hint) : hint);
    }
}
