package io.cellbench.protocols;

import static io.cellbench.protocols.ProtocolLoaderTest.fails;
import static io.cellbench.protocols.ProtocolLoaderTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.VoltageClamp;
import org.junit.jupiter.api.Test;

/**
 * What a protocol may ask for: a step that sources current or power needs a voltage window to
 * clamp to (the runner's rule, issue 11 item 12), and no value, step count or duration beyond
 * what any run could do (item 13).
 */
class ProtocolBoundsTest {

    static final String WINDOW = "limits:\n  voltage: [1.9 V, 3.8 V]\n";

    /** {@code depth} repeats inside each other around one 1 s rest. */
    static String nested(int depth, String header) {
        StringBuilder yaml = new StringBuilder("steps:\n");
        String indent = "  ";
        for (int i = 0; i < depth; i++) {
            yaml.append(indent).append("- ").append(header).append(":\n");
            indent += "    ";
        }
        return yaml.append(indent).append("- Rest for 1 s\n").toString();
    }

    @Test
    void aCurrentOrPowerStepNeedsAVoltageWindowClosedOnBothSides() {
        fails("steps:\n  - Charge at 1 mA for 1 hour\n", 2, 15, "1 mA",
                "a constant-current step needs a voltage window to clamp to, and limits.voltage is not set",
                "limits: voltage: [1.9 V, 3.8 V]");
        fails("steps:\n  - Discharge at C/10 until 1.9 V\nlimits:\n  voltage: [~, 3.8 V]\n", 2, 18, "C/10",
                "limits.voltage is open below", "both sides");
        fails("steps:\n  - Charge at 5 mW until 3.7 V\nlimits:\n  voltage: [1.9 V, ~]\n", 2, 15, "5 mW",
                "a constant-power step needs a voltage window to clamp to, and limits.voltage is open above", "");
        // CC-CV: the first phase sources a current
        fails("steps:\n  - Charge at C/10 until 3.7 V then hold until C/50\n", 2, 15, "C/10", "constant-current", "");
    }

    @Test
    void stepsThatDoNotSourceACurrentNeedNoWindow() {
        parse("steps:\n  - Rest for 1 h\n  - Hold at 3.7 V until C/50\n  - Discharge at 100 Ohm for 1 h\n"
                + "  - EIS from 1 MHz to 1 Hz at 10 mV\n");
        parse("steps:\n  - Charge at 1 mA until 3.7 V\n" + WINDOW);
    }

    @Test
    void theRuleIsOneFunctionThatTheRunnerSharesWithTheLoader() {
        Range open = new Range(Double.NEGATIVE_INFINITY, 3.8);
        assertTrue(VoltageClamp.problem(Step.Control.CURRENT, open).contains("open below"));
        assertTrue(VoltageClamp.problem(Step.Control.C_RATE, Range.UNBOUNDED).contains("is not set"));
        assertNull(VoltageClamp.problem(Step.Control.VOLTAGE, Range.UNBOUNDED));
        assertNull(VoltageClamp.problem(Step.Control.RESISTANCE, Range.UNBOUNDED));
        assertNull(VoltageClamp.problem(Step.Control.POWER, new Range(1.9, 3.8)));
    }

