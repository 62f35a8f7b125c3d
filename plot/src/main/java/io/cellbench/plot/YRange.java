package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.core.quantity.QuantityParseException;
import io.cellbench.core.quantity.Unit;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --y-range NAME=MIN:MAX}: the y axis of the panels {@code NAME} names runs from MIN to
 * MAX instead of over the data. An end is a number in the unit the panel shows ({@code 2.5},
 * {@code −1}), or a quantity with a unit ({@code 2500mV}, {@code -1 mA}) that is converted to it;
 * a unit after MAX alone is MIN's too ({@code 2.5:4.3 V}). An end left out ({@code current=0:})
 * keeps the axis's own end. Data outside the range stays in the figure, cut off by the axis.
 *
 * @param name  the panel's name as written (voltage, current, temperature_t1_celsius, efficiency …)
 * @param min   the lower end, or null to keep the axis's
 * @param max   the upper end, or null to keep the axis's
 * @param text  the option as given, for messages
 */
public record YRange(String name, End min, End max, String text) {
    /** What --y-range's messages end with. */
    static final String FORM = "write NAME=MIN:MAX, e.g. voltage=2.5:4.3 (in the panel's unit) or current=-1mA:1mA";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /**
     * One end: a number in the panel's unit, or a number with a unit of its own.
     *
     * @param number the number as written
     * @param unit   the unit written after it, or null: the panel's
     */
    public record End(double number, Unit unit) {
        /** This end in {@code panelUnit}; a refusal when it has a unit of another kind, or the panel none to convert to. */
        double in(String panelUnit, YRange r) {
            if (unit == null) {
                return number;
            }
            Unit target = Unit.lookup(panelUnit);
            if (target == null) {
                throw r.refused("the " + r.name + " axis is in " + (panelUnit.isEmpty() ? "no unit" : panelUnit)
                        + ", which takes no unit conversion; give plain numbers in " + (panelUnit.isEmpty() ? "its scale"
                        : panelUnit));
            }
            if (target.dimension() != unit.dimension()) {
                throw r.refused("'" + unit.symbol() + "' is a " + unit.dimension().label() + " unit, but the " + r.name
                        + " axis is a " + target.dimension().label() + " in " + panelUnit);
            }
            return target.fromSi(unit.toSi(BigDecimal.valueOf(number)));
        }
    }

    /** Reads one --y-range; a refusal (UserError) names the option and says what to write. */
    public static YRange parse(String text) {
        String t = text.strip().replace('−', '-');
        int eq = t.indexOf('=');
        int colon = t.indexOf(':', Math.max(eq, 0));
        if (eq <= 0 || colon < 0) {
            throw new UserError("--y-range " + text.strip() + ": " + FORM);
        }
        String name = t.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String lo = t.substring(eq + 1, colon).strip();
        String hi = t.substring(colon + 1).strip();
        YRange shape = new YRange(name, null, null, text);
        if (lo.isEmpty() && hi.isEmpty()) {
            throw shape.refused("give at least one end; " + FORM);
        }
        End max = hi.isEmpty() ? null : shape.end(hi);
        End min = lo.isEmpty() ? null : shape.end(lo);
        // "2.5:4.3 V": the unit after the upper end is the lower one's too (and the other way round)
        if (min != null && max != null && (min.unit() == null) != (max.unit() == null)) {
            Unit shared = min.unit() != null ? min.unit() : max.unit();
            min = new End(min.number(), shared);
            max = new End(max.number(), shared);
        }
        YRange r = new YRange(name, min, max, text);
        if (min != null && max != null && !(r.si(max) > r.si(min))) {
            throw r.refused("the lower end " + lo + " is not below the upper end " + hi + "; write " + name + "=MIN:MAX"
                    + " with MIN < MAX");
        }
        return r;
    }

    /** An end as a comparable number: SI when it has a unit (both ends have one, or neither). */
    private double si(End e) {
        return e.unit() == null ? e.number() : e.unit().toSi(BigDecimal.valueOf(e.number()));
    }

    private End end(String s) {
        if (NUMBER.matcher(s).matches()) {
            return new End(Double.parseDouble(s), null);
        }
        try {
            Quantity.parse(s);
        } catch (QuantityParseException e) {
            throw refused("'" + s + "' is not a number or a quantity (" + e.problem() + "); " + FORM);
        }
        // the number as written and its unit, so "4300 mV" can be put into the panel's unit exactly
        Matcher m = Pattern.compile("(" + NUMBER.pattern() + ")\\s*(.+)").matcher(s);
        if (!m.matches()) {
            throw refused("'" + s + "' is not a number with a unit; " + FORM);
        }
        return new End(Double.parseDouble(m.group(1)), Unit.lookup(m.group(2).strip()));
    }

    /** A refusal that names the option as given; {@code problem} says what to do. */
    UserError refused(String problem) {
        return new UserError("--y-range " + text.strip() + ": " + problem);
    }
}
