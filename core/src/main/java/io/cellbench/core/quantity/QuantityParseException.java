package io.cellbench.core.quantity;

/**
 * A value could not be read. Carries the text, the 0-based column inside it where the
 * problem starts, and a hint saying what to write instead, so callers that know the file
 * and line can print {@code file:line:column}.
 */
public final class QuantityParseException extends IllegalArgumentException {
    private final String text;
    private final int column;
    private final String problem;
    private final String hint;

    public QuantityParseException(String text, int column, String problem, String hint) {
        super(problem + (hint == null || hint.isEmpty() ? "" : " (" + hint.strip() + ")"));
        this.text = text;
        this.column = column;
        this.problem = problem;
        this.hint = hint;
    }

    public String text() {
        return text;
    }

    /** 0-based column within {@link #text()}. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }
}
