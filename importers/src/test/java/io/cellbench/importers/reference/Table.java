package io.cellbench.importers.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reference reader's expected output, loaded whole (test files are small): numbers and text by column. */
public record Table(int rows, Map<String, double[]> numbers, Map<String, List<String>> texts) {

    public double[] number(String column) {
        double[] values = numbers.get(column);
        if (values == null) {
            throw new AssertionError("reference has no numeric column '" + column + "'; it has " + numbers.keySet()
                    + " and text columns " + texts.keySet());
        }
        return values;
    }

    public List<String> text(String column) {
        List<String> values = texts.get(column);
        if (values == null) {
            throw new AssertionError("reference has no text column '" + column + "'; it has " + texts.keySet());
        }
        return values;
    }

    public boolean has(String column) {
        return numbers.containsKey(column) || texts.containsKey(column);
    }

    static Table of(int rows) {
        return new Table(rows, new LinkedHashMap<>(), new LinkedHashMap<>());
    }
}
