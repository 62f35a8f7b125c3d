package io.cellbench.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source file, with their line, read the way the compiler reads
 * them: comments are not code (a Javadoc that names a column spells nothing), a {@code '"'} is a
 * character, and a text block is one literal. Escapes are undone, so a column name inside
 * hand-written JSON ({@code "\"voltage_volt\":"}) reads as {@code "voltage_volt":}.
 */
final class JavaStringLiterals {

    /** One literal: its value and the 1-based line it starts on. */
    record Literal(String value, int line) {
    }

    private JavaStringLiterals() {
    }

    static List<Literal> of(String source) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = endOfTextBlock(source, i + 3);
                found.add(new Literal(unescape(source.substring(i + 3, end - 3)), line));
                line += count(source, i, end);
                i = end;
            } else if (c == '"') {
                int end = skipQuoted(source, i, '"');
                found.add(new Literal(unescape(source.substring(i + 1, end - 1)), line));
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** The index just past the closing quote of the literal opened at {@code start}. */
    private static int skipQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private static int endOfTextBlock(String s, int from) {
        int i = from;
        while (i < s.length() && !s.startsWith("\"\"\"", i)) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 3, s.length());
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char e = raw.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e; // a quote, backslash or apostrophe stands for itself; octal and unicode escapes spell no column
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
