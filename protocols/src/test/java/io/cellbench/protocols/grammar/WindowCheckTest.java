package io.cellbench.protocols.grammar;

import static io.cellbench.protocols.model.Termination.Measure.C_RATE;
import static io.cellbench.protocols.model.Termination.Measure.TIME;
import static io.cellbench.protocols.model.Termination.Measure.VOLTAGE;
import static io.cellbench.protocols.model.Termination.Op.AT_LEAST;
import static io.cellbench.protocols.model.Termination.Op.AT_MOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Step.EisMode;
import io.cellbench.protocols.model.Termination;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps are checked against the safety window: a cut-off outside it would trip instead of ending. */
class WindowCheckTest {

    static final SafetyLimits NMC_LI_IN = new SafetyLimits(new Range(1.9, 3.8), new Range(-0.01, 0.01),
            new Range(0, 80), new Range(1e6, 100e6));
    static final StepGrammar GRAMMAR = new StepGrammar(NMC_LI_IN);

    /** The one step {@code sentence} parses to, inside the window. */
    static Step ok(String sentence) {
        List<Step> steps = GRAMMAR.parse(SourceText.at(sentence, new SourceLocation("p.yaml", 3, 5)));
        assertEquals(1, steps.size(), steps::toString);
        return steps.get(0);
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
    void stepsInsideTheWindowPassWithTheirValuesUntouched() {
        // passing the check changes nothing: values on the window's edges (1.9 V, 3.8 V, 10 mA) stay exact
        Step.Drive cccv = (Step.Drive) ok("Charge at C/10 until 3.7 V then hold until C/50");
        assertEquals(DriveKind.CHARGE, cccv.kind());
        assertEquals(Control.C_RATE, cccv.control());
        assertEquals(0.1, cccv.value());
        assertEquals(List.of(new Termination(VOLTAGE, AT_LEAST, 3.7)), cccv.until());
        assertEquals(new Step.CvHold(3.7, List.of(new Termination(C_RATE, AT_MOST, 0.02))), cccv.thenHold());

        Step.Drive toLowerEdge = (Step.Drive) ok("Discharge at 5 mA until 1.9 V");
        assertEquals(DriveKind.DISCHARGE, toLowerEdge.kind());
        assertEquals(Control.CURRENT, toLowerEdge.control());
        assertEquals(0.005, toLowerEdge.value());
        assertEquals(List.of(new Termination(VOLTAGE, AT_MOST, 1.9)), toLowerEdge.until());

        Step.Drive atTheLimits = (Step.Drive) ok("Charge at 10 mA until 3.8 V");
        assertEquals(0.01, atTheLimits.value(), "the current limit itself is allowed");
        assertEquals(List.of(new Termination(VOLTAGE, AT_LEAST, 3.8)), atTheLimits.until());

        Step.Rest rest = (Step.Rest) ok("Rest until >= 3 V or 1 h");
        assertEquals(List.of(new Termination(VOLTAGE, AT_LEAST, 3), new Termination(TIME, AT_LEAST, 3600)), rest.until());

        Step.SetPressure pressure = (Step.SetPressure) ok("Set pressure to 75 MPa and wait until stable");
        assertEquals(75e6, pressure.pascal());
        assertTrue(pressure.waitUntilStable());

        Step.SetTemperature temperature = (Step.SetTemperature) ok("Set temperature to 60 °C");
        assertEquals(60, temperature.celsius());
        assertFalse(temperature.waitUntilStable());

        Step.Eis geis = (Step.Eis) ok("GEIS from 100 kHz to 10 mHz at 100 uA");
        assertEquals(EisMode.GALVANOSTATIC, geis.mode());
        assertEquals(100e3, geis.startHz());
        assertEquals(10e-3, geis.endHz());
        assertEquals(100e-6, geis.amplitude(), "well inside the 10 mA current limit");
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
