package io.cellbench.drivers.transport;

/** Shows bytes from the wire in messages: printable ASCII as is, the rest as \xNN, cut to a length. */
public final class WireText {
    private WireText() {
    }

    /** {@code text} in single quotes, escaped, at most {@code max} characters of it. */
    public static String quote(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 8).append('\'');
        int shown = 0;
        for (int i = 0; i < text.length() && shown < max; i++, shown++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(String.format("\\x%02X", (int) c & 0xff));
            }
        }
        b.append('\'');
        if (text.length() > max) {
            b.append("… (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }

    /** {@link #quote(String, int)} with 60 characters. */
    public static String quote(String text) {
        return quote(text, 60);
    }
}
