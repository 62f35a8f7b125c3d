package io.cellbench.schedules.runner;

import java.util.function.DoubleFunction;

/**
 * Watches one slowly moving quantity (stack pressure, chamber temperature) on each of its
 * reads and holds the run through {@link Holds} while it is out of band, with hysteresis:
 * the hold starts when a read leaves {@code setpoint ± tolerance} and ends once reads have
 * stayed within {@code setpoint ± resumeWithin} for the settle time. Unlike the safety
 * window it never ends the run. Owned by the runner thread.
 */
final class Interlock {
    private final String source;
    private final String quantity;
    private final DoubleFunction<String> format;
    private final InterlockRule rule;
    private double setpoint;
    private boolean suspended;
    private boolean holding;
    private double clearSince = Double.NaN;

    /**
     * @param source   the hold's source name ("pressure interlock")
     * @param quantity for messages ("pressure")
     */
    Interlock(String source, String quantity, DoubleFunction<String> format, InterlockRule rule) {
        this.source = source;
        this.quantity = quantity;
        this.format = format;
        this.rule = rule;
        this.setpoint = rule.setpoint();
    }

    /** The stack pressure's interlock under {@code rule}, or {@code null} for none. */
    static Interlock pressure(InterlockRule rule) {
        return rule == null ? null : new Interlock(HoldSources.PRESSURE_INTERLOCK, "pressure", Texts::pressure, rule);
    }

    /** The chamber temperature's interlock under {@code rule}, or {@code null} for none. */
    static Interlock chamberTemperature(InterlockRule rule) {
        return rule == null ? null : new Interlock(HoldSources.TEMPERATURE_INTERLOCK, "chamber temperature",
                v -> Texts.number(v) + " °C", rule);
    }

    /** The protocol set the quantity; followed unless the rule fixes its own set point. */
    void protocolSet(double value) {
        if (Double.isNaN(rule.setpoint())) {
            setpoint = value;
        }
    }

    /** Not watched while the protocol's own step waits for the quantity to settle. */
    void suspend(boolean now, Holds holds) {
        suspended = now;
        if (now && holding) {
            holding = false;
            holds.release(source);
        }
    }

    /** One read of the quantity at {@code time}; holds or releases the run as the band says. */
    void offer(double value, double time, Holds holds) {
        if (suspended || Double.isNaN(setpoint) || Double.isNaN(value)) {
            return;
        }
        double off = Math.abs(value - setpoint);
        if (!holding) {
            if (off > rule.tolerance()) {
                holding = true;
                clearSince = Double.NaN;
                holds.hold(source, quantity + " " + format.apply(value) + " is outside " + format.apply(setpoint)
                        + " ± " + format.apply(rule.tolerance()) + "; resumes after "
                        + Texts.number(rule.settleSecond()) + " s within ± " + format.apply(rule.resumeWithin()));
            }
            return;
        }
        if (off <= rule.resumeWithin()) {
            if (Double.isNaN(clearSince)) {
                clearSince = time;
            }
            if (time - clearSince >= rule.settleSecond() - StepEnds.TIME_EPSILON_SECOND) {
                holding = false;
                holds.release(source);
            }
        } else {
            clearSince = Double.NaN;
        }
    }
}
