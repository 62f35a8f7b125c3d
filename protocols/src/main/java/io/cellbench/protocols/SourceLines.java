package io.cellbench.protocols;

import io.cellbench.protocols.grammar.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's text with its line starts, to turn YAML token positions into offsets and offsets
 * back into line, column and the line's text.
 */
final class SourceLines {

    private final String file;
    private final String text;
    private final int[] starts;

    SourceLines(String file, String text) {
        this.file = file;
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // YAML line breaks: \n, \r\n, and a lone \r
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                s.add(i + 1);
            }
        }
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /**
     * The offset of 1-based {@code line} and {@code column} as the YAML parser counts them
     * (in code points), clamped into the text.
     */
    int offset(int line, int column) {
        int l = Math.clamp(line, 1, starts.length) - 1;
        int start = starts[l];
        int end = lineEnd(l);
        int at = start;
        for (int cp = 1; cp < column && at < end; cp++) {
            at += Character.isHighSurrogate(text.charAt(at)) && at + 1 < end ? 2 : 1;
        }
        return at;
    }

    /** Where offset {@code at} is: 1-based line and column (in chars), the line, the index in it. */
    SourceText.Spot spot(int at) {
        int offset = Math.clamp(at, 0, text.length());
        int i = Arrays.binarySearch(starts, offset);
        int l = i >= 0 ? i : -i - 2;
        int start = starts[l];
        String lineText = text.substring(start, lineEnd(l));
        return new SourceText.Spot(l + 1, offset - start + 1, lineText, offset - start);
    }

    /** The text of {@code node}'s first character onwards mapped as a whole line (for key errors). */
    SourceText at(YamlNode node, String shown) {
        int start = offset(node.line(), node.column());
        return SourceText.mapped(file, shown, o -> spot(start + o));
    }

    private int lineEnd(int l) {
        int end = l + 1 < starts.length ? starts[l + 1] : text.length();
        while (end > starts[l] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
