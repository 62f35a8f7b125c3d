package io.cellbench.core.quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A unit people write, with its conversion to SI: {@code si = value * factor + offset}.
 * Symbols are case-sensitive where SI prefixes make case matter (mHz vs MHz); spelled-out
 * words (minutes, hours, ohm) match in any case.
 */
public record Unit(String symbol, Dimension dimension, BigDecimal factor, BigDecimal offset) {

    private static final Map<String, Unit> EXACT = new LinkedHashMap<>();
    private static final Map<String, Unit> WORDS = new LinkedHashMap<>();
    private static final Map<Dimension, Unit> DISPLAY = new LinkedHashMap<>();
    /** Three-letter words, not prefixed symbols, so case does not matter for them ("Min", "OHM"). */
    private static final Set<String> SHORT_WORDS = Set.of("min", "sec", "hrs", "day", "amp", "Ohm");
    /** Lower-cased words that two different units share ("mohm": mOhm and MOhm): never matched by case. */
    private static final Set<String> AMBIGUOUS_WORDS = new HashSet<>();

    static {
        // Current
        exact(Dimension.CURRENT, "1", "A", "amp", "amps", "ampere", "amperes");
        exact(Dimension.CURRENT, "1e-3", "mA");
        exact(Dimension.CURRENT, "1e-6", "uA", "µA", "μA");
        exact(Dimension.CURRENT, "1e-9", "nA");
        exact(Dimension.CURRENT, "1e3", "kA");
        // Voltage
        exact(Dimension.VOLTAGE, "1", "V", "volt", "volts");
        exact(Dimension.VOLTAGE, "1e-3", "mV");
        exact(Dimension.VOLTAGE, "1e-6", "uV", "µV", "μV");
        exact(Dimension.VOLTAGE, "1e3", "kV");
        // Time (PyBaMM spellings plus days)
        exact(Dimension.TIME, "1", "s", "sec", "secs", "second", "seconds");
        exact(Dimension.TIME, "1e-3", "ms");
        exact(Dimension.TIME, "60", "min", "mins", "minute", "minutes");
        exact(Dimension.TIME, "3600", "h", "hr", "hrs", "hour", "hours");
        exact(Dimension.TIME, "86400", "d", "day", "days");
        // C-rate: "1C", "0.5 C"; "C/20" is handled by the parser.
        exact(Dimension.C_RATE, "1", "C");
        // Charge (capacity)
        exact(Dimension.CHARGE, "3600", "Ah");
        exact(Dimension.CHARGE, "3.6", "mAh");
        exact(Dimension.CHARGE, "0.0036", "uAh", "µAh", "μAh");
        exact(Dimension.CHARGE, "1", "As");
        // Energy
        exact(Dimension.ENERGY, "3600", "Wh");
        exact(Dimension.ENERGY, "3.6", "mWh");
        exact(Dimension.ENERGY, "3600000", "kWh");
        exact(Dimension.ENERGY, "1", "J");
        exact(Dimension.ENERGY, "1e3", "kJ");
        // Power
        exact(Dimension.POWER, "1", "W", "watt", "watts");
        exact(Dimension.POWER, "1e-3", "mW");
        exact(Dimension.POWER, "1e-6", "uW", "µW", "μW");
        exact(Dimension.POWER, "1e3", "kW");
        // Resistance
        exact(Dimension.RESISTANCE, "1", "Ohm", "ohm", "Ohms", "ohms", "Ω");
        exact(Dimension.RESISTANCE, "1e-3", "mOhm", "mohm", "mΩ");
        exact(Dimension.RESISTANCE, "1e3", "kOhm", "kohm", "kΩ");
        exact(Dimension.RESISTANCE, "1e6", "MOhm", "Mohm", "MΩ");
        // Pressure
        exact(Dimension.PRESSURE, "1", "Pa");
        exact(Dimension.PRESSURE, "1e3", "kPa");
        exact(Dimension.PRESSURE, "1e6", "MPa");
        exact(Dimension.PRESSURE, "1e9", "GPa");
        exact(Dimension.PRESSURE, "1e5", "bar");
        exact(Dimension.PRESSURE, "6894.757293168361", "psi");
        // Temperature: "25 C" would collide with C-rate, so a degree mark is required.
        exactWithOffset(Dimension.TEMPERATURE, "1", "273.15", "°C", "degC", "oC", "℃", "deg C");
        exact(Dimension.TEMPERATURE, "1", "K");
        // Frequency
        exact(Dimension.FREQUENCY, "1", "Hz");
        exact(Dimension.FREQUENCY, "1e-3", "mHz");
        exact(Dimension.FREQUENCY, "1e-6", "uHz", "µHz", "μHz");
        exact(Dimension.FREQUENCY, "1e3", "kHz");
        exact(Dimension.FREQUENCY, "1e6", "MHz");
        // Area
        exact(Dimension.AREA, "1", "m2", "m²", "m^2");
        exact(Dimension.AREA, "1e-4", "cm2", "cm²", "cm^2");
        exact(Dimension.AREA, "1e-6", "mm2", "mm²", "mm^2");
        // Mass
        exact(Dimension.MASS, "1", "kg");
        exact(Dimension.MASS, "1e-3", "g");
        exact(Dimension.MASS, "1e-6", "mg");
        // Force (load cells)
        exact(Dimension.FORCE, "1", "N");
        exact(Dimension.FORCE, "1e3", "kN");

        // How each dimension is printed: a unit people read, not necessarily SI.
        DISPLAY.put(Dimension.CURRENT, EXACT.get("A"));
        DISPLAY.put(Dimension.C_RATE, EXACT.get("C"));
        DISPLAY.put(Dimension.VOLTAGE, EXACT.get("V"));
        DISPLAY.put(Dimension.TIME, EXACT.get("s"));
        DISPLAY.put(Dimension.CHARGE, EXACT.get("Ah"));
        DISPLAY.put(Dimension.ENERGY, EXACT.get("Wh"));
        DISPLAY.put(Dimension.POWER, EXACT.get("W"));
        DISPLAY.put(Dimension.RESISTANCE, EXACT.get("Ohm"));
        DISPLAY.put(Dimension.PRESSURE, EXACT.get("Pa"));
        DISPLAY.put(Dimension.TEMPERATURE, EXACT.get("°C"));
        DISPLAY.put(Dimension.FREQUENCY, EXACT.get("Hz"));
        DISPLAY.put(Dimension.AREA, EXACT.get("m2"));
        DISPLAY.put(Dimension.MASS, EXACT.get("kg"));
        DISPLAY.put(Dimension.FORCE, EXACT.get("N"));
    }

