package io.cellbench.protocols;

import io.cellbench.protocols.model.SourceLocation;
import java.util.List;

/**
 * A protocol file (or one step sentence) cannot be used as written. Says where — file,
 * 1-based line and column of the offending token — what is wrong, and what to write instead:
 *
 * <pre>
 * formation.yaml:7:22: error: unknown unit 'Vv'
 *       - Charge at C/10 until 3.7 Vv
 *                                  ^^
 *   hint: accepted voltage units: V, volt, volts, mV, uV, µV, μV, kV
 * </pre>
 *
 * Never carries a cause: users see this message, not a parser's stack trace.
 *
 * <p>A file with several independent problems gives one exception for all of them, as a
 * compiler does ({@link #of}): the accessors describe the first, {@link #problems()} lists
 * every one, and the message shows up to {@value #SHOWN} of them and says how many more there are.
 */
public final class ProtocolException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String offendingText;
    private final String problem;
    private final String hint;
    private final String lineText;
    private final int caretStart;
    private final int caretLength;
    private final List<ProtocolException> problems;
    private final int total;

    /** How many problems a message shows; the rest are counted ("and 12 more problems"). */
    public static final int SHOWN = 20;

    /**
     * @param line        1-based; 0 when the problem concerns the whole file (cannot read it)
     * @param column      1-based column of the offending token
     * @param lineText    the source line to show, or null
     * @param caretStart  where, within {@code lineText}, the carets start (0-based)
     * @param caretLength how many carets (at least one is drawn)
     */
    public ProtocolException(String file, int line, int column, String offendingText, String problem, String hint,
                             String lineText, int caretStart, int caretLength) {
        super(format(file, line, column, problem, hint, lineText, caretStart, caretLength));
        this.file = file;
        this.line = line;
        this.column = column;
        this.offendingText = offendingText == null ? "" : offendingText;
        this.problem = problem;
        this.hint = hint == null ? "" : hint;
        this.lineText = lineText;
        this.caretStart = caretStart;
        this.caretLength = caretLength;
        this.problems = List.of(this);
        this.total = 1;
    }

    private ProtocolException(List<ProtocolException> shown, int total) {
        super(format(shown, total));
        ProtocolException first = shown.getFirst();
        this.file = first.file;
        this.line = first.line;
        this.column = first.column;
        this.offendingText = first.offendingText;
        this.problem = first.problem;
        this.hint = first.hint;
        this.lineText = first.lineText;
        this.caretStart = first.caretStart;
        this.caretLength = first.caretLength;
        this.problems = List.copyOf(shown);
        this.total = total;
    }

    /**
     * One exception for every problem found in a file, in the order found. {@code total} may be
     * larger than the list when a reader stopped keeping them (all are counted).
     */
    public static ProtocolException of(List<ProtocolException> found, int total) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        List<ProtocolException> flat = found.stream().flatMap(p -> p.problems().stream()).toList();
        int count = Math.max(total, flat.size());
        return flat.size() == 1 && count == 1 ? flat.getFirst() : new ProtocolException(flat, count);
    }

    /** As {@link #of(List, int)} with every problem in the list. */
    public static ProtocolException of(List<ProtocolException> found) {
        return of(found, found.size());
    }

    /** A problem with the file as a whole (missing, unreadable, not UTF-8). */
    public static ProtocolException forFile(String file, String problem, String hint) {
        return new ProtocolException(file, 0, 0, "", problem, hint, null, 0, 0);
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 for a problem with the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending token. */
    public int column() {
        return column;
    }

    public SourceLocation location() {
        return new SourceLocation(file, line, column);
    }

    /** The text the carets point at, as written. */
    public String offendingText() {
        return offendingText;
    }

    /** What is wrong, one line, without location or hint. */
    public String problem() {
        return problem;
    }

    /** What to write instead; empty when there is nothing useful to suggest. */
    public String hint() {
        return hint;
    }

    /** The source line shown under the message, or null. */
    public String lineText() {
        return lineText;
    }

    public int caretStart() {
        return caretStart;
    }

    public int caretLength() {
        return caretLength;
    }

    /** Every problem this exception reports (itself alone for a single problem). */
    public List<ProtocolException> problems() {
        return problems;
    }

    /** How many problems were found, including any not kept in {@link #problems()}. */
    public int count() {
        return total;
    }

    private static String format(List<ProtocolException> all, int total) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(SHOWN, all.size());
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : "\n").append(all.get(i).getMessage());
        }
        long files = all.stream().map(p -> p.file).distinct().count();
        sb.append("\n").append(total).append(" problems in ")
                .append(files == 1 ? all.getFirst().file : files + " files");
        if (total > shown) {
            sb.append(" (").append(total - shown).append(" more not shown: fix these and check again)");
        }
        return sb.toString();
    }

    private static String format(String file, int line, int column, String problem, String hint,
                                 String lineText, int caretStart, int caretLength) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": error: ").append(problem);
        if (lineText != null) {
            String shown = lineText.replace('\r', ' ');
            int start = Math.clamp(caretStart, 0, shown.length());
            sb.append("\n    ").append(shown).append("\n    ");
            // Copy tabs so the carets line up under the same characters in any terminal.
            for (int i = 0; i < start; i++) {
                sb.append(shown.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append("^".repeat(Math.max(1, caretLength)));
        }
        if (hint != null && !hint.isBlank()) {
            sb.append("\n  hint: ").append(hint.strip().replace("\n", "\n        "));
        }
        return sb.toString();
    }
}