    @Test
    void absurdValuesAreRefusedWhereTheyAreWritten() {
        fails("steps:\n  - Charge at 1e308 A until 3.7 V\n" + WINDOW, 2, 15, "1e308 A",
                "'1e308 A' is beyond the largest current a protocol may hold (10 kA)", "unit");
        fails("steps:\n  - Rest for 1e300 hours\n", 2, 14, "1e300 hours",
                "is beyond the largest time a protocol may hold (5 years)", "5 years");
        fails("steps:\n  - Charge at 1 A until 3e6 V\n" + WINDOW.replace("3.8 V", "~"), 2, 25, "3e6 V",
                "beyond the largest voltage", "");
        fails("steps:\n  - EIS from 1000 MHz to 1 Hz at 10 mV\n", 2, 14, "1000 MHz", "beyond the largest frequency", "");
        fails("steps:\n  - EIS from 1 kHz to 1 uHz at 10 mV\n", 2, 23, "1 uHz", "below the lowest frequency", "");
        fails("steps:\n  - Set pressure to 1e12 Pa\n", 2, 21, "1e12 Pa", "beyond the largest pressure", "");
        fails("limits:\n  current: [-1e300 A, 1 A]\nsteps:\n  - Rest for 1 h\n", 2, 13, "-1e300 A",
                "beyond the largest current", "");
        fails("logging:\n  sample_period: 0.01 ms\nsteps:\n  - Rest for 1 h\n", 2, 18, null,
                "logging.sample_period 0.01 ms is shorter than 1 ms", "10 ms");
        fails("steps:\n  - Rest for 1 h (0.5 ms period)\n", 2, 19, "0.5 ms", "shorter than 1 ms", "");
    }

    @Test
    void aProtocolRunsAtMostAMillionSteps() {
        // Repeat 2 times nested 25 deep: 2^25 = 33 million steps, which "ran forever"
        String yaml = nested(25, "Repeat 2 times");
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(yaml));
        // reported at the innermost repeat that is too large by itself: 2^20 > 1,000,000 (line 7, the 6th)
        assertEquals(7, e.line(), e::getMessage);
        assertEquals("this repeat runs 1,048,576 steps; a protocol may run at most 1,000,000", e.problem());
        assertTrue(e.hint().contains("each repeat multiplies"), e::getMessage);

        parse("steps:\n  - Repeat 1000 times:\n      - Repeat 1000 times:\n          - Rest for 1 s\n");
        assertEquals(1_000_000, ProtocolSize.steps(parse(
                "steps:\n  - Repeat 1000 times:\n      - Repeat 1000 times:\n          - Rest for 1 s\n").steps()));
        fails("steps:\n  - Rest for 1 s\n  - Repeat 1000 times:\n      - Repeat 1000 times:\n          - Rest for 1 s\n",
                1, 1, null, "the protocol runs 1,000,001 steps", "");
    }

    @Test
    void aProtocolRunsAtMostFiveYearsByTheTimesItStates() {
        fails("steps:\n  - Repeat 2 times:\n      - Rest for 1100 days\n", 2, 5, null,
                "this repeat runs for at least 6.0 years by the times its steps state; a protocol may run at most 5 years",
                "unit");
        // a step that ends on voltage states no time: it does not count
        parse("steps:\n  - Repeat 100000 times:\n      - Discharge at 1 mA until 1.9 V\n      - Rest for 10 min\n"
                + WINDOW);
        // a time cap counts: a cap of 4.1 years on each of two steps is refused
        fails("steps:\n  - Discharge at 1 mA until 1.9 V or 1500 days\n  - Charge at 1 mA until 3.7 V or 1500 days\n"
                + WINDOW, 1, 1, null, "the protocol runs for at least 8.2 years", "");
        // an impedance sweep takes at least one period of each frequency
        double sweep = ProtocolSize.statedSeconds(parse("steps:\n  - EIS from 1 kHz to 10 mHz at 10 mV, 1 ppd\n").steps());
        assertEquals(100 + 10 + 1 + 0.1 + 0.01 + 0.001, sweep, 1e-6);
    }

    @Test
    void yamlNestedTooDeepSaysSoAtTheLineWithoutTheParsersWords() {
        String yaml = nested(1000, "Repeat 1 time");
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(yaml));
        assertEquals("the YAML nests deeper than 100 levels here", e.problem());
        assertEquals(51, e.line(), e::getMessage);
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e::getMessage);
        ProtocolException flow = assertThrows(ProtocolException.class,
                () -> parse("steps: " + "[".repeat(1200) + "]".repeat(1200) + "\n"));
        assertFalse(flow.getMessage().contains("StreamReadConstraints"), flow::getMessage);
        assertTrue(flow.problem().contains("nests deeper"), flow::getMessage);
    }
}
