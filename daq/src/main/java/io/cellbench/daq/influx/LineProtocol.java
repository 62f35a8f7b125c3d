package io.cellbench.daq.influx;

/**
 * Writes InfluxDB line protocol ({@code measurement,tag=v field=1.5,n=3i 1700000000000000000})
 * into a reusable buffer, one point per line.
 *
 * <p>Escaping follows the line-protocol reference: measurement names escape comma and space;
 * tag keys, tag values and field keys escape comma, equals sign and space; string field
 * values escape double quote and backslash. Line breaks are never written inside a point
 * (the spool counts points by line): CR and LF in names and values become spaces. A trailing
 * backslash in a measurement, tag or field key, or tag value cannot be written (InfluxDB would
 * read it as escaping the separator after it) and is dropped; string field values keep theirs.
 *
 * <p>Fields that are NaN or infinite are omitted (line protocol has no such values);
 * empty tag values are omitted (InfluxDB refuses them). Integer fields carry the {@code i}
 * suffix so their type never changes between writes.
 */
public final class LineProtocol {

    private final StringBuilder out;
    private int lineStart;
    private boolean firstField;
    private boolean anyField;

    public LineProtocol() {
        this(new StringBuilder(512));
    }

    public LineProtocol(StringBuilder out) {
        this.out = out;
    }

    /** Starts a point. Every point must be finished with {@link #end(long)}. */
    public LineProtocol measurement(String name) {
        lineStart = out.length();
        firstField = true;
        anyField = false;
        appendEscaped(name, false);
        return this;
    }

    /** Adds a tag; a null or empty value adds nothing. Tags must come before fields. */
    public LineProtocol tag(String key, String value) {
        if (value == null || writableLength(value) == 0) {
            return this;
        }
        out.append(',');
        appendEscaped(key, true);
        out.append('=');
        appendEscaped(value, true);
        return this;
    }

    /** Appends an already encoded tag set such as {@code ,cell=A1,run=r1} (see {@link #tagText}). */
    public LineProtocol encodedTags(String encodedTags) {
        out.append(encodedTags);
        return this;
    }

    public LineProtocol field(String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return this;
        }
        fieldKey(key);
        out.append(value);
        return this;
    }

    public LineProtocol field(String key, long value) {
        fieldKey(key);
        out.append(value).append('i');
        return this;
    }

    public LineProtocol field(String key, boolean value) {
        fieldKey(key);
        out.append(value ? 't' : 'f');
        return this;
    }

    /** A string field; null adds nothing. */
    public LineProtocol field(String key, String value) {
        if (value == null) {
            return this;
        }
        fieldKey(key);
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        out.append('"');
        return this;
    }

    /**
     * Finishes the point with its timestamp in nanoseconds and a line feed. A point without
     * any field is not valid line protocol; it is dropped and {@code false} returned.
     */
    public boolean end(long timestampNanos) {
        if (!anyField) {
            out.setLength(lineStart);
            return false;
        }
        out.append(' ').append(timestampNanos).append('\n');
        return true;
    }

    public StringBuilder buffer() {
        return out;
    }

    public int length() {
        return out.length();
    }

    public void clear() {
        out.setLength(0);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The escaped form of a tag key or value, for building a tag set once and reusing it. */
    public static String tagText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        appendEscaped(sb, s, true);
        return sb.toString();
    }

    /** The escaped form of a measurement name. */
    public static String measurementText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        appendEscaped(sb, s, false);
        return sb.toString();
    }

    private void fieldKey(String key) {
        out.append(firstField ? ' ' : ',');
        firstField = false;
        anyField = true;
        appendEscaped(key, true);
        out.append('=');
    }

    private void appendEscaped(String s, boolean escapeEquals) {
        appendEscaped(out, s, escapeEquals);
    }

    /** Length of {@code s} without its trailing backslashes. */
    private static int writableLength(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == '\\') {
            n--;
        }
        return n;
    }

    private static void appendEscaped(StringBuilder sb, String s, boolean escapeEquals) {
        // InfluxDB treats any special character preceded by a backslash as escaped, so a
        // trailing backslash would swallow the separator after it: there is no way to write
        // one, and it is dropped.
        int n = writableLength(s);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case ',', ' ' -> sb.append('\\').append(c);
                case '\n', '\r' -> sb.append("\\ ");
                case '=' -> {
                    if (escapeEquals) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                default -> sb.append(c);
            }
        }
    }
}
