package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.core.quantity.QuantityParseException;
import io.cellbench.core.quantity.Unit;
import io.cellbench.protocols.grammar.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values in a sentence — "4.1 V", "200mA", "C/20", "25 deg C", whole counts — at
 * the cursor, through {@link Quantity#parse} so every unit it knows works here, and converts
 * them exactly into the model's units. Errors say which kinds of value fit the place.
 */
final class AmountReader {

    private final Cursor c;

    AmountReader(Cursor c) {
        this.c = c;
    }

    /**
     * Reads "4.1 V", "200mA", "C/20", "25 deg C" at the current token, checks its dimension is
     * one of {@code expected} and converts it exactly to the model unit. {@code minuteM}
     * accepts PyBaMM's "m" for minutes (only where a duration is expected).
     */
    Amount amount(String what, List<Dimension> expected, boolean minuteM) {
        Token t = c.peek();
        if (c.isCFraction(c.position())) {
            c.advance();
            c.advance();
            Token n = c.peek();
            if (n.kind() != Kind.NUMBER) {
                throw c.src().error(t.start(), c.spanEnd(n), "expected a number after 'C/'", "write e.g. C/20");
            }
            c.advance();
            Quantity q = quantity("C/" + n.text(), t.start(), n.end(), expected);
            return bounded(checked(new Amount(Dimension.C_RATE, q.si(), t.start(), n.end()), what, expected));
        }
        if (t.kind() != Kind.NUMBER) {
            throw c.src().error(t.start(), c.spanEnd(t), "expected " + what + ", found " + t.shown(),
                    example(expected));
        }
        c.advance();
        Token u = c.peek();
        if (u.kind() != Kind.WORD || Keywords.isKeyword(u)) {
            throw c.src().error(t.start(), t.end(), "'" + t.text() + "' has no unit",
                    ModelUnits.acceptedUnits(expected));
        }
        c.advance();
        String unitText = u.text();
        int end = u.end();
        if (unitText.equalsIgnoreCase("deg") && c.peek().is("C")) {
            unitText = "deg C";
            end = c.advance().end();
        }
        if (minuteM && unitText.equals("m")) {
            unitText = "min"; // PyBaMM: "10 m" is ten minutes
        }
        BigDecimal scale = BigDecimal.ONE;
        if (unitText.equals("mC")) {
            // PyBaMM reads a leading "m" on any unit as milli, so "500mC" is C/2.
            unitText = "C";
            scale = new BigDecimal("0.001");
        }
        Quantity q = quantity(t.text() + " " + unitText, t.start(), end, expected);
        Unit unit = Unit.lookup(unitText);
        double value = ModelUnits.convert(new BigDecimal(t.text()).multiply(scale), unit);
        return bounded(checked(new Amount(q.dimension(), value, t.start(), end), what, expected));
    }

    private Amount bounded(Amount a) {
        PhysicalBounds.check(a, c);
        return a;
    }

    /** Reads through {@link Quantity#parse}, so every unit it knows works here too. */
    private Quantity quantity(String text, int start, int end, List<Dimension> expected) {
        try {
            return Quantity.parse(text);
        } catch (QuantityParseException e) {
            boolean unitProblem = e.problem().startsWith("unknown unit");
            String hint = unitProblem ? ModelUnits.acceptedUnits(expected) : e.hint();
            if (unitProblem) {
                // point at the unit: the last token of the span
                Token unit = c.previous();
                String suggestion = closestUnit(unit.text(), expected);
                if (suggestion != null) {
                    hint = Cursor.didYouMean(suggestion, hint);
                }
                throw c.src().error(unit.start(), unit.end(), e.problem(), hint);
            }
            throw c.src().error(start, end, e.problem(), hint);
        }
    }

    private static String closestUnit(String written, List<Dimension> expected) {
        List<String> candidates = new ArrayList<>();
        for (Dimension d : expected) {
            candidates.addAll(Unit.accepted().get(d));
        }
        candidates.remove("C/n");
        // A unit written in the wrong case ("4.1v", "200 ma") has one right spelling.
        List<String> sameLetters = candidates.stream().filter(c -> c.equalsIgnoreCase(written)).toList();
        if (sameLetters.size() == 1) {
            return sameLetters.getFirst();
        }
        // Units differ by one letter on purpose (mV, mA): suggest only for longer spellings.
        return written.length() >= 3 ? Keywords.closest(written, candidates) : null;
    }

    private Amount checked(Amount a, String what, List<Dimension> expected) {
        if (expected.contains(a.dimension())) {
            return a;
        }
        String hint = example(expected);
        if (expected.contains(Dimension.TEMPERATURE) && a.dimension() == Dimension.C_RATE) {
            hint = "'C' alone is a C-rate; write a temperature with a degree mark: 25 °C, 25 degC or 25oC";
        }
        throw c.src().error(a.start(), a.end(), "'" + c.text(a) + "' is " + article(a.dimension()) + ", expected "
                + what + (what.equals("a cut-off") ? " (voltage, current, C-rate, "
                + "capacity, energy or time)" : ""), hint);
    }

    static String example(List<Dimension> expected) {
        List<String> parts = new ArrayList<>();
        for (Dimension d : expected) {
            parts.add(switch (d) {
                case CURRENT -> "a current (200 mA)";
                case C_RATE -> "a C-rate (C/10, 1C)";
                case POWER -> "a power (10 mW)";
                case RESISTANCE -> "a resistance (4 Ohm)";
                case VOLTAGE -> "a voltage (4.2 V)";
                case TIME -> "a time (2 hours, 30 min, 10 s)";
                case CHARGE -> "a capacity (2 mAh)";
                case ENERGY -> "an energy (5 mWh)";
                case PRESSURE -> "a pressure (5 MPa)";
                case TEMPERATURE -> "a temperature (25 °C)";
                case FREQUENCY -> "a frequency (1 MHz, 100 mHz)";
                default -> article(d);
            });
        }
        return "write " + String.join(", ", parts.subList(0, parts.size() - 1))
                + (parts.size() > 1 ? " or " : "") + parts.getLast();
    }

    static String article(Dimension d) {
        String name = d == Dimension.C_RATE ? "C-rate" : d == Dimension.CHARGE ? "capacity" : d.label();
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    void positive(Amount a, String what, String hint) {
        if (a.value() > 0) {
            return;
        }
        throw c.src().error(a.start(), a.end(), what + " '" + c.text(a) + "' is " + (a.value() == 0 ? "zero" : "negative"),
                hint);
    }

    int wholeNumber(Token n, String what, int min, int max) {
        if (!n.text().matches("\\+?[0-9]+")) {
            throw c.src().error(n.start(), n.end(), what + " '" + n.text() + "' is not a whole number",
                    "write a whole number such as 3");
        }
        BigDecimal v = new BigDecimal(n.text());
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw c.src().error(n.start(), n.end(), what + " " + n.text() + " is out of range",
                    "write a whole number from " + min + " to " + max);
        }
        return v.intValueExact();
    }
}
