package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Step.EisMode;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a step as a sentence that {@link StepGrammar} reads back to an equal step (apart from
 * its location and text): "Charge at C/10 until 3.7 V then hold until C/50". Values are
 * printed exactly (shortest decimal of the double), operators only where they differ from the
 * implicit ones. A {@link Step.Repeat} prints as its header, "Repeat 3 times".
 */
public final class StepText {

    private StepText() {
    }

    public static String format(Step step) {
        return switch (step) {
            case Step.Rest r -> "Rest" + duration(r.durationSecond()) + until(r.until(), null)
                    + period(r.periodSecond());
            case Step.Drive d -> verb(d.kind()) + " at " + setPoint(d.control(), d.value())
                    + duration(d.durationSecond()) + until(d.until(), d.kind())
                    + thenHold(d) + period(d.periodSecond());
            case Step.Eis e -> (e.mode() == EisMode.POTENTIOSTATIC ? "PEIS" : "GEIS") + " from "
                    + number(e.startHz()) + " Hz to " + number(e.endHz()) + " Hz at " + number(e.amplitude())
                    + (e.mode() == EisMode.POTENTIOSTATIC ? " V" : " A") + ", " + e.pointsPerDecade()
                    + " points per decade";
            case Step.SetPressure p -> "Set pressure to " + number(p.pascal()) + " Pa" + wait(p.waitUntilStable());
            case Step.SetTemperature t -> "Set temperature to " + number(t.celsius()) + " °C"
                    + wait(t.waitUntilStable());
            case Step.Repeat r -> "Repeat " + r.times() + (r.times() == 1 ? " time" : " times");
        };
    }

    /** One termination as written in an "until" list, with its operator. */
    public static String format(Termination t) {
        return t.op().symbol() + " " + value(t.measure(), t.value());
    }

    private static String verb(DriveKind kind) {
        String s = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String setPoint(Control control, double v) {
        return switch (control) {
            case CURRENT -> number(v) + " A";
            case C_RATE -> new Quantity(v, Dimension.C_RATE).toString();
            case POWER -> number(v) + " W";
            case RESISTANCE -> number(v) + " Ohm";
            case VOLTAGE -> number(v) + " V";
        };
    }

    private static String duration(Double seconds) {
        return seconds == null ? "" : " for " + time(seconds);
    }

    private static String period(Double seconds) {
        return seconds == null ? "" : " (" + time(seconds) + " period)";
    }

    private static String wait(boolean wait) {
        return wait ? " and wait until stable" : "";
    }

    /** "until 3.7 V or 5 h"; {@code kind} is null for a rest. */
    private static String until(List<Termination> terms, DriveKind kind) {
        if (terms.isEmpty()) {
            return "";
        }
        return " until " + terms.stream().map(t -> {
            Op implicit = implicit(t.measure(), kind);
            return (t.op() == implicit ? "" : t.op().symbol() + " ") + value(t.measure(), t.value());
        }).collect(Collectors.joining(" or "));
    }

    /** The operator the parser supplies when none is written; null where one must be written. */
    private static Op implicit(Measure m, DriveKind kind) {
        return switch (m) {
            case VOLTAGE -> kind == null ? null : kind == DriveKind.CHARGE ? Op.AT_LEAST : Op.AT_MOST;
            case CURRENT, C_RATE -> Op.AT_MOST;
            case CAPACITY, ENERGY, TIME -> Op.AT_LEAST;
        };
    }

    private static String thenHold(Step.Drive d) {
        Step.CvHold h = d.thenHold();
        if (h == null) {
            return "";
        }
        List<Termination> voltages = d.until().stream().filter(t -> t.measure() == Measure.VOLTAGE).toList();
        boolean implied = voltages.size() == 1 && voltages.getFirst().value() == h.volt();
        // The hold has the implicit operators of a voltage-controlled step (|I| <= x, time >= x).
        return " then hold" + (implied ? "" : " at " + number(h.volt()) + " V")
                + until(h.until(), DriveKind.HOLD);
    }

    private static String value(Measure m, double v) {
        return switch (m) {
            case VOLTAGE -> number(v) + " V";
            case CURRENT -> number(v) + " A";
            case C_RATE -> new Quantity(v, Dimension.C_RATE).toString();
            case CAPACITY -> number(v) + " Ah";
            case ENERGY -> number(v) + " Wh";
            case TIME -> time(v);
        };
    }

    /** Whole hours or minutes where exact ("2 h", "10 min"), else seconds. */
    static String time(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0 && seconds < 1e15) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0 && seconds < 1e15) {
            return (long) (seconds / 60) + " min";
        }
        return number(seconds) + " s";
    }

    /**
     * A value for messages, in the unit people use for it: "125 MPa", "20 mA", "5 mV". Not
     * for round trips ({@link #number} is).
     */
    static String readable(double v, String unit) {
        if (!Double.isFinite(v)) {
            return number(v) + " " + unit;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(number(v));
        double a = Math.abs(v);
        if (unit.equals("Pa") && a >= 1e5) {
            return plain(d.movePointLeft(6)) + " MPa";
        }
        if ((unit.equals("A") || unit.equals("V")) && a > 0 && a < 1) {
            return a >= 1e-3 ? plain(d.movePointRight(3)) + " m" + unit : plain(d.movePointRight(6)) + " u" + unit;
        }
        return plain(d) + " " + unit;
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Shortest decimal that reads back to the same double, without a trailing ".0". */
    static String number(double v) {
        String s = Double.toString(v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.replace('E', 'e');
    }
}