    private static void exact(Dimension d, String factor, String... symbols) {
        exactWithOffset(d, factor, "0", symbols);
    }

    private static void exactWithOffset(Dimension d, String factor, String offset, String... symbols) {
        for (String s : symbols) {
            Unit u = new Unit(s, d, new BigDecimal(factor), new BigDecimal(offset));
            EXACT.put(s, u);
            // Whole words ("Hours", "OHM") match in any case; short symbols keep their case.
            // A word two units share in lower case ("mOhm", "MOhm") must keep its case.
            if (isWord(s)) {
                String word = s.toLowerCase(Locale.ROOT);
                Unit earlier = WORDS.get(word);
                if (earlier != null && !earlier.sameScale(u)) {
                    WORDS.remove(word);
                    AMBIGUOUS_WORDS.add(word);
                } else if (!AMBIGUOUS_WORDS.contains(word)) {
                    WORDS.putIfAbsent(word, u);
                }
            }
        }
    }

    /** Looks a symbol up as written; {@code null} when it is not a unit cellbench knows. */
    public static Unit lookup(String symbol) {
        Unit u = EXACT.get(symbol);
        return u != null ? u : WORDS.get(symbol.toLowerCase(Locale.ROOT));
    }

    /** The unit a dimension is printed in ({@code A}, {@code V}, {@code s}, {@code Ah}, {@code °C}…). */
    public static Unit display(Dimension d) {
        return DISPLAY.get(d);
    }

    /** Every accepted symbol, grouped by dimension, for error messages and docs. */
    public static Map<Dimension, List<String>> accepted() {
        Map<Dimension, List<String>> out = new LinkedHashMap<>();
        for (Unit u : EXACT.values()) {
            out.computeIfAbsent(u.dimension(), k -> new ArrayList<>()).add(u.symbol());
        }
        out.computeIfAbsent(Dimension.C_RATE, k -> new ArrayList<>()).add("C/n");
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /** One line per dimension: "current: A, mA, uA …". */
    public static String acceptedSummary() {
        StringBuilder sb = new StringBuilder();
        accepted().forEach((d, list) -> sb.append("  ").append(d.label()).append(": ")
                .append(String.join(", ", list)).append('\n'));
        return sb.toString();
    }

    private static boolean isWord(String s) {
        return (s.length() > 3 || SHORT_WORDS.contains(s)) && s.chars().allMatch(Character::isLetter);
    }

    private boolean sameScale(Unit other) {
        return dimension == other.dimension && factor.compareTo(other.factor) == 0 && offset.compareTo(other.offset) == 0;
    }

    /** Converts a value written in this unit to SI. */
    public double toSi(BigDecimal value) {
        return value.multiply(factor).add(offset).doubleValue();
    }

    /** Converts an SI value to this unit. */
    public double fromSi(double si) {
        return (si - offset.doubleValue()) / factor.doubleValue();
    }
}
