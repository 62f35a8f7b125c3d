package io.cellbench.drivers;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.core.quantity.QuantityParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the typed settings of a lab file's instrument entry and says exactly what is wrong
 * with one ({@link DriverConfigException} names the instrument, the setting and the fix).
 * Quantities take units as a protocol does ({@code 100 mA}, {@code 2 s}); a bare number is
 * read in the SI unit (A, V, s).
 */
public final class SettingReader {

    /** Keys every entry may carry besides the driver's own. */
    private static final Set<String> GENERAL = Set.of("driver", "name", "description");

    private final InstrumentConfig config;

    public SettingReader(InstrumentConfig config) {
        this.config = config;
    }

    public InstrumentConfig config() {
        return config;
    }

    /** Fails on a setting the driver does not know (a typo would otherwise be silently ignored). */
    public void requireOnly(Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String key : config.settings().keySet()) {
            if (!known.contains(key) && !GENERAL.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new DriverConfigException(config, unknown.get(0), "is not a setting of driver '" + config.driver()
                    + "'; its settings are: " + String.join(", ", new TreeSet<>(known)));
        }
    }

    public boolean has(String key) {
        return config.settings().containsKey(key);
    }

    /** A required text setting (numbers written in YAML count as text). */
    public String text(String key) {
        Object v = config.settings().get(key);
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = config.text(key).strip();
        if (s.isEmpty()) {
            throw new DriverConfigException(config, key, "is empty");
        }
        return s;
    }

    public String text(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    /** An integer in [min, max]. */
    public int integer(String key, int otherwise, int min, int max) {
        if (!has(key)) {
            return otherwise;
        }
        String t = text(key);
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new DriverConfigException(config, key, "must be a whole number, got '" + t + "'");
        }
        if (v < min || v > max) {
            throw new DriverConfigException(config, key, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** A quantity of {@code dimension} in SI, in (0, max]; a bare number is taken in the SI unit. */
    public double positive(String key, Dimension dimension, double otherwise, double max) {
        if (!has(key)) {
            return otherwise;
        }
        String t = text(key);
        double si;
        try {
            si = isBareNumber(t) ? Double.parseDouble(t) : Quantity.parse(t, dimension).si();
        } catch (QuantityParseException | NumberFormatException e) {
            throw new DriverConfigException(config, key, "must be a " + dimension.label() + " such as "
                    + example(dimension) + ", got '" + t + "'");
        }
        if (!(si > 0) || si > max) {
            throw new DriverConfigException(config, key, "must be > 0 and at most " + max + " "
                    + dimension.siSymbol() + ", got '" + t + "'");
        }
        return si;
    }

    /** A positive duration ("2 s", "500 ms", or seconds as a bare number), at most {@code max}. */
    public Duration duration(String key, Duration otherwise, Duration max) {
        if (!has(key)) {
            return otherwise;
        }
        double s = positive(key, Dimension.TIME, 0, max.toNanos() * 1e-9);
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(s * 1e9)));
    }

    /** One of the given spellings (case-insensitive). */
    public <T> T choice(String key, Map<String, T> choices, T otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        String t = text(key).toLowerCase(Locale.ROOT);
        T v = choices.get(t);
        if (v == null) {
            throw new DriverConfigException(config, key, "must be one of " + String.join(", ", new TreeSet<>(choices.keySet()))
                    + ", got '" + text(key) + "'");
        }
        return v;
    }

    private static boolean isBareNumber(String t) {
        return t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    }

    private static String example(Dimension d) {
        return switch (d) {
            case TIME -> "'2 s' or '500 ms'";
            case CURRENT -> "'1 A' or '100 mA'";
            case VOLTAGE -> "'21 V'";
            default -> "'1 " + d.siSymbol() + "'";
        };
    }
}
