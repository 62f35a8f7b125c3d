package io.cellbench.core.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuantityProperties {

    @Property(tries = 3000)
    void printedFormReadsBackToTheSameQuantity(@ForAll("finite") double si, @ForAll Dimension dimension) {
        Quantity q = new Quantity(si, dimension);
        assertEquals(q, Quantity.parse(q.toString()), () -> "printed as '" + q + "'");
    }

    @Property(tries = 2000)
    void everyAcceptedSpellingReadsBackExactly(@ForAll("decimals") String number, @ForAll("units") Unit unit) {
        // What a person writes and what the printer writes must agree on the same double.
        Quantity q = Quantity.parse(number + " " + unit.symbol());
        assertEquals(unit.dimension(), q.dimension());
        assertEquals(q, Quantity.parse(q.toString()));
    }

    @Property(tries = 5000)
    void garbageNeverThrowsAnythingButQuantityParseException(@ForAll String text) {
        readOrReject(text);
    }

    @Property(tries = 5000)
    void mutatedQuantitiesNeverThrowAnythingButQuantityParseException(@ForAll("mutated") String text) {
        readOrReject(text);
    }

    private static void readOrReject(String text) {
        try {
            Quantity q = Quantity.parse(text);
            assertEquals(true, Double.isFinite(q.si()));
        } catch (QuantityParseException expected) {
            // the only allowed failure; its column must lie inside the text
            assertEquals(true, expected.column() >= 0 && expected.column() <= Math.max(0, text == null ? 0 : text.length()),
                    () -> "column " + expected.column() + " outside '" + text + "'");
        }
    }

    @Provide
    Arbitrary<Double> finite() {
        // Every bit pattern (subnormals, huge values, negative zero) plus the values people use.
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> everyday = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> decimals = Arbitraries.integers().between(-100000, 100000)
                .flatMap(n -> Arbitraries.integers().between(-9, 6).map(e -> n * Math.pow(10, e)));
        return Arbitraries.oneOf(anyBits, everyday, decimals, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE,
                -Double.MAX_VALUE, Double.MAX_VALUE, 0.05, 1.0 / 3, 298.15, 273.15));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> mantissa = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(6);
        Arbitrary<String> exponent = Arbitraries.integers().between(-30, 30).map(e -> e == 0 ? "" : "e" + e);
        return Combinators.combine(Arbitraries.of("", "-"), mantissa, fraction, exponent)
                .as((sign, m, f, e) -> sign + m + (f.isEmpty() ? "" : "." + f) + e);
    }

    @Provide
    Arbitrary<Unit> units() {
        List<Unit> all = new ArrayList<>();
        Unit.accepted().values().forEach(list -> list.stream()
                .map(Unit::lookup).filter(u -> u != null).forEach(all::add));
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> valid = Arbitraries.of("200 mA", "C/20", "1C", "4.1 V", "10 min", "25 °C", "0.785 cm2",
                "1e-3 A", "2.5 mAh", "100 mHz", "5 MPa", "25oC", "1e2147483647 mA", "1e-999999999 °C");
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789eE+-./ °CcmVAhµΩ\u00a0\t\n")
                .ofMaxLength(4);
        return Combinators.combine(valid, noise, Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 3))
                .as((text, insert, at, cut) -> {
                    int i = Math.min(at, text.length());
                    int j = Math.min(text.length(), i + cut);
                    return text.substring(0, i) + insert + text.substring(j);
                });
    }
}
