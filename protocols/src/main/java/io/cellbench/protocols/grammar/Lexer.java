package io.cellbench.protocols.grammar;

import io.cellbench.protocols.grammar.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a step sentence into tokens. Numbers and units may touch ("200mA", "1e0hours",
 * "C/20"), as PyBaMM allows; spaces are otherwise free.
 */
final class Lexer {

    private final String s;
    private int i;

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String sentence) {
        return new Lexer(sentence).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (i >= s.length()) {
                out.add(new Token(Kind.END, "", s.length(), s.length()));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
    }

    /** No-break spaces pasted from documents count as spaces. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f' || c == '\u2007';
    }

    private Token next() {
        int start = i;
        char c = s.charAt(i);
        if (startsNumber(i)) {
            return number();
        }
        if (isWordStart(c)) {
            while (i < s.length() && isWordPart(s.charAt(i))) {
                i++;
            }
            return token(Kind.WORD, start);
        }
        i++;
        return switch (c) {
            case '/' -> token(Kind.SLASH, start);
            case '(' -> token(Kind.OPEN, start);
            case ')' -> token(Kind.CLOSE, start);
            case ',' -> token(Kind.COMMA, start);
            case ':' -> token(Kind.COLON, start);
            case '≥', '≤' -> token(Kind.OPERATOR, start);
            case '<', '>' -> {
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                yield token(Kind.OPERATOR, start);
            }
            default -> {
                // keep a surrogate pair together so the message shows the whole character
                if (Character.isHighSurrogate(c) && i < s.length() && Character.isLowSurrogate(s.charAt(i))) {
                    i++;
                }
                yield token(Kind.OTHER, start);
            }
        };
    }

    private boolean startsNumber(int at) {
        int k = at;
        if (k < s.length() && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
            k++;
        }
        if (k < s.length() && s.charAt(k) == '.') {
            k++;
        }
        return k < s.length() && isDigit(s.charAt(k));
    }

    private Token number() {
        int start = i;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            i++;
        }
        digits();
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            digits();
        }
        // An exponent only when digits follow: "1e0hours" is 1e0 hours, "2 eV" is not an exponent.
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int k = i + 1;
            if (k < s.length() && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
                k++;
            }
            if (k < s.length() && isDigit(s.charAt(k))) {
                i = k;
                digits();
            }
        }
        return token(Kind.NUMBER, start);
    }

    private void digits() {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '°' || c == '℃' || c == 'Ω' || c == 'µ';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '²' || c == '³' || c == '^' || c == '_';
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, s.substring(start, i), start, i);
    }
}
