package io.cellbench.protocols;

import java.util.List;

/**
 * A YAML document as the protocol loader needs it: scalars, sequences and mappings, each
 * with the 1-based line and column of its first character (a scalar's quote or block
 * indicator included), so every error can point into the file.
 */
public sealed interface YamlNode {

    int line();

    int column();

    /** A scalar; {@code value} is null for an empty value or {@code ~}. */
    record Scalar(String value, int line, int column) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    }

    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
    }

    record Entry(Scalar key, YamlNode value) {
    }

    /** How a node is named in messages. */
    static String kind(YamlNode node) {
        return switch (node) {
            case Scalar s -> s.value() == null ? "an empty value" : "a single value";
            case Sequence s -> "a list";
            case Mapping m -> "a mapping (key: value)";
        };
    }
}
