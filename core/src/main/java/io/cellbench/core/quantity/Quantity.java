package io.cellbench.core.quantity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value with a dimension, held in SI (see {@link Dimension#siSymbol()}).
 * <p>
 * Parses what people write — {@code 200 mA}, {@code C/20}, {@code 1C}, {@code 25 °C},
 * {@code 0.785 cm2} — and prints a form that parses back to the same value.
 */
public record Quantity(double si, Dimension dimension) {

    private static final Pattern C_FRACTION = Pattern.compile("C\\s*/\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*(.*)");

    /**
     * Decimal exponents beyond these give 0 or infinity in every unit. Checking them first
     * keeps BigDecimal from building numbers with millions of digits (or overflowing its
     * scale) for text such as {@code 1e-999999999 °C}.
     */
    private static final int LARGEST_EXPONENT = 400;

    public Quantity {
        Objects.requireNonNull(dimension, "dimension");
        if (!Double.isFinite(si)) {
            throw new IllegalArgumentException("quantity must be finite: " + si);
        }
        // -0.0 would print as "-0" and read back as 0.0 (BigDecimal has no negative zero),
        // and records compare doubles bit-wise: keep one zero.
        si += 0.0;
    }

    public static Quantity of(double value, String unitSymbol) {
        Unit u = Unit.lookup(unitSymbol);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit '" + unitSymbol + "'");
        }
        return new Quantity(u.toSi(BigDecimal.valueOf(value)), u.dimension());
    }

    /**
     * Parses a quantity. The whole text must be one value and one unit.
     *
     * @throws QuantityParseException with the column (0-based, within {@code text}) and a hint
     */
    public static Quantity parse(String text) {
        if (text == null) {
            throw new QuantityParseException("", 0, "missing value", "write a number and a unit, e.g. 200 mA");
        }
        // Spreadsheets and word processors paste no-break spaces ("25\u00a0°C"); they mean a space.
        // Replacing char for char keeps every column the caller reports valid.
        String spaced = text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2007', ' ');
        String t = spaced.strip();
        int lead = t.isEmpty() ? 0 : spaced.indexOf(t);
        if (t.isEmpty()) {
            throw new QuantityParseException(text, 0, "missing value", "write a number and a unit, e.g. 200 mA");
        }
        Matcher frac = C_FRACTION.matcher(t);
        if (frac.matches()) {
            BigDecimal d = new BigDecimal(frac.group(1));
            if (d.signum() == 0) {
                throw new QuantityParseException(text, lead + frac.start(1), "C/0 is not a C-rate",
                        "write C/n with n > 0, e.g. C/20");
            }
            double rate = 1.0 / d.doubleValue();
            if (!Double.isFinite(rate)) {
                throw new QuantityParseException(text, lead + frac.start(1), "'" + t + "' is out of range",
                        "write C/n with a larger n, e.g. C/20");
            }
            return new Quantity(rate, Dimension.C_RATE);
        }
        Matcher m = NUMBER_UNIT.matcher(t);
        if (!m.matches()) {
            throw new QuantityParseException(text, lead, "'" + t + "' does not start with a number",
                    "write a number and a unit, e.g. 4.1 V, 200 mA, C/20, 10 min");
        }
        String unitText = m.group(2).strip();
        int unitCol = lead + m.start(2);
        if (unitText.isEmpty()) {
            throw new QuantityParseException(text, lead + m.end(1), "'" + t + "' has no unit",
                    "add a unit; accepted units are:\n" + Unit.acceptedSummary());
        }
        Unit unit = Unit.lookup(unitText);
        if (unit == null) {
            throw new QuantityParseException(text, unitCol, "unknown unit '" + unitText + "'",
                    "accepted units are:\n" + Unit.acceptedSummary());
        }
        BigDecimal value;
        try {
            value = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new QuantityParseException(text, lead, "'" + m.group(1) + "' is not a number", "e.g. 4.1 or 2e-3");
        }
        int exponent = value.precision() - value.scale() - 1;
        if (value.signum() == 0 || exponent < -LARGEST_EXPONENT) {
            value = BigDecimal.ZERO;
        } else if (exponent > LARGEST_EXPONENT) {
            throw new QuantityParseException(text, lead, "'" + m.group(1) + "' is out of range", "use a smaller number");
        }
        double si = unit.toSi(value);
        if (!Double.isFinite(si)) {
            throw new QuantityParseException(text, lead, "'" + m.group(1) + "' is out of range", "use a smaller number");
        }
        return new Quantity(si, unit.dimension());
    }

    /** Parses and checks the dimension; the message names what was expected. */
    public static Quantity parse(String text, Dimension expected) {
        Quantity q = parse(text);
        if (q.dimension != expected) {
            throw new QuantityParseException(text, 0,
                    "'" + text.strip() + "' is a " + q.dimension.label() + ", expected a " + expected.label(),
                    "accepted " + expected.label() + " units: " + String.join(", ", Unit.accepted().get(expected)));
        }
        return q;
    }

    /** The value in a given unit of the same dimension. */
    public double in(String unitSymbol) {
        Unit u = Unit.lookup(unitSymbol);
        if (u == null || u.dimension() != dimension) {
            throw new IllegalArgumentException("cannot express a " + dimension.label() + " in " + unitSymbol);
        }
        return u.fromSi(si);
    }

    /** Absolute value, same dimension (magnitudes in the protocol model are positive). */
    public Quantity abs() {
        return si < 0 ? new Quantity(-si, dimension) : this;
    }

    /**
     * A form that {@link #parse} reads back to the same value: "0.2 A", "4.1 V", "C/20",
     * "0.0025 Ah", "25 °C". Exact for every finite value.
     */
    @Override
    public String toString() {
        if (dimension == Dimension.C_RATE && si > 0 && si < 1) {
            double n = 1.0 / si;
            if (n == Math.rint(n) && n < 1e9 && 1.0 / n == si) {
                return "C/" + (long) n;
            }
        }
        if (dimension == Dimension.C_RATE) {
            return plain(si) + "C";
        }
        Unit u = Unit.display(dimension);
        double v = u.fromSi(si);
        // Printing through a display unit must not lose bits; fall back to SI when it would.
        if (u.toSi(new BigDecimal(plain(v))) != si) {
            Unit siUnit = siUnit(dimension);
            return plain(si) + " " + siUnit.symbol();
        }
        return plain(v) + " " + u.symbol();
    }

    private static Unit siUnit(Dimension d) {
        return switch (d) {
            case CHARGE -> Unit.lookup("As");
            case ENERGY -> Unit.lookup("J");
            case TEMPERATURE -> Unit.lookup("K");
            default -> Unit.display(d);
        };
    }

    /** Shortest decimal that reads back to the same double, without a trailing ".0". */
    static String plain(double v) {
        String s = Double.toString(v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.toUpperCase(Locale.ROOT).contains("E") ? s.replace('E', 'e') : s;
    }
}
