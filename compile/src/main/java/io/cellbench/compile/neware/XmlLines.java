package io.cellbench.compile.neware;

/**
 * XML laid out as BTS Client lays out its step files: two spaces per level, CRLF line ends,
 * {@code <Name Value="…" />} for a value, an empty element as an open and a close line, and
 * no line end after the last line. Written by hand because the JDK's serializer drops the
 * space before "/>" and orders attributes its own way.
 */
final class XmlLines {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    XmlLines declaration(String encoding) {
        return line("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>");
    }

    /** {@code <name a="1" b="2">}, one level deeper after it. */
    XmlLines open(String name, String... attributes) {
        line("<" + name + attributes(attributes) + ">");
        depth++;
        return this;
    }

    XmlLines close(String name) {
        depth--;
        return line("</" + name + ">");
    }

    /** {@code <name Value="value" />}. */
    XmlLines value(String name, String value) {
        return empty(name, "Value", value);
    }

    /** {@code <name a="1" />}. */
    XmlLines empty(String name, String... attributes) {
        return line("<" + name + attributes(attributes) + " />");
    }

    String text() {
        return out.substring(0, out.length() - 2); // BTS ends the file without a line end
    }

    private XmlLines line(String text) {
        out.append("  ".repeat(depth)).append(text).append("\r\n");
        return this;
    }

    private static String attributes(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            sb.append(' ').append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
