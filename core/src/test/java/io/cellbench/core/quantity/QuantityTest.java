package io.cellbench.core.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    private static void assertReads(String text, double si, Dimension dimension) {
        Quantity q = Quantity.parse(text);
        assertEquals(dimension, q.dimension(), text);
        assertEquals(si, q.si(), Math.abs(si) * 1e-15, text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            200 mA      | 0.2       | CURRENT
            200mA       | 0.2       | CURRENT
            0.5 A       | 0.5       | CURRENT
            100 uA      | 1e-4      | CURRENT
            100 µA      | 1e-4      | CURRENT
            -10 mA      | -0.01     | CURRENT
            C/20        | 0.05      | C_RATE
            C / 20      | 0.05      | C_RATE
            C/2.5       | 0.4       | C_RATE
            1C          | 1         | C_RATE
            0.5 C       | 0.5       | C_RATE
            4.1 V       | 4.1       | VOLTAGE
            4.1V        | 4.1       | VOLTAGE
            10 mV       | 0.01      | VOLTAGE
            10 min      | 600       | TIME
            10 minutes  | 600       | TIME
            2 h         | 7200      | TIME
            2 hours     | 7200      | TIME
            1e0hours    | 3600      | TIME
            30 s        | 30        | TIME
            1 day       | 86400     | TIME
            5 MPa       | 5e6       | PRESSURE
            2 bar       | 2e5       | PRESSURE
            25 °C       | 298.15    | TEMPERATURE
            25°C        | 298.15    | TEMPERATURE
            25 degC     | 298.15    | TEMPERATURE
            25oC        | 298.15    | TEMPERATURE
            25 deg C    | 298.15    | TEMPERATURE
            -5 °C       | 268.15    | TEMPERATURE
            298 K       | 298       | TEMPERATURE
            1 MHz       | 1e6       | FREQUENCY
            100 mHz     | 0.1       | FREQUENCY
            100 kHz     | 1e5       | FREQUENCY
            2.5 mAh     | 9         | CHARGE
            1 Ah        | 3600      | CHARGE
            5 mWh       | 18        | ENERGY
            1 W         | 1         | POWER
            200mW       | 0.2       | POWER
            4 Ohm       | 4         | RESISTANCE
            4 Ω         | 4         | RESISTANCE
            15 mOhm     | 0.015     | RESISTANCE
            0.785 cm2   | 7.85e-5   | AREA
            0.785 cm²   | 7.85e-5   | AREA
            2 kN        | 2000      | FORCE
            12 mg       | 1.2e-5    | MASS
            """)
    void readsEveryForm(String text, double si, Dimension dimension) {
        assertReads(text, si, dimension);
    }

    @Test
    void spelledOutUnitsMatchInAnyCase() {
        assertReads("2 HOURS", 7200, Dimension.TIME);
        assertReads("3 Minutes", 180, Dimension.TIME);
        assertReads("4 OHM", 4, Dimension.RESISTANCE);
    }

    @Test
    void prefixedSymbolsKeepTheirCase() {
        assertReads("1 mHz", 1e-3, Dimension.FREQUENCY);
        assertReads("1 MHz", 1e6, Dimension.FREQUENCY);
        assertReads("1 mOhm", 1e-3, Dimension.RESISTANCE);
        assertReads("1 MOhm", 1e6, Dimension.RESISTANCE);
        // Regression: "mOHM" used to read as 1 MOhm because the case-insensitive word table
        // kept whichever of mOhm/MOhm was registered last.
        QuantityParseException e = assertThrows(QuantityParseException.class, () -> Quantity.parse("1 mOHM"));
        assertTrue(e.problem().contains("unknown unit 'mOHM'"), e.problem());
        assertThrows(QuantityParseException.class, () -> Quantity.parse("1 MOHM"));
    }

    @Test
    void noBreakSpacesPastedFromDocumentsAreSpaces() {
        // Regression: "25\u00a0°C" was an unknown unit "\u00a0°C".
        assertReads("25\u00a0°C", 298.15, Dimension.TEMPERATURE);
        assertReads("\u00a04.1\u202fV\u00a0", 4.1, Dimension.VOLTAGE);
    }

    @Test
    void unknownUnitListsTheAcceptedUnits() {
        QuantityParseException e = assertThrows(QuantityParseException.class, () -> Quantity.parse("4.1 volz"));
        assertEquals("unknown unit 'volz'", e.problem());
        assertEquals(4, e.column());
        assertTrue(e.hint().contains("voltage: V, volt, volts, mV"), e.hint());
        assertTrue(e.hint().contains("c_rate: C, C/n"), e.hint());
        assertTrue(e.hint().contains("temperature: °C, degC, oC"), e.hint());
    }

    @Test
    void columnsPointAtTheProblemInsideLeadingSpace() {
        QuantityParseException e = assertThrows(QuantityParseException.class, () -> Quantity.parse("  12 zz"));
        assertEquals(5, e.column());
        assertEquals(4, assertThrows(QuantityParseException.class, () -> Quantity.parse("  12")).column());
    }

    @Test
    void rejectsWhatIsNotAQuantity() {
        assertEquals("missing value", assertThrows(QuantityParseException.class, () -> Quantity.parse("   ")).problem());
        assertEquals("missing value", assertThrows(QuantityParseException.class, () -> Quantity.parse(null)).problem());
        assertTrue(assertThrows(QuantityParseException.class, () -> Quantity.parse("V 4"))
                .problem().contains("does not start with a number"));
        assertTrue(assertThrows(QuantityParseException.class, () -> Quantity.parse("4.1"))
                .problem().contains("has no unit"));
        assertEquals("C/0 is not a C-rate",
                assertThrows(QuantityParseException.class, () -> Quantity.parse("C/0")).problem());
        assertTrue(assertThrows(QuantityParseException.class, () -> Quantity.parse("1e400 V"))
                .problem().contains("out of range"));
    }

    @Test
    void extremeExponentsAreOutOfRangeOrZeroNotArithmeticErrors() {
        // Regressions: these threw ArithmeticException (BigDecimal scale overflow).
        assertEquals(0.0, Quantity.parse("1e-2147483647 mA").si());
        assertThrows(QuantityParseException.class, () -> Quantity.parse("1e2147483647 mA"));
        assertEquals(0.0, Quantity.parse("0e-2147483647 mA").si());
        // Regression: a C/n whose n underflows to 0 threw IllegalArgumentException (infinite quantity).
        assertThrows(QuantityParseException.class, () -> Quantity.parse("C/0." + "0".repeat(400) + "1"));
    }

    @Test
    @Timeout(60) // a guard against the old hang, not a speed goal
    void hugeExponentsWithAnOffsetUnitDoNotExpandTheNumber() {
        // Regression: "1e-9999999 °C" took seconds and "1e-999999999 °C" ran out of memory,
        // because adding the 273.15 K offset expanded the number to that many digits.
        assertEquals(273.15, Quantity.parse("1e-999999999 °C").si());
        assertThrows(QuantityParseException.class, () -> Quantity.parse("1e999999999 °C"));
    }

    @Test
    void negativeZeroIsZero() {
        // Regression: -0.0 printed as "-0 V", which reads back as +0.0, a different record.
        Quantity z = new Quantity(-0.0, Dimension.VOLTAGE);
        assertEquals(new Quantity(0.0, Dimension.VOLTAGE), z);
        assertEquals(z, Quantity.parse(z.toString()));
        assertEquals(new Quantity(0.0, Dimension.CURRENT), Quantity.parse("-0 A"));
    }

    @Test
    void expectedDimensionIsChecked() {
        assertEquals(4.1, Quantity.parse("4.1 V", Dimension.VOLTAGE).si());
        QuantityParseException e = assertThrows(QuantityParseException.class,
                () -> Quantity.parse("4.1 A", Dimension.VOLTAGE));
        assertEquals("'4.1 A' is a current, expected a voltage", e.problem());
        assertTrue(e.hint().contains("mV"));
    }

    @Test
    void printsAFormPeopleRead() {
        assertEquals("0.2 A", Quantity.parse("200 mA").toString());
        assertEquals("C/20", Quantity.parse("C/20").toString());
        assertEquals("1C", Quantity.parse("1 C").toString());
        assertEquals("0.4C", Quantity.parse("C/2.5").toString());
        assertEquals("4.1 V", Quantity.parse("4100 mV").toString());
        assertEquals("600 s", Quantity.parse("10 min").toString());
        assertEquals("25 °C", Quantity.parse("298.15 K").toString());
        assertEquals("0.001 Ah", Quantity.parse("1 mAh").toString());
        assertEquals("5000000 Pa", Quantity.parse("5 MPa").toString());
    }

    @Test
    void convertsToOtherUnitsOfTheSameDimension() {
        assertEquals(200, Quantity.parse("0.2 A").in("mA"), 1e-12);
        assertEquals(25, Quantity.parse("25 °C").in("°C"), 1e-12);
        assertEquals(2.5, Quantity.parse("9 As").in("mAh"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1 A").in("V"));
        assertEquals(new Quantity(0.2, Dimension.CURRENT), Quantity.of(200, "mA"));
        assertEquals(new Quantity(2, Dimension.CURRENT), Quantity.parse("-2 A").abs());
    }
}
