package io.cellbench.cli.format;

import java.util.function.Function;

/**
 * One output column: a machine name (CSV/JSON key), a header for people and how to get the
 * value from a row. {@code decimals} applies to the table form only; CSV and JSON print
 * full precision.
 */
public record OutputColumn<R>(String name, String header, int decimals, Function<R, Object> value) {

    public static <R> OutputColumn<R> of(String name, String header, int decimals, Function<R, Object> value) {
        return new OutputColumn<>(name, header, decimals, value);
    }
}
