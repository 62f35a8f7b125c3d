package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The units the protocol model holds values in, and exact conversion into them. Capacity is
 * held in Ah and temperature in °C (not coulombs and kelvin as {@code Quantity} holds them), so
 * a value is converted from the decimal as written: "2 mAh" is exactly the double nearest
 * 0.002 Ah, and a printed value reads back to the same double.
 */
final class ModelUnits {

    private static final Map<Dimension, String> SYMBOL = new EnumMap<>(Map.ofEntries(
            Map.entry(Dimension.CURRENT, "A"), Map.entry(Dimension.C_RATE, "C"), Map.entry(Dimension.VOLTAGE, "V"),
            Map.entry(Dimension.TIME, "s"), Map.entry(Dimension.CHARGE, "Ah"), Map.entry(Dimension.ENERGY, "Wh"),
            Map.entry(Dimension.POWER, "W"), Map.entry(Dimension.RESISTANCE, "Ohm"),
            Map.entry(Dimension.PRESSURE, "Pa"), Map.entry(Dimension.TEMPERATURE, "°C"),
            Map.entry(Dimension.FREQUENCY, "Hz"), Map.entry(Dimension.AREA, "m2"), Map.entry(Dimension.MASS, "kg"),
            Map.entry(Dimension.FORCE, "N")));

    private ModelUnits() {
    }

    /** The symbol of the unit a dimension is held in. */
    static String symbol(Dimension d) {
        return SYMBOL.get(d);
    }

    /** {@code number} written in {@code unit}, converted to the model unit of its dimension. */
    static double convert(BigDecimal number, Unit unit) {
        // Quantity.parse has already refused exponents that overflow; tiny ones are zero.
        if (number.signum() == 0 || number.precision() - number.scale() - 1 < -400) {
            number = BigDecimal.ZERO;
        }
        Unit target = Unit.lookup(symbol(unit.dimension()));
        BigDecimal v = number.multiply(unit.factor()).add(unit.offset()).subtract(target.offset());
        if (target.factor().compareTo(BigDecimal.ONE) != 0) {
            v = v.divide(target.factor(), MathContext.DECIMAL128);
        }
        return v.doubleValue();
    }

    /** "accepted voltage units: V, volt, …" for the dimensions a place in a sentence takes. */
    static String acceptedUnits(List<Dimension> dimensions) {
        StringBuilder sb = new StringBuilder("accepted units:");
        for (Dimension d : dimensions) {
            sb.append("\n  ").append(d.label().replace('_', '-')).append(": ")
                    .append(String.join(", ", Unit.accepted().get(d)));
        }
        return sb.toString();
    }
}
