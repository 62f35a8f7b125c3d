package io.cellbench.protocols.grammar;

import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.VoltageClamp;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;

/**
 * Checks a step against the protocol's safety window. A cut-off outside the window can never
 * end the step: the limit trips first and the test stops with a fault. Catching that when
 * the file is read saves a night's run. C-rates are not checked (the capacity is a property
 * of the cell, not the protocol).
 */
final class WindowCheck {

    private final SafetyLimits limits;
    private final SourceText src;
    private final boolean clampRequired;

    /** {@code clampRequired}: a step sourcing current or power needs a closed voltage window ({@link VoltageClamp}). */
    WindowCheck(SafetyLimits limits, SourceText src, boolean clampRequired) {
        this.limits = limits;
        this.src = src;
        this.clampRequired = clampRequired;
    }

    /** A current, C-rate or power set point needs a voltage window for the channel to clamp to. */
    void clamp(Control control, Amount setPoint) {
        String problem = clampRequired ? VoltageClamp.problem(control, limits.voltage()) : null;
        if (problem != null) {
            throw src.error(setPoint.start(), setPoint.end(), problem, VoltageClamp.HINT);
        }
    }

    void setPoint(DriveKind kind, Control control, Amount a) {
        if (control == Control.VOLTAGE) {
            inside(limits.voltage(), a.value(), a, "set point", "V", "limits.voltage");
        } else if (control == Control.CURRENT) {
            double signed = kind == DriveKind.CHARGE ? a.value() : -a.value();
            inside(limits.current(), signed, a, kind == DriveKind.CHARGE ? "charge current" : "discharge current",
                    "A", "limits.current");
        }
    }

    void holdVoltage(double volt, int start, int end) {
        inside(limits.voltage(), volt, new Amount(null, volt, start, end), "hold voltage", "V", "limits.voltage");
    }

    void termination(Termination t, RawTerm raw) {
        Amount a = new Amount(null, t.value(), raw.start(), raw.end());
        if (t.measure() == Measure.VOLTAGE) {
            inside(limits.voltage(), t.value(), a, "cut-off", "V", "limits.voltage");
        } else if (t.measure() == Measure.CURRENT && t.op() == Op.AT_LEAST) {
            Range r = limits.current();
            double largest = Math.max(r.max(), -r.min());
            if (t.value() > largest) {
                throw src.error(raw.start(), raw.end(), "cut-off |I| >= " + StepText.readable(t.value(), "A")
                                + " can never be reached inside the current limit of " + StepText.readable(largest, "A"),
                        "lower the cut-off or widen limits.current");
            }
        }
    }

    void temperature(Amount a) {
        inside(limits.temperatureCelsius(), a.value(), a, "temperature", "°C", "limits.temperature");
    }

    void pressure(Amount a) {
        inside(limits.pressure(), a.value(), a, "pressure", "Pa", "limits.pressure");
    }

    void galvanostaticAmplitude(Amount a) {
        Range r = limits.current();
        double largest = Math.min(r.max(), -r.min());
        if (a.value() > largest) {
            throw src.error(a.start(), a.end(), "amplitude " + StepText.readable(a.value(), "A")
                            + " is outside the current limit of " + StepText.readable(largest, "A"),
                    "lower the amplitude or widen limits.current");
        }
    }

    private void inside(Range r, double v, Amount a, String what, String unit, String key) {
        if (v > r.max()) {
            throw src.error(a.start(), a.end(), what + " " + StepText.readable(v, unit)
                            + " is above the safety limit " + StepText.readable(r.max(), unit) + " (" + key + ")",
                    advice(what, key));
        }
        if (v < r.min()) {
            throw src.error(a.start(), a.end(), what + " " + StepText.readable(v, unit)
                            + " is below the safety limit " + StepText.readable(r.min(), unit) + " (" + key + ")",
                    advice(what, key));
        }
    }

    private static String advice(String what, String key) {
        return what.equals("cut-off")
                ? "the limit would trip (a fault) before the step ends: move the cut-off inside the window or widen " + key
                : "the limit would trip as soon as the step starts: change the " + what + " or widen " + key;
    }
}
