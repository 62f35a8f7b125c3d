package io.cellbench.protocols.grammar;

import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.Locale;

/**
 * Which conditions can end which step, and the operator a condition gets when none is
 * written: a charge ends when V ≥ x, a discharge when V ≤ x, a current or C-rate cut-off
 * when |I| ≤ x, and capacity, energy and time when the step's own throughput or age
 * reaches x. A condition that could never be met, or would be met at once, is an error.
 */
final class TerminationRules {

    private TerminationRules() {
    }

    /** A condition on the constant-current/power/voltage phase of Charge, Discharge or Hold. */
    static Termination forDrive(DriveKind kind, Control control, RawTerm t, SourceText src) {
        return switch (t.measure()) {
            case VOLTAGE -> {
                if (control == Control.VOLTAGE) {
                    throw src.error(t.start(), t.end(), "a voltage-controlled step cannot end on voltage",
                            "end it on current ('until 50 mA'), C-rate ('until C/50') or time ('for 1 hour')");
                }
                Op implicit = kind == DriveKind.CHARGE ? Op.AT_LEAST : Op.AT_MOST;
                yield new Termination(Measure.VOLTAGE, t.op() != null ? t.op() : implicit, t.value());
            }
            case CURRENT, C_RATE -> {
                if (control == Control.CURRENT || control == Control.C_RATE) {
                    throw src.error(t.start(), t.end(),
                            "the current of a constant-current step does not change, so it cannot end on "
                                    + name(t.measure()),
                            "end it on voltage ('until 4.2 V'), capacity ('until 2 mAh') or time ('for 10 hours')");
                }
                yield new Termination(t.measure(), t.op() != null ? t.op() : Op.AT_MOST, t.value());
            }
            case CAPACITY, ENERGY, TIME -> growing(t, src);
        };
    }

    /** A condition on the constant-voltage phase of a CC-CV step ("then hold until C/50"). */
    static Termination forHold(RawTerm t, SourceText src) {
        return switch (t.measure()) {
            case VOLTAGE -> throw src.error(t.start(), t.end(),
                    "the hold keeps the voltage constant, so it cannot end on voltage",
                    "end the hold on current ('until C/50', 'until 50 uA') or time ('for 1 hour')");
            case CURRENT, C_RATE -> new Termination(t.measure(), t.op() != null ? t.op() : Op.AT_MOST, t.value());
            case CAPACITY, ENERGY, TIME -> growing(t, src);
        };
    }

    /** A condition on a rest (open circuit: no current, no direction). */
    static Termination forRest(RawTerm t, SourceText src) {
        return switch (t.measure()) {
            case VOLTAGE -> {
                if (t.op() == null) {
                    throw src.error(t.start(), t.end(),
                            "a rest has no direction, so 'until " + StepText.number(t.value())
                                    + " V' does not say whether the voltage should rise or fall to it",
                            "write 'until >= " + StepText.number(t.value()) + " V' to wait for the voltage to rise "
                                    + "(after a discharge) or 'until <= " + StepText.number(t.value())
                                    + " V' to wait for it to fall (after a charge)");
                }
                yield new Termination(Measure.VOLTAGE, t.op(), t.value());
            }
            case CURRENT, C_RATE, CAPACITY, ENERGY -> throw src.error(t.start(), t.end(),
                    "no current flows during a rest, so it cannot end on " + name(t.measure()),
                    "end a rest on time ('for 1 hour') or on voltage with an operator ('until >= 3 V')");
            case TIME -> growing(t, src);
        };
    }

    /** Capacity, energy and time only grow during a step: the condition is "reaches x". */
    private static Termination growing(RawTerm t, SourceText src) {
        if (t.op() == Op.AT_MOST) {
            throw src.error(t.start(), t.end(),
                    "the step's " + name(t.measure()) + " only grows, so '<=' would end the step at once",
                    "drop the operator: 'until " + example(t.measure()) + "' means the step ends when it reaches it");
        }
        return new Termination(t.measure(), Op.AT_LEAST, t.value());
    }

    static String name(Measure m) {
        return m == Measure.C_RATE ? "C-rate" : m.name().toLowerCase(Locale.ROOT);
    }

    private static String example(Measure m) {
        return switch (m) {
            case CAPACITY -> "2 mAh";
            case ENERGY -> "5 mWh";
            default -> "2 hours";
        };
    }
}
