package io.cellbench.protocols;

import io.cellbench.protocols.grammar.SourceText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protocol parameters: {@code {pressure}} in a step is replaced by the value the protocol
 * declares under {@code parameters:}, or by the one a schedule gives for a cell. One
 * protocol then serves cells tested at different pressures or temperatures. Characters of a
 * substituted value point back at the placeholder, so errors still name file:line:column.
 */
final class Parameters {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> values;
    private final Set<String> broken;

    /** {@code broken}: declared without a usable value (that declaration is the problem reported). */
    Parameters(Map<String, String> values, Set<String> broken) {
        this.values = new LinkedHashMap<>(values);
        this.broken = Set.copyOf(broken);
    }

    static Parameters none() {
        return new Parameters(Map.of(), Set.of());
    }

    /** True when the text uses a parameter whose declaration is wrong: reading it would only repeat that problem. */
    boolean usesBroken(SourceText src) {
        Matcher m = PLACEHOLDER.matcher(src.text());
        while (m.find()) {
            if (broken.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every placeholder replaced; an unknown name is an error at the placeholder. */
    SourceText apply(SourceText src) {
        String text = src.text();
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return src;
        }
        StringBuilder out = new StringBuilder();
        int[] origin = new int[text.length() * 2 + 64];
        int last = 0;
        do {
            String value = values.get(m.group(1));
            if (value == null) {
                throw src.error(m.start(), m.end(), "unknown parameter '" + m.group(1) + "'",
                        values.isEmpty() ? "declare it under 'parameters:', e.g. parameters: {" + m.group(1) + ": 5 MPa}"
                                : "declared parameters: " + String.join(", ", values.keySet()));
            }
            origin = copy(text, last, m.start(), out, origin);
            for (int i = 0; i < value.length(); i++) {
                origin = put(origin, out.length(), m.start());
                out.append(value.charAt(i));
            }
            last = m.end();
        } while (m.find());
        origin = copy(text, last, text.length(), out, origin);
        origin = put(origin, out.length(), text.length());
        int[] at = origin;
        return SourceText.mapped(src.file(), out.toString(), o -> src.spot(at[o]));
    }

    private static int[] copy(String text, int from, int to, StringBuilder out, int[] origin) {
        for (int i = from; i < to; i++) {
            origin = put(origin, out.length(), i);
            out.append(text.charAt(i));
        }
        return origin;
    }

    private static int[] put(int[] origin, int index, int value) {
        if (index >= origin.length) {
            origin = java.util.Arrays.copyOf(origin, index * 2 + 16);
        }
        origin[index] = value;
        return origin;
    }
}
