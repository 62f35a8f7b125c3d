package io.cellbench.impedance.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitParserTest {

    @Test
    void namesParametersAsImpedancePyDoes() {
        Circuit c = Circuit.parse("R0-p(R1,CPE1)-p(R2-Wo1,C2)-Zarc_3");
        assertEquals(List.of("R0", "R1", "CPE1_0", "CPE1_1", "R2", "Wo1_0", "Wo1_1", "C2", "Zarc_3_0", "Zarc_3_1",
                "Zarc_3_2"), c.parameters().stream().map(Circuit.Parameter::name).toList());
        assertEquals("Ω⁻¹·s^α", c.parameters().get(2).unit());
        assertEquals("τ", c.parameters().get(6).symbol());
    }

    @Test
    void seriesAddsAndParallelAddsAdmittances() {
        Circuit c = Circuit.parse(" R0 - p(R1, C1) ");
        double f = 10;
        Complex z = c.impedance(f, new double[] {5, 100, 1e-4});
        Complex rc = Complex.ONE.divide(new Complex(1.0 / 100, 2 * Math.PI * f * 1e-4));
        assertEquals(5 + rc.getReal(), z.getReal(), 1e-12);
        assertEquals(rc.getImaginary(), z.getImaginary(), 1e-12);
    }

    @Test
    void nestedParallelsParse() {
        Circuit c = Circuit.parse("R0-p(R1-p(R2,C2),C1)-W1");
        assertEquals(6, c.parameterCount());
        assertTrue(c.impedance(1, new double[] {1, 2, 3, 1e-3, 1e-3, 0.5}).getReal() > 1);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
        "''                | 1  | empty",
        "R0-X1             | 4  | unknown element 'X1'",
        "R0-Rct            | 4  | unknown element 'Rct'",
        "R0-p(R1,C1        | 11 | expected ',' or ')' in the p( opened at column 4",
        "R0-p(R1)          | 4  | at least two branches",
        "R0--R1            | 4  | expected an element",
        "R0-R1)            | 6  | ')' without a matching 'p('",
        "R0 R1             | 4  | expected '-' between elements",
        "R1-p(R1,C1)       | 6  | used twice (first at column 1)",
        "R0-P(R1,C1)       | 4  | unknown element 'P'",
        "R0-               | 4  | the circuit ends here",
        "p R1              | 3  | expected '(' after 'p'"})
    void badCircuitsSayWhereAndWhat(String text, int column, String problem) {
        CircuitSyntaxException e = assertThrows(CircuitSyntaxException.class, () -> Circuit.parse(text));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
