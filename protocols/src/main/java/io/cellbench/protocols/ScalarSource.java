package io.cellbench.protocols;

import io.cellbench.protocols.grammar.SourceText;

/**
 * Maps each character of a YAML scalar's value back to where it was written, so an error
 * inside a step sentence points at the offending token even when the sentence is quoted
 * ("…" with escapes, '…' with doubled quotes) or folded over several lines (plain, {@code >},
 * {@code |}). Source characters that produce nothing in the value (quotes, indentation,
 * escape sequences) are skipped; where the two cannot be aligned the rest maps to the last
 * aligned position, which still names the right line.
 */
final class ScalarSource {

    private ScalarSource() {
    }

    static SourceText of(SourceLines lines, YamlNode.Scalar scalar) {
        String value = scalar.value() == null ? "" : scalar.value();
        String text = lines.text();
        int p = lines.offset(scalar.line(), scalar.column());
        char style = p < text.length() ? text.charAt(p) : ' ';
        if (style == '"' || style == '\'') {
            p++;
        } else if (style == '|' || style == '>') {
            while (p < text.length() && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                p++; // the block header ("|-", ">2") ends its line; content starts below
            }
        }
        int[] at = new int[value.length() + 1];
        int i = 0;
        while (i < value.length()) {
            if (p >= text.length()) {
                break;
            }
            char v = value.charAt(i);
            char c = text.charAt(p);
            if (style == '"' && c == '\\') {
                at[i++] = p;
                p += escapeLength(text, p);
            } else if (style == '\'' && c == '\'' && p + 1 < text.length() && text.charAt(p + 1) == '\'') {
                at[i++] = p;
                p += 2;
            } else if (c == v) {
                at[i++] = p++;
            } else if (Character.isWhitespace(c)) {
                p++; // indentation or a line break the value folded away
            } else if (Character.isWhitespace(v)) {
                at[i++] = p; // a space the value gained by folding
            } else {
                break;
            }
        }
        for (int k = i; k <= value.length(); k++) {
            at[k] = Math.min(p, text.length());
        }
        int[] positions = at;
        return SourceText.mapped(lines.file(), value, o -> lines.spot(positions[o]));
    }

    /** Length of a double-quoted escape: \x41 (4), \u0041 (6), \U0001F600 (10), else 2. */
    private static int escapeLength(String text, int p) {
        if (p + 1 >= text.length()) {
            return 1;
        }
        return switch (text.charAt(p + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }
}
