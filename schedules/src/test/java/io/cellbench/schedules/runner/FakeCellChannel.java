package io.cellbench.schedules.runner;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic cell on a deterministic channel, for exact assertions: open-circuit
 * voltage linear in charge ({@code ocv0 + slope·q}), a series resistance, optionally one RC
 * pair. Under constant current the state is advanced exactly; under voltage, power,
 * resistance or a clamped current it is advanced in 10 ms steps. The state catches up with
 * the clock whenever the channel is commanded or read.
 */
final class FakeCellChannel implements CyclerChannel {
    private static final double SUBSTEP_SECOND = 0.01;

    private final LabClock clock;
    private final double ocv0;
    private final double slopeVoltPerAh;
    private final double r0;
    private final double r1;
    private final double tau1;
    private double maxCurrentAmpere = 0.1;
    private double temperatureCelsius = Double.NaN;
    private boolean clampBroken;

    private double chargeAh;
    private double v1;
    private double lastTime;
    private ChannelCommand command = new ChannelCommand.OpenCircuit();
    private final List<ChannelCommand> applied = new ArrayList<>();
    private long reads;

    /** OCV {@code ocv0 + slope·q}, series resistance {@code r0}; no RC pair. */
    FakeCellChannel(LabClock clock, double ocv0, double slopeVoltPerAh, double r0) {
        this(clock, ocv0, slopeVoltPerAh, r0, 0, 1);
    }

    FakeCellChannel(LabClock clock, double ocv0, double slopeVoltPerAh, double r0, double r1, double tau1) {
        this.clock = clock;
        this.ocv0 = ocv0;
        this.slopeVoltPerAh = slopeVoltPerAh;
        this.r0 = r0;
        this.r1 = r1;
        this.tau1 = tau1;
        this.lastTime = clock.nowUnixSeconds();
    }

    /**
     * The standard test cell: 3.0 V at rest, +3.6 V per mAh (3600 V/Ah), 10 Ω. At 1 mA the voltage is
     * 3.01 V at once and rises by exactly 1 mV per second.
     */
    static FakeCellChannel standard(LabClock clock) {
        return new FakeCellChannel(clock, 3.0, 3600.0, 10.0);
    }

    FakeCellChannel maxCurrent(double ampere) {
        this.maxCurrentAmpere = ampere;
        return this;
    }

    /** A channel whose voltage clamp has failed: constant current and power ignore it. */
    FakeCellChannel breakClamp() {
        this.clampBroken = true;
        return this;
    }

    FakeCellChannel temperature(double celsius) {
        this.temperatureCelsius = celsius;
        return this;
    }

    @Override
    public String name() {
        return "fake-channel";
    }

    @Override
    public String identify() {
        return "cellbench fake cell channel";
    }

    @Override
    public void apply(ChannelCommand newCommand) {
        advance();
        command = newCommand;
        applied.add(newCommand);
    }

    @Override
    public ChannelReading read() {
        advance();
        reads++;
        double i = current();
        return new ChannelReading(ocv() + v1 + i * r0, i, temperatureCelsius);
    }

    @Override
    public double maxCurrentAmpere() {
        return maxCurrentAmpere;
    }

    @Override
    public void close() {
        apply(new ChannelCommand.OpenCircuit());
    }

    List<ChannelCommand> applied() {
        return applied;
    }

    ChannelCommand command() {
        return command;
    }

    long reads() {
        return reads;
    }

    double chargeAh() {
        return chargeAh;
    }

    private double ocv() {
        return ocv0 + slopeVoltPerAh * chargeAh;
    }

    private void advance() {
        double now = clock.nowUnixSeconds();
        double dt = now - lastTime;
        lastTime = now;
        if (dt <= 0) {
            return;
        }
        if (command instanceof ChannelCommand.Current cc && exactConstantCurrent(cc, dt)) {
            return;
        }
        if (command instanceof ChannelCommand.OpenCircuit) {
            relax(0, dt);
            return;
        }
        int n = (int) Math.ceil(dt / SUBSTEP_SECOND);
        double h = dt / n;
        for (int k = 0; k < n; k++) {
            double i = current();
            chargeAh += i * h / 3600;
            relax(i, h);
        }
    }

    /** Constant current that stays inside its voltage clamp: advanced in one exact step. */
    private boolean exactConstantCurrent(ChannelCommand.Current cc, double dt) {
        double q = chargeAh + cc.ampere() * dt / 3600;
        double v = r1 > 0 ? cc.ampere() * r1 + (v1 - cc.ampere() * r1) * Math.exp(-dt / tau1) : 0;
        double terminal = ocv0 + slopeVoltPerAh * q + v + cc.ampere() * r0;
        if (!clampBroken && (terminal < cc.minVolt() || terminal > cc.maxVolt())) {
            return false;
        }
        chargeAh = q;
        v1 = v;
        return true;
    }

    private void relax(double i, double h) {
        if (r1 > 0) {
            v1 = i * r1 + (v1 - i * r1) * Math.exp(-h / tau1);
        }
    }

    /** The current the command draws from the cell in its present state. */
    private double current() {
        double e = ocv() + v1;
        return switch (command) {
            case ChannelCommand.OpenCircuit oc -> 0;
            case ChannelCommand.Current cc -> clamp(cc.ampere(), e, cc.minVolt(), cc.maxVolt());
            case ChannelCommand.Voltage cv -> Math.max(-cv.maxAmpere(), Math.min(cv.maxAmpere(), (cv.volt() - e) / r0));
            case ChannelCommand.Power p -> {
                // r0·I² + e·I − P = 0, the root near P/e, written to stay accurate for small P.
                double i = 2 * p.watt() / (e + Math.sqrt(Math.max(0, e * e + 4 * r0 * p.watt())));
                yield clamp(i, e, p.minVolt(), p.maxVolt());
            }
            case ChannelCommand.Resistance r -> -e / (r.ohm() + r0);
        };
    }

    /** A source that would drive the terminal voltage out of its clamp holds the clamp voltage instead. */
    private double clamp(double i, double e, double minVolt, double maxVolt) {
        if (clampBroken) {
            return i;
        }
        double terminal = e + i * r0;
        if (terminal > maxVolt) {
            return Math.min(i, Math.max(0, (maxVolt - e) / r0));
        }
        if (terminal < minVolt) {
            return Math.max(i, Math.min(0, (minVolt - e) / r0));
        }
        return i;
    }
}
