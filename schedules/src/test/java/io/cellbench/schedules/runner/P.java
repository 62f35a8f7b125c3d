package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds protocols for tests; every step gets its own line in "test.cbp". */
final class P {
    static final String FILE = "test.cbp";
    private static final AtomicInteger LINE = new AtomicInteger(1);

    private P() {
    }

    static SourceLocation at() {
        return new SourceLocation(FILE, LINE.getAndIncrement(), 1);
    }

    static Step.Rest rest(double seconds) {
        return new Step.Rest(at(), "Rest for " + seconds + " s", seconds, List.of(), null);
    }

    static Step.Rest rest(Double seconds, Termination... until) {
        return new Step.Rest(at(), "Rest", seconds, List.of(until), null);
    }

    static Step.Drive drive(DriveKind kind, Control control, double value, Double seconds, Termination... until) {
        return new Step.Drive(at(), kind + " at " + value + " " + control, kind, control, value, seconds,
                List.of(until), null, null);
    }

    static Step.Drive charge(double ampere, Termination... until) {
        return drive(DriveKind.CHARGE, Control.CURRENT, ampere, null, until);
    }

    static Step.Drive chargeFor(double ampere, double seconds, Termination... until) {
        return drive(DriveKind.CHARGE, Control.CURRENT, ampere, seconds, until);
    }

    static Step.Drive discharge(double ampere, Termination... until) {
        return drive(DriveKind.DISCHARGE, Control.CURRENT, ampere, null, until);
    }

    static Step.Drive dischargeFor(double ampere, double seconds, Termination... until) {
        return drive(DriveKind.DISCHARGE, Control.CURRENT, ampere, seconds, until);
    }

    static Step.Drive hold(double volt, Termination... until) {
        return drive(DriveKind.HOLD, Control.VOLTAGE, volt, null, until);
    }

    static Step.Drive withPeriod(Step.Drive d, double periodSecond) {
        return new Step.Drive(d.at(), d.text(), d.kind(), d.control(), d.value(), d.durationSecond(), d.until(),
                d.thenHold(), periodSecond);
    }

    static Step.Drive ccCv(DriveKind kind, double ampere, Double seconds, List<Termination> ccUntil, double holdVolt,
                           Termination... cvUntil) {
        return new Step.Drive(at(), kind + " at " + ampere + " A then hold at " + holdVolt + " V", kind,
                Control.CURRENT, ampere, seconds, ccUntil, new Step.CvHold(holdVolt, List.of(cvUntil)), null);
    }

    static Step.Repeat repeat(int times, Step... steps) {
        return new Step.Repeat(at(), "Repeat " + times + " times:", times, List.of(steps));
    }

    static Step.Eis eis() {
        return new Step.Eis(at(), "EIS from 100 kHz to 1 Hz, 10 mV", Step.EisMode.POTENTIOSTATIC, 1e5, 1, 0.01, 5);
    }

    static Step.SetPressure pressure(double pascal, boolean wait) {
        return new Step.SetPressure(at(), "Set pressure to " + pascal + " Pa", pascal, wait);
    }

    static Step.SetTemperature temperature(double celsius, boolean wait) {
        return new Step.SetTemperature(at(), "Set temperature to " + celsius + " °C", celsius, wait);
    }

    static Termination volt(Op op, double v) {
        return new Termination(Measure.VOLTAGE, op, v);
    }

    static Termination ampere(double a) {
        return new Termination(Measure.CURRENT, Op.AT_MOST, a);
    }

    static Termination cRate(double c) {
        return new Termination(Measure.C_RATE, Op.AT_MOST, c);
    }

    static Termination capacity(double ah) {
        return new Termination(Measure.CAPACITY, Op.AT_LEAST, ah);
    }

    static Termination energy(double wh) {
        return new Termination(Measure.ENERGY, Op.AT_LEAST, wh);
    }

    static Termination time(double s) {
        return new Termination(Measure.TIME, Op.AT_LEAST, s);
    }

    /** Records only at step start and end (Δt, ΔV, ΔI disabled), sampling every second. */
    static final LoggingRule ENDS_ONLY = new LoggingRule(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, 1);

    /** Records every sample. */
    static final LoggingRule EVERY_SAMPLE = new LoggingRule(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1);

    static SafetyLimits limits(double vMin, double vMax, double iMin, double iMax) {
        return new SafetyLimits(new Range(vMin, vMax), new Range(iMin, iMax), Range.UNBOUNDED, Range.UNBOUNDED);
    }

    /** 2.0–4.0 V, ±50 mA: wide enough for the standard fake cell in every test that does not test safety. */
    static final SafetyLimits WIDE = limits(2.0, 4.0, -0.05, 0.05);

    static Protocol protocol(SafetyLimits limits, LoggingRule logging, Step... steps) {
        return new Protocol("test", "test.cbp", limits, logging, List.of(steps));
    }

    static Protocol protocol(Step... steps) {
        return protocol(WIDE, ENDS_ONLY, steps);
    }
}
