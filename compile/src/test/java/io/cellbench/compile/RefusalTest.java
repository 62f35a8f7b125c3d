package io.cellbench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.ProtocolLoader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a target cannot do is refused at the step's file:line:column, naming the target and the reason. */
class RefusalTest {
    static final CompileOptions OPTIONS = new CompileOptions(0.002, LocalDateTime.of(2026, 1, 2, 3, 4, 5),
            UUID.fromString("00000000-0000-0000-0000-000000000001"));

    static CompileException refused(String steps, CompileTarget target, CompileOptions options) {
        String protocol = """
                name: refused
                limits:
                  voltage: [1.8 V, 3.8 V]
                  current: [-5 mA, 5 mA]
                steps:
                """ + steps;
        return assertThrows(CompileException.class,
                () -> ProtocolCompiler.compile(ProtocolLoader.parse(protocol, "p.yaml"), target, options));
    }

    static void assertOne(CompileException e, int line, int column, String problem) {
        assertEquals(1, e.total(), e.getMessage());
        ProtocolException p = e.problems().getFirst();
        assertEquals(List.of(line, column), List.of(p.line(), p.column()), e.getMessage());
        assertTrue(p.problem().contains(problem), p.problem());
        assertTrue(p.getMessage().startsWith("p.yaml:" + line + ":" + column + ": error: " + e.target().label() + " "),
                p.getMessage());
        assertTrue(!p.hint().isBlank(), "every refusal says what to do: " + p.getMessage());
    }

    @Test
    void eisAndPressureStepsCannotRunOnANeware() {
        CompileException e = refused("""
                  - Rest for 1 minute
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Set pressure to 10 MPa
                """, CompileTarget.NEWARE, OPTIONS);
        assertEquals(2, e.total(), e.getMessage());
        assertEquals(List.of(7, 8), e.problems().stream().map(ProtocolException::line).toList());
        assertTrue(e.problems().get(0).problem().startsWith("neware cannot measure impedance"));
        assertTrue(e.problems().get(1).problem().startsWith("neware cannot set a stack pressure"));
        assertTrue(e.getMessage().endsWith("2 problems: the protocol cannot be compiled for neware"), e.getMessage());
    }

    @Test
    void aTerminationTheTargetLacksIsRefused() {
        assertOne(refused("  - Discharge at 1 mA until 1.9 V or 5 mWh\n", CompileTarget.NEWARE, OPTIONS), 6, 5,
                "no energy cut-off");
        assertOne(refused("  - Rest for 1 hour or until >= 3 V\n", CompileTarget.NEWARE, OPTIONS), 6, 5,
                "cannot end this kind of step on voltage");
        assertOne(refused("  - Discharge at 1 mA until 1 mAh\n", CompileTarget.BIOLOGIC, OPTIONS), 6, 5,
                "no capacity limit");
        assertOne(refused("  - Charge at 1 mA until <= 3 V\n", CompileTarget.NEWARE, OPTIONS), 6, 5,
                "ends a charge only when the voltage rises to its cut-off");
    }

    @Test
    void moreOredLimitsThanTheTargetHoldsAreRefused() {
        assertOne(refused("  - Charge at 1 mA until 3.7 V or 3.6 V\n", CompileTarget.NEWARE, OPTIONS), 6, 5,
                "holds one voltage cut-off per step");
        assertOne(refused("  - Discharge at 1 mA for 1 hour or until 1.9 V or 2.5 V\n", CompileTarget.BIOLOGIC,
                OPTIONS), 6, 5, "holds 2 OR-ed limits per Modulo Bat sequence and this step has 3");
    }

    @Test
    void loopsNestedBeyondTheTargetAreRefusedButANewareNestsThem() {
        String nested = """
                  - Repeat 2 times:
                      - Repeat 3 times:
                          - Charge at 1 mA for 1 minute
                      - Rest for 1 minute
                """;
        assertOne(refused(nested, CompileTarget.BIOLOGIC, OPTIONS), 7, 9, "loops one level deep");
        // a current step needs the cell's voltage window (the channel clamps to it)
        String protocol = "name: nested\nlimits:\n  voltage: [1.8 V, 3.8 V]\nsteps:\n" + nested;
        Compiled c = ProtocolCompiler.compile(ProtocolLoader.parse(protocol, "p.yaml"), CompileTarget.NEWARE, OPTIONS);
        assertTrue(c.text().contains("<Cycle_Count Value=\"3\" />") && c.text().contains("<Cycle_Count Value=\"2\" />"));
    }

    @Test
    void aCRateNeedsTheCapacityAndEachStepSaysSoOnce() {
        CompileOptions noCapacity = new CompileOptions(Double.NaN, OPTIONS.created(), OPTIONS.guid());
        CompileException e = refused("""
                  - Charge at C/10 until 3.7 V then hold until C/50
                  - Discharge at 1 mA until 1.9 V
                  - Discharge at C/5 until 1.9 V
                """, CompileTarget.NEWARE, noCapacity);
        assertEquals(List.of(6, 8), e.problems().stream().map(ProtocolException::line).toList(), e.getMessage());
        assertTrue(e.problems().getFirst().hint().contains("--capacity"));
    }

    @Test
    void holdsNeedADirectionAndACurrentLimitOnANeware() {
        assertOne(refused("  - Hold at 3.7 V for 1 hour\n", CompileTarget.NEWARE, OPTIONS), 6, 5,
                "holds a voltage in one direction only");
        CompileException unlimited = assertThrows(CompileException.class, () -> ProtocolCompiler.compile(
                ProtocolLoader.parse("name: n\nsteps:\n  - Charge at 3.7 V for 1 hour\n", "p.yaml"),
                CompileTarget.NEWARE, OPTIONS));
        assertOne(unlimited, 3, 5, "needs a current limit");
        assertOne(refused("  - Charge at 1 mA for 10 hours or until 3.7 V then hold until 0.1 mA or 1 hour\n",
                CompileTarget.NEWARE, OPTIONS), 6, 5, "cannot limit the time of a CC-CV step over both phases");
    }

    @Test
    void problemsAreCappedAndCounted() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            steps.append("  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade\n");
        }
        CompileException e = refused(steps.toString(), CompileTarget.NEWARE, OPTIONS);
        assertEquals(30, e.total());
        assertEquals(Refusals.CAP, e.problems().size());
        assertTrue(e.getMessage().contains("... and 10 more\n30 problems"), e.getMessage());
    }
}
