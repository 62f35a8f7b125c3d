package io.cellbench.protocols;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.SourceText;
import io.cellbench.protocols.grammar.StepGrammar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML input file read with every node's position, for the other file languages
 * (schedules, lab files) to report {@code file:line:column} errors the same way protocols do.
 */
public final class YamlDocument {
    private final SourceLines lines;
    private final YamlNode root;

    private YamlDocument(SourceLines lines, YamlNode root) {
        this.lines = lines;
        this.root = root;
    }

    public static YamlDocument read(Path file) {
        return parse(TextFile.read(file), file.toString());
    }

    public static YamlDocument parse(String text, String fileName) {
        SourceLines lines = new SourceLines(fileName, text);
        return new YamlDocument(lines, YamlTree.read(lines));
    }

    public String file() {
        return lines.file();
    }

    /** The root node, or null for an empty document. */
    public YamlNode root() {
        return root;
    }

    /** An error pointing at a node. */
    public ProtocolException error(YamlNode node, String problem, String hint) {
        return node == null ? YamlTree.error(lines, 1, 1, problem, hint)
                : YamlTree.error(lines, node.line(), node.column(), problem, hint);
    }

    /**
     * The entries of {@code m} by key, in file order; a key not in {@code allowed} (with a guess
     * at the one meant) or given twice is an error at that key. {@code prefix} goes before a key
     * in messages ("simulation.").
     */
    public Map<String, YamlNode.Entry> keys(YamlNode.Mapping m, List<String> allowed, String prefix) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries()) {
            String key = e.key().value();
            if (!allowed.contains(key)) {
                String guess = StepGrammar.closestWord(key, allowed);
                throw error(e.key(), "unknown key '" + prefix + key + "'",
                        (guess != null ? "did you mean '" + guess + "'? " : "") + "allowed: " + String.join(", ", allowed));
            }
            if (out.put(key, e) != null) {
                throw error(e.key(), "'" + prefix + key + "' is given twice", "keep one of them");
            }
        }
        return out;
    }

    /** A scalar's text with the position of every character, for errors inside it. */
    public SourceText text(YamlNode.Scalar scalar) {
        return ScalarSource.of(lines, scalar);
    }

    /** Reads a scalar as a quantity of the given dimension, in SI; errors point into it. */
    public double quantity(YamlNode.Scalar scalar, Dimension dimension, String what) {
        return StepGrammar.value(text(scalar), dimension, what);
    }
}
