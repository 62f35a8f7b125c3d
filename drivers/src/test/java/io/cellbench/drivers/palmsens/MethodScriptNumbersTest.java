package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.fixtures.wire.palmsens.MethodScriptValues;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Package values and script literals, decoded by the driver and encoded by the simulator:
 * two implementations written apart, each checking the other, and hand-computed cases.
 */
class MethodScriptNumbersTest {

    @Test
    void handComputedPackageValues() {
        // 0x8002710 − 0x8000000 = 0x2710 = 10000, milli
        assertEquals(10.0, MethodScriptNumbers.decodePackageValue("8002710m"));
        // 0x80186A0 − 0x8000000 = 0x186A0 = 100000, no prefix (a space)
        assertEquals(100_000.0, MethodScriptNumbers.decodePackageValue("80186A0 "));
        // 0x7FFD8F0 − 0x8000000 = −0x2710 = −10000, micro
        assertEquals(-0.01, MethodScriptNumbers.decodePackageValue("7FFD8F0u"));
        // one below the offset is −1
        assertEquals(-1.0, MethodScriptNumbers.decodePackageValue("7FFFFFF "));
        // the smallest: 0 − 2²⁷
        assertEquals(-134_217_728.0, MethodScriptNumbers.decodePackageValue("0000000 "));
        // 'a', 'f' and 'E' are hex digits too: only the 8th character is the prefix
        assertEquals(10e-18, MethodScriptNumbers.decodePackageValue("800000Aa"), 1e-30);
        assertEquals(10e-15, MethodScriptNumbers.decodePackageValue("800000af"), 1e-27);
        assertEquals(1e18, MethodScriptNumbers.decodePackageValue("8000001E"));
        // 'i' marks an integer
        assertEquals(11.0, MethodScriptNumbers.decodePackageValue("800000Bi"));
        assertTrue(Double.isNaN(MethodScriptNumbers.decodePackageValue("     nan")));
    }

    @Test
    void unreadableValuesSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodScriptNumbers.decodePackageValue("80027G0m")).getMessage().contains("'G' is not a hex digit"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodScriptNumbers.decodePackageValue("8002710x")).getMessage().contains("'x' is not an SI prefix"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodScriptNumbers.decodePackageValue("8002710")).getMessage().contains("7 hex digits"));
    }

    @Test
    void handComputedPackages() {
        DataPackage p = DataPackage.parse("Pdc80186A0 ;cc8007A12m;cd7FF8E94m,14,20B");
        assertEquals(3, p.fields().size());
        assertEquals(100_000.0, p.field("dc").orElseThrow().value());
        assertEquals(31.25, p.field("cc").orElseThrow().value());    // 0x7A12 = 31250 mΩ
        assertEquals(-29.036, p.field("cd").orElseThrow().value());  // −0x716C = −29036 mΩ
        assertEquals(4, p.field("cd").orElseThrow().status());        // ",14": status 4 (underload); ",20B": range
        assertEquals(-1, p.field("cc").orElseThrow().status());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataPackage.parse("Pdc80186A0 ;cc8007A1m"));
        assertTrue(e.getMessage().startsWith("field 2 'cc8007A1m'"), e.getMessage());
    }

    @Test
    void handComputedScriptLiterals() {
        assertEquals("10m", MethodScriptNumbers.scriptLiteral(0.01));
        assertEquals("1M", MethodScriptNumbers.scriptLiteral(1e6));
        assertEquals("100m", MethodScriptNumbers.scriptLiteral(0.1));
        assertEquals("250", MethodScriptNumbers.scriptLiteral(250));
        assertEquals("-500m", MethodScriptNumbers.scriptLiteral(-0.5));
        assertEquals("60100m", MethodScriptNumbers.scriptLiteral(60.1));
        assertEquals("100n", MethodScriptNumbers.scriptLiteral(100e-9));
        assertEquals("0", MethodScriptNumbers.scriptLiteral(0));
        assertEquals("31622777m", MethodScriptNumbers.scriptLiteral(31622.777));
    }

    @Test
    void errorLines() {
        MethodScriptError e = MethodScriptError.parse("!4003: Line 21, Col 27");
        assertEquals(new MethodScriptError(0x4003, 21, 27), e);
        assertEquals("!4003 (argument out of range)", e.describe());
        assertEquals(new MethodScriptError(0x0006, -1, -1), MethodScriptError.parse("Z!0006"));
        assertEquals(new MethodScriptError(0x4001, 3, -1), MethodScriptError.parse("e!4001: Line 3"));
        assertTrue(MethodScriptError.isError("e!4001: Line 3"));
        assertTrue(!MethodScriptError.isError("Pdc80186A0 "));
    }

    /** The simulator's encoding, read back by the driver, keeps 7 significant digits at least. */
    @Property(tries = 2000)
    void encodeThenDecodeKeepsTheValue(@ForAll @DoubleRange(min = -1e6, max = 1e6) double mantissa,
                                       @ForAll @IntRange(min = -15, max = 15) int exponent) {
        double value = mantissa * Math.pow(10, exponent);
        String eight = MethodScriptValues.encode(value);
        double back = MethodScriptNumbers.decodePackageValue(eight);
        // the mantissa keeps at least 2^27/1000 ≈ 1.3e5 steps of the chosen prefix
        double step = Math.abs(value) / 134_217.0;
        assertEquals(value, back, Math.max(step, Math.abs(value) * 1e-15) + 1e-30,
                () -> value + " → '" + eight + "' → " + back);
    }

    /** What the driver writes in a script, the simulator reads as the same number (to 1 ppm). */
    @Property(tries = 2000)
    void scriptLiteralsReadBack(@ForAll @DoubleRange(min = -1e6, max = 1e6) double mantissa,
                                @ForAll @IntRange(min = -12, max = 9) int exponent) {
        double value = mantissa * Math.pow(10, exponent);
        Assume.that(value == 0 || Math.abs(value) > 1e-9);
        String literal = MethodScriptNumbers.scriptLiteral(value);
        double back = MethodScriptValues.literal(literal);
        // 9 significant digits where the mantissa fits in an int, at least 7 where it does not
        assertEquals(value, back, Math.abs(value) * 1e-6, () -> value + " → '" + literal + "' → " + back);
    }
}
