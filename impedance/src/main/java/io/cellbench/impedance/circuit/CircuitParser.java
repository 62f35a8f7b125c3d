package io.cellbench.impedance.circuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads impedance.py's circuit strings:
 * <pre>
 *   circuit  := series
 *   series   := term ('-' term)*
 *   term     := 'p(' series (',' series)+ ')' | element
 *   element  := TYPE [0-9_]*          e.g. R0, CPE1, Wo1, Zarc_2
 * </pre>
 * Spaces are ignored. Every error names the 1-based column and what was expected there.
 */
final class CircuitParser {

    private static final String KNOWN = Arrays.stream(ElementType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final String text;
    private final Map<String, Integer> namesSeen = new HashMap<>();
    private int pos;
    private int nextOffset;

    private CircuitParser(String text) {
        this.text = text;
    }

    static CircuitNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CircuitSyntaxException(text == null ? "" : text, 1,
                    "the circuit is empty; write elements joined by '-' (series) and p(a,b) (parallel), "
                            + "e.g. R0-p(R1,CPE1)");
        }
        CircuitParser parser = new CircuitParser(text);
        CircuitNode root = parser.series();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            char c = text.charAt(parser.pos);
            throw parser.error(c == ')' ? "')' without a matching 'p('"
                    : c == ',' ? "',' outside p(…): branches of a parallel go inside p(a,b)"
                    : "expected '-' between elements, found '" + c + "'");
        }
        return root;
    }

    private CircuitNode series() {
        List<CircuitNode> parts = new ArrayList<>();
        parts.add(term());
        while (peek() == '-') {
            pos++;
            parts.add(term());
        }
        return parts.size() == 1 ? parts.getFirst() : new CircuitNode.Series(parts);
    }

    private CircuitNode term() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("expected an element or p(…) but the circuit ends here");
        }
        if (text.charAt(pos) == 'p') {
            return parallel();
        }
        return element();
    }

    private CircuitNode parallel() {
        int open = pos + 1;
        pos++;
        if (peek() != '(') {
            throw error("expected '(' after 'p' (a parallel is written p(a,b))");
        }
        pos++;
        List<CircuitNode> branches = new ArrayList<>();
        branches.add(series());
        while (peek() == ',') {
            pos++;
            branches.add(series());
        }
        if (peek() != ')') {
            String found = pos >= text.length() ? "the end of the circuit" : "'" + text.charAt(pos) + "'";
            throw error("expected ',' or ')' in the p( opened at column " + open + ", found " + found);
        }
        if (branches.size() < 2) {
            throw new CircuitSyntaxException(text, open,
                    "p(…) needs at least two branches separated by ',' (one branch is just that branch)");
        }
        pos++;
        return new CircuitNode.Parallel(branches);
    }

    private CircuitNode element() {
        int start = pos;
        ElementType type = ElementType.prefixOf(text, pos);
        int end = pos + (type == null ? 0 : type.name().length());
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        int wordEnd = end;
        while (wordEnd < text.length() && Character.isLetterOrDigit(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = text.substring(start, Math.max(wordEnd, start + 1));
        if (type == null || wordEnd != end) {
            throw error(word.equals("-") || word.equals(",") || word.equals(")")
                    ? "expected an element or p(…), found '" + word + "'"
                    : "unknown element '" + word + "'; an element is a type followed by digits or '_' (e.g. R1, "
                    + "CPE2), and the types are " + KNOWN);
        }
        String name = text.substring(start, end);
        Integer first = namesSeen.putIfAbsent(name, start + 1);
        if (first != null) {
            throw error("element name '" + name + "' is used twice (first at column " + first
                    + "); give each element its own number");
        }
        pos = end;
        CircuitNode.Element element = new CircuitNode.Element(name, type, nextOffset, start + 1);
        nextOffset += type.parameterCount();
        return element;
    }

    private char peek() {
        skipSpaces();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private CircuitSyntaxException error(String problem) {
        return new CircuitSyntaxException(text, pos + 1, problem);
    }
}
