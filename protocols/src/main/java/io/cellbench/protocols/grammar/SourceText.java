package io.cellbench.protocols.grammar;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A piece of text read from a file (a step sentence, a YAML value) together with where each of
 * its characters was written, so an error inside it can name file:line:column and show the
 * line. A YAML scalar may be quoted or folded over several lines; the loader supplies the
 * mapping, a sentence written on one line needs only its start.
 */
public final class SourceText {

    /** Where one character sits: 1-based line and column, the whole line, and the index in it. */
    public record Spot(int line, int column, String lineText, int indexInLine) {
    }

    private final String file;
    private final String text;
    private final IntFunction<Spot> locate;

    private SourceText(String file, String text, IntFunction<Spot> locate) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        this.locate = locate;
    }

    /** Text written on one line, starting at {@code start}; the text itself is shown under errors. */
    public static SourceText at(String text, SourceLocation start) {
        String shown = text.replace('\n', ' ').replace('\r', ' ');
        return new SourceText(start.file(), text,
                offset -> new Spot(start.line(), start.column() + offset, shown, offset));
    }

    /**
     * Text whose characters were written at the spots {@code locate} gives for offsets
     * 0 … length (length = just after the last character).
     */
    public static SourceText mapped(String file, String text, IntFunction<Spot> locate) {
        return new SourceText(file, text, locate);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** Where the character at {@code offset} was written (offset may equal the length). */
    public Spot spot(int offset) {
        return locate.apply(Math.clamp(offset, 0, text.length()));
    }

    public SourceLocation location(int offset) {
        Spot s = spot(offset);
        return new SourceLocation(file, s.line(), s.column());
    }

    /** An error about the characters {@code start} (inclusive) to {@code end} (exclusive). */
    public ProtocolException error(int start, int end, String problem, String hint) {
        int from = Math.clamp(start, 0, text.length());
        int to = Math.clamp(end, from, text.length());
        Spot a = spot(from);
        int carets = 1;
        if (to > from) {
            Spot b = spot(to - 1);
            carets = b.line() == a.line() ? b.indexInLine() - a.indexInLine() + 1
                    : Math.max(1, a.lineText().length() - a.indexInLine());
        }
        return new ProtocolException(file, a.line(), a.column(), text.substring(from, to), problem, hint,
                a.lineText(), a.indexInLine(), Math.max(1, carets));
    }
}
