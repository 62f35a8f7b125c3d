package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.VoltageClamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything runs, that a protocol can run on a cell as it is wired: every
 * instrument a step needs is there, every value is usable, every step can end, no set
 * point lies outside the safety window. Problems name the step's file:line:column.
 * Warnings (a limit no instrument measures) do not stop the run.
 *
 * <p>{@link #forCell} runs the same checks without instruments, for {@code validate} and for
 * a schedule before its run starts: the cell's capacity turns C-rates into currents, and a
 * lab file's declared channel range stands in for the channel.
 */
public final class ProtocolCheck {

    /** What the check found; the run may start only when {@link #problems} is empty. */
    public record Findings(List<String> problems, List<String> warnings, List<Problem> located) {
        public Findings {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            located = List.copyOf(located);
        }

        public Findings(List<String> problems, List<String> warnings) {
            this(problems, warnings, List.of());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * One problem with the step it is about ({@code null} for the protocol as a whole);
     * {@code channel} is true when it is about what the channel can do rather than the protocol.
     */
    public record Problem(Step step, String message, boolean channel) {
    }

    private final CellSetup setup;
    private final CellInfo cell;
    private final String channelName;
    private final double channelMaxAmpere;
    private final SafetyWindow window;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Problem> located = new ArrayList<>();

    /** {@code setup} null: no instruments are known (only the protocol, the cell and the channel's range). */
    private ProtocolCheck(CellSetup setup, Protocol protocol, CellInfo cell, String channelName, double channelMaxAmpere) {
        this.setup = setup;
        this.cell = cell;
        this.channelName = channelName;
        this.channelMaxAmpere = channelMaxAmpere;
        this.window = new SafetyWindow(protocol.limits());
    }

    public static Findings check(CellSetup setup) {
        ProtocolCheck c = new ProtocolCheck(setup, setup.protocol(), setup.cell(), setup.channel().name(),
                setup.channel().maxCurrentAmpere());
        c.protocol(setup.protocol());
        return new Findings(c.problems, c.warnings, c.located);
    }

    /**
     * The checks that need no instrument: the protocol on this cell, on a channel that sources
     * at most {@code channelMaxAmpere} (infinity when the channel is not known yet).
     */
    public static Findings forCell(Protocol protocol, CellInfo cell, String channelName, double channelMaxAmpere) {
        ProtocolCheck c = new ProtocolCheck(null, protocol, cell, channelName, channelMaxAmpere);
        c.protocol(protocol);
        return new Findings(c.problems, c.warnings, c.located);
    }

    private void protocol(Protocol p) {
        String name = "protocol '" + p.name() + "'";
        LoggingRule log = p.logging() == null ? LoggingRule.DEFAULT : p.logging();
        if (!(log.samplePeriodSecond() > 0) || Double.isInfinite(log.samplePeriodSecond())) {
            whole(name + ": the sample period must be a positive number of seconds, got "
                    + log.samplePeriodSecond());
        }
        if (!(log.periodSecond() >= 0) || !(log.deltaVolt() >= 0) || !(log.deltaAmpere() >= 0)) {
            whole(name + ": the logging rule's period, ΔV and ΔI must be >= 0 (infinite disables one), got "
                    + log.periodSecond() + " s, " + log.deltaVolt() + " V, " + log.deltaAmpere() + " A");
        }
        SafetyLimits l = p.limits() == null ? SafetyLimits.NONE : p.limits();
        range(name, "voltage", l.voltage());
        range(name, "current", l.current());
        range(name, "temperature", l.temperatureCelsius());
        range(name, "pressure", l.pressure());
        if (setup != null) {
            wiringWarnings(name);
        }
        if (p.steps().isEmpty()) {
            whole(name + ": has no steps");
        }
        steps(p.steps());
    }

    private void wiringWarnings(String name) {
        if (!window.pressure().isUnbounded() && setup.pressureFixture() == null) {
            warnings.add(name + ": a pressure limit is set but cell " + cell.id()
                    + " has no pressure fixture, so it cannot be checked");
        }
        Coordination c = setup.coordination();
        if (c.pressureInterlock() != null && setup.pressureFixture() == null) {
            warnings.add("a pressure interlock is set but cell " + cell.id()
                    + " has no pressure fixture, so nothing pauses it for the pressure");
        }
        if (c.temperatureInterlock() != null && setup.chamber() == null) {
            warnings.add("a temperature interlock is set but cell " + cell.id()
                    + " has no chamber, so nothing pauses it for the temperature");
        }
    }

    private void range(String name, String what, Range r) {
        if (r != null && (Double.isNaN(r.min()) || Double.isNaN(r.max()) || r.min() > r.max())) {
            whole(name + ": the " + what + " safety window [" + r.min() + ", " + r.max() + "] is empty");
        }
    }

    private void steps(List<Step> steps) {
        for (Step step : steps) {
            switch (step) {
                case Step.Rest rest -> rest(rest);
                case Step.Drive drive -> drive(drive);
                case Step.Eis eis -> eis(eis);
                case Step.SetPressure set -> setPressure(set);
                case Step.SetTemperature set -> setTemperature(set);
                case Step.Repeat repeat -> repeat(repeat);
            }
        }
    }

    private void rest(Step.Rest rest) {
        duration(rest, rest.durationSecond());
        period(rest, rest.periodSecond());
        terminations(rest, rest.until(), null);
        if (rest.durationSecond() == null && rest.until().isEmpty()) {
            problem(rest, "has no end: add 'for <duration>' or 'until <condition>'");
        }
    }

    private void drive(Step.Drive d) {
        duration(d, d.durationSecond());
        period(d, d.periodSecond());
        terminations(d, d.until(), d.kind());
        if (!(d.value() > 0) || Double.isInfinite(d.value())) {
            problem(d, "the set point must be a positive number, got " + d.value());
            return;
        }
        if (d.kind() == Step.DriveKind.HOLD && d.control() != Step.Control.VOLTAGE) {
            problem(d, "a hold needs a voltage set point (Hold at 4.2 V)");
        }
        if (d.control() == Step.Control.RESISTANCE && d.kind() != Step.DriveKind.DISCHARGE) {
            problem(d, "a resistance can only discharge the cell");
        }
        switch (d.control()) {
            case CURRENT, C_RATE -> {
                current(d, DriveCommands.sourceAmpere(d, cell));
                clampWindow(d);
            }
            case POWER -> clampWindow(d);
            case VOLTAGE -> {
                voltage(d, d.value());
                voltageCurrentLimit(d);
            }
            case RESISTANCE -> {
                // The current follows from the cell's voltage; the safety window catches excess.
            }
        }
        if (d.thenHold() != null) {
            cvHold(d);
        } else if (d.durationSecond() == null && d.until().isEmpty()) {
            problem(d, "has no end: add 'for <duration>' or 'until <condition>'");
        }
    }

    private void cvHold(Step.Drive d) {
        Step.CvHold hold = d.thenHold();
        if (d.kind() == Step.DriveKind.HOLD || d.control() == Step.Control.VOLTAGE
                || d.control() == Step.Control.RESISTANCE) {
            problem(d, "a constant-voltage phase can only follow a constant-current or constant-power charge or discharge");
        }
        if (!(hold.volt() > 0) || Double.isInfinite(hold.volt())) {
            problem(d, "the hold voltage must be a positive number, got " + hold.volt());
        } else {
            voltage(d, hold.volt());
        }
        if (d.control() != Step.Control.VOLTAGE) {
            voltageCurrentLimit(d);
        }
        terminations(d, hold.until(), d.kind());
        if (d.durationSecond() == null && hold.until().isEmpty()) {
            problem(d, "the constant-voltage phase has no end: add 'until <current>' or 'for <duration>'");
        }
    }

    private void current(Step.Drive d, double signedAmpere) {
        double max = channelMaxAmpere;
        if (Math.abs(signedAmpere) > max) {
            channelProblem(d, "needs " + Texts.number(Math.abs(signedAmpere)) + " A but channel "
                    + channelName + " can source at most " + Texts.number(max) + " A");
        }
        if (!window.current().contains(signedAmpere)) {
            problem(d, "the current " + Texts.number(signedAmpere) + " A lies outside the safety window ["
                    + Texts.number(window.current().min()) + ", " + Texts.number(window.current().max()) + "] A");
        }
    }

    /**
     * Constant current and power are clamped by the channel to the safety voltage window: the
     * protocol loader applies the same rule ({@link VoltageClamp}), so {@code validate} refuses
     * what this refuses.
     */
    private void clampWindow(Step.Drive d) {
        String problem = VoltageClamp.problem(d.control(), window.voltage());
        if (problem != null) {
            problem(d, problem + "; " + VoltageClamp.HINT);
        }
    }

    /** A constant-voltage phase may draw the channel's rating, within the safety limit in its direction. */
    private void voltageCurrentLimit(Step.Drive d) {
        if (!(DriveCommands.voltageLimitAmpere(d.kind(), window, channelMaxAmpere) > 0)) {
            problem(d, "the safety current window [" + Texts.number(window.current().min()) + ", "
                    + Texts.number(window.current().max()) + "] A allows no current for this step");
        }
    }

    private void voltage(Step step, double volt) {
        if (!window.voltage().contains(volt)) {
            problem(step, "the voltage " + Texts.number(volt) + " V lies outside the safety window ["
                    + Texts.number(window.voltage().min()) + ", " + Texts.number(window.voltage().max()) + "] V");
        }
    }

    private void eis(Step.Eis eis) {
        if (setup != null && setup.eisAnalyzer() == null) {
            problem(eis, "needs an impedance analyzer, but cell " + cell.id() + " has none");
        }
        if (!(eis.startHz() > 0) || !(eis.endHz() > 0) || Double.isInfinite(eis.startHz())
                || Double.isInfinite(eis.endHz())) {
            problem(eis, "frequencies must be positive, got " + eis.startHz() + " Hz to " + eis.endHz() + " Hz");
        }
        if (eis.pointsPerDecade() < 1) {
            problem(eis, "needs at least 1 point per decade, got " + eis.pointsPerDecade());
        }
        if (!(eis.amplitude() > 0) || Double.isInfinite(eis.amplitude())) {
            problem(eis, "the amplitude must be positive, got " + eis.amplitude());
        }
    }

    private void setPressure(Step.SetPressure set) {
        if (setup == null) {
            // the fixture is not known here: the lab check and the run's own check look at it
        } else if (setup.pressureFixture() == null) {
            problem(set, "needs a pressure fixture, but cell " + cell.id() + " has none");
        } else if (!setup.pressureFixture().canSetPressure()) {
            problem(set, "fixture " + setup.pressureFixture().name()
                    + " is passive and cannot set a pressure; set it by hand and remove this step");
        }
        if (!(set.pascal() > 0) || Double.isInfinite(set.pascal())) {
            problem(set, "the pressure must be positive, got " + set.pascal() + " Pa");
        } else if (!window.pressure().contains(set.pascal())) {
            problem(set, "the pressure " + Texts.pressure(set.pascal()) + " lies outside the safety window ["
                    + Texts.pressure(window.pressure().min()) + ", " + Texts.pressure(window.pressure().max()) + "]");
        }
    }

    private void setTemperature(Step.SetTemperature set) {
        if (setup != null && setup.chamber() == null) {
            problem(set, "needs a temperature chamber, but cell " + cell.id() + " has none");
        }
        if (Double.isNaN(set.celsius()) || Double.isInfinite(set.celsius())) {
            problem(set, "the temperature must be a number, got " + set.celsius());
        } else if (!window.temperature().contains(set.celsius())) {
            problem(set, "the temperature " + Texts.number(set.celsius()) + " °C lies outside the safety window ["
                    + Texts.number(window.temperature().min()) + ", " + Texts.number(window.temperature().max()) + "] °C");
        }
    }

    private void repeat(Step.Repeat repeat) {
        if (repeat.times() < 1) {
            problem(repeat, "must repeat at least once, got " + repeat.times());
        }
        if (repeat.steps().isEmpty()) {
            problem(repeat, "has no steps to repeat");
        }
        steps(repeat.steps());
    }

    private void duration(Step step, Double seconds) {
        if (seconds != null && (!(seconds > 0) || Double.isInfinite(seconds))) {
            problem(step, "the duration must be a positive number of seconds, got " + seconds);
        }
    }

    private void period(Step step, Double seconds) {
        if (seconds != null && !(seconds >= 0)) {
            problem(step, "the logging period must be >= 0 s, got " + seconds);
        }
    }

    private void terminations(Step step, List<Termination> until, Step.DriveKind kind) {
        for (Termination t : until) {
            if (t.measure() == null) {
                problem(step, "a termination has no measure");
                continue;
            }
            if (!(t.value() >= 0) || Double.isInfinite(t.value())) {
                problem(step, "the " + t.measure().name().toLowerCase(java.util.Locale.ROOT)
                        + " termination needs a finite value >= 0, got " + t.value());
            }
            if (t.measure() == Termination.Measure.VOLTAGE && !window.voltage().contains(t.value())) {
                // Current and power are clamped to the window, so the step would sit at the
                // clamp forever; on a rest only a safety trip could get there.
                problem(step, "the voltage cut-off " + Texts.number(t.value()) + " V lies outside the safety window ["
                        + Texts.number(window.voltage().min()) + ", " + Texts.number(window.voltage().max())
                        + "] V and could never be reached");
            }
            Termination.Op op = StepEnds.resolveOp(t, kind);
            if (op == null) {
                problem(step, "the voltage termination needs '>=' or '<=': it cannot be implied on a "
                        + (kind == null ? "rest" : "hold"));
            } else if (t.measure() == Termination.Measure.TIME && op == Termination.Op.AT_MOST) {
                problem(step, "'time <=' would end the step at once; write a duration ('for 1 h')");
            }
        }
    }

    private void problem(Step step, String message) {
        problems.add(Texts.where(step) + ": " + message);
        located.add(new Problem(step, message, false));
    }

    private void channelProblem(Step step, String message) {
        problems.add(Texts.where(step) + ": " + message);
        located.add(new Problem(step, message, true));
    }

    /** A problem with the protocol as a whole (its window, its logging rule). */
    private void whole(String message) {
        problems.add(message);
        located.add(new Problem(null, message, false));
    }
}
