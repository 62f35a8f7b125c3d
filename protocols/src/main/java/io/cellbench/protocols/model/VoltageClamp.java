package io.cellbench.protocols.model;

/**
 * The rule that decides whether a step sourcing current or power can run, shared by
 * {@code validate} (the protocol loader) and {@code run} (the runner's check), so the two never
 * disagree. A channel sourcing a constant current or power holds the voltage inside the
 * protocol's voltage window ({@code limits.voltage}) by itself, as a cycler's compliance does:
 * that clamp, not a cut-off that cellbench checks once a sample, is what keeps the cell safe when
 * a cut-off is missed or the computer stops. Such a step therefore needs a window closed on both
 * sides; the drivers refuse to source without one.
 */
public final class VoltageClamp {

    private VoltageClamp() {
    }

    /** True for the set points the channel clamps to the voltage window: current, C-rate and power. */
    public static boolean applies(Step.Control control) {
        return control == Step.Control.CURRENT || control == Step.Control.C_RATE || control == Step.Control.POWER;
    }

    /** Why a step with this set point cannot run inside {@code voltage}, or {@code null} when it can. */
    public static String problem(Step.Control control, Range voltage) {
        if (!applies(control)) {
            return null;
        }
        boolean low = Double.isFinite(voltage.min());
        boolean high = Double.isFinite(voltage.max());
        if (low && high) {
            return null;
        }
        String step = "a constant-" + (control == Step.Control.POWER ? "power" : "current") + " step";
        return step + " needs a voltage window to clamp to, and limits.voltage "
                + (!low && !high ? "is not set" : "is open " + (low ? "above" : "below"));
    }

    /** What to write instead, for messages. */
    public static final String HINT = "set both sides of the cell's safe voltage range, e.g. 'limits: voltage: "
            + "[1.9 V, 3.8 V]': the channel holds the voltage inside it even when a cut-off is missed";
}
