package io.cellbench.protocols.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import org.junit.jupiter.api.Test;

/** Steps are checked against the safety window: a cut-off outside it would trip instead of ending. */
class WindowCheckTest {

    static final SafetyLimits NMC_LI_IN = new SafetyLimits(new Range(1.9, 3.8), new Range(-0.01, 0.01),
            new Range(0, 80), new Range(1e6, 100e6));
    static final StepGrammar GRAMMAR = new StepGrammar(NMC_LI_IN);

    static void ok(String sentence) {
        GRAMMAR.parse(SourceText.at(sentence, new SourceLocation("p.yaml", 3, 5)));
    }

    static ProtocolException fails(String sentence, String offending, String problemPart) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> GRAMMAR.parse(SourceText.at(sentence, new SourceLocation("p.yaml", 3, 5))));
        assertEquals(offending, e.offendingText(), e::getMessage);
        assertEquals(5 + sentence.indexOf(offending), e.column());
        assertTrue(e.problem().contains(problemPart), e::getMessage);
        return e;
    }

    @Test
    void stepsInsideTheWindowPass() {
        ok("Charge at C/10 until 3.7 V then hold until C/50");
        ok("Discharge at 5 mA until 1.9 V");
        ok("Charge at 10 mA until 3.8 V");
        ok("Rest until >= 3 V or 1 h");
        ok("Set pressure to 75 MPa and wait until stable");
        ok("Set temperature to 60 °C");
        ok("GEIS from 100 kHz to 10 mHz at 100 uA");
    }

    @Test
    void cutOffsOutsideTheWindowAreErrors() {
        ProtocolException e = fails("Charge at C/10 until 4.3 V", "4.3 V",
                "cut-off 4.3 V is above the safety limit 3.8 V (limits.voltage)");
        assertTrue(e.hint().contains("would trip"), e.hint());
        fails("Discharge at C/10 until 1.5 V", "1.5 V", "cut-off 1.5 V is below the safety limit 1.9 V");
        fails("Rest until >= 4 V or 1 h", ">= 4 V", "above the safety limit");
        fails("Discharge at 1 W until > 20 mA", "> 20 mA", "|I| >= 20 mA can never be reached inside the current limit of 10 mA");
    }

    @Test
    void setPointsOutsideTheWindowAreErrors() {
        fails("Charge at 20 mA until 3.7 V", "20 mA", "charge current 20 mA is above the safety limit 10 mA (limits.current)");
        fails("Discharge at 20 mA until 2 V", "20 mA", "discharge current -20 mA is below the safety limit -10 mA");
        fails("Hold at 4.2 V until C/50", "4.2 V", "set point 4.2 V is above the safety limit");
        fails("Charge at C/10 until 3.7 V then hold at 3.9 V until C/50", "then hold at 3.9 V until C/50",
                "hold voltage 3.9 V is above");
        fails("Set pressure to 125 MPa", "125 MPa", "pressure 125 MPa is above the safety limit 100 MPa (limits.pressure)");
        fails("Set pressure to 0 MPa", "0 MPa", "below the safety limit");
        fails("Set temperature to 90 °C", "90 °C", "temperature 90 °C is above the safety limit 80 °C");
        fails("Rest for 1 h at 90oC", "90oC", "above the safety limit 80 °C");
        fails("GEIS from 100 kHz to 10 mHz at 20 mA", "20 mA", "amplitude 20 mA is outside the current limit of 10 mA");
    }
}
