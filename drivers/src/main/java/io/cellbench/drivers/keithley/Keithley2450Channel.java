package io.cellbench.drivers.keithley;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.scpi.ScpiSession;
import io.cellbench.drivers.transport.WireText;
import java.util.List;
import java.util.Objects;

/**
 * A Keithley 2450 SourceMeter driven as one cycler channel, in its native SCPI command set.
 *
 * <p><b>Sign.</b> The 2450 counts current positive when it flows out of FORCE HI; with HI on
 * the cell's positive terminal that is charging (User's Manual, "Rechargeable battery
 * measurements": charge current positive, discharge current negative). That is cellbench's
 * convention too, so values pass unchanged.
 *
 * <p><b>Setpoints.</b> Every setpoint is sent as a complete, absolute sequence — limit and level
 * of the target function first, then the function, the sense function, {@code :OUTP ON} — so
 * that the instrument never sources the new function at a stale level, and the sequence can be
 * sent again after a failure without harm. The error queue is read after each one.
 * <ul>
 * <li>CC: {@code :SOUR:CURR:VLIM <max V>}, {@code :SOUR:CURR <A>}, {@code :SOUR:FUNC CURR},
 *     {@code :SENS:FUNC "VOLT"}. The 2450's VLIM limits |V|, so it clamps the charge side in
 *     hardware; on discharge the floor ({@code minVolt}) is kept by the driver: the first read at
 *     or below it switches to a voltage hold at the floor, limited to the same current — what a
 *     cycler's compliance does, one sampling period late. Should the hold start to charge the
 *     cell (its open-circuit voltage fell below the floor), the next read sets 0 A instead: a
 *     compliance limits a current, it never reverses it.</li>
 * <li>CV: {@code :SOUR:VOLT:ILIM <A>}, {@code :SOUR:VOLT <V>}, {@code :SOUR:FUNC VOLT},
 *     {@code :SENS:FUNC "CURR"}.</li>
 * <li>Rest: see {@link RestMode}; {@code zero-current} sources 0 A and keeps measuring the cell,
 *     {@code open-relay} switches the output off with the relay open
 *     ({@code :OUTP:CURR:SMOD HIMP}, {@code :OUTP:VOLT:SMOD HIMP} set at open, then {@code :OUTP OFF}).
 *     Output off sets the 2450's sense to 2-wire, so the next setpoint sets 4-wire sense again
 *     ({@code :SENS:VOLT:RSEN ON}, {@code :SENS:CURR:RSEN ON}) before {@code :OUTP ON}.</li>
 * <li>CP and constant resistance are emulated (the 2450 has neither): the driver sources the
 *     current {@code P/V} (or {@code -V/R}) computed from the last measured voltage and corrects
 *     it on every {@link #read()} (CP also once right after the setpoint, for the I·R step), so
 *     the power or load is held to within the change of V over one sampling period. CP keeps the
 *     same discharge floor as CC.</li>
 * </ul>
 *
 * <p><b>Readings.</b> One {@code :READ? "defbuffer1", READ, SOUR} per {@link #read()}: one trigger gives the
 * measured sense value and the source readback (measured, with {@code :SOUR:…:READ:BACK ON}),
 * so V and I are taken together in one round trip, without switching the measure function.
 * Every reading also lands in the default buffer; the driver clears it at open and every
 * {@value Keithley2450Source#CLEAR_BUFFER_EVERY} readings, since a full buffer is a known pain on long runs.
 *
 * <p>Thread-safe: every call holds the session's lock.
 */
public final class Keithley2450Channel implements CyclerChannel {

    static final String READ_QUERY = Keithley2450Source.READ_QUERY;
    private static final String OUTPUT_OFF = ":OUTP OFF";
    /** A CP or resistance current is re-sent when it moved by more than this fraction. */
    private static final double EMULATION_TOLERANCE = 1e-4;
    /** The 2450 accepts no VLIM below this. */
    private static final double MIN_VOLTAGE_LIMIT = 0.02;

    /** What the source is doing, as far as the driver's own logic is concerned. */
    private sealed interface Regime {
        record Resting(boolean relayOpen) implements Regime {
        }

        /** Current source; {@code floor} is NaN unless a discharge must not go below it. */
        record SourcingCurrent(double ampere, double floor) implements Regime {
        }

        record HoldingVoltage(double volt, double limitAmpere) implements Regime {
        }

        /** A discharge clamped at its floor: a voltage hold that must not turn into a charge. */
        record HoldingFloor(double volt, double limitAmpere) implements Regime {
        }

        record ConstantPower(double watt, double floor, double voltageLimit, double ampere) implements Regime {
        }

        record ConstantResistance(double ohm, double ampere) implements Regime {
        }
    }

    private final String name;
    private final ScpiSession session;
    private final Keithley2450Settings settings;
    private final Keithley2450Source source;
    private String identity;
    private List<VerifiedFact> verified = List.of();
    private Regime regime = new Regime.Resting(true);
    private boolean closed;

    private Keithley2450Channel(String name, ScpiSession session, Keithley2450Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.session = Objects.requireNonNull(session, "session");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.source = new Keithley2450Source(session, settings.fourWire());
    }

    /**
     * Connects, checks that a 2450 answers, resets it ({@code *RST}, {@code *CLS},
     * {@code :TRAC:CLE}), selects the relay-open output-off state, source readback and the
     * sense wiring, reads the error queue and rests the cell. On failure the link is closed.
     */
    public static Keithley2450Channel open(ScpiSession session, Keithley2450Settings settings) {
        Keithley2450Channel channel = new Keithley2450Channel(session.instrument(), session, settings);
        try {
            session.connect();
            channel.initialise();
            return channel;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void initialise() {
        session.exclusive(() -> {
            Keithley2450Identity id = Keithley2450Identity.check(name, session);
            identity = id.idn();
            verified = id.facts();
            source.reset();
            rest();
        });
    }

    /** What the open checked: model and serial, firmware, command language. */
    @Override
    public List<VerifiedFact> verified() {
        return verified;
    }

    @Override
    public void apply(ChannelCommand command) {
        Objects.requireNonNull(command, "command");
        limits().require(name, command);
        session.exclusive(() -> {
            requireOpen(command.describe());
            session.firstOnReconnect(null); // a new setpoint: a link that comes back goes on with it
            switch (command) {
                case ChannelCommand.OpenCircuit o -> rest();
                case ChannelCommand.Current c -> {
                    source.sourceCurrent(c.ampere(), voltageLimit(c.maxVolt()));
                    regime = new Regime.SourcingCurrent(c.ampere(), c.ampere() < 0 ? c.minVolt() : Double.NaN);
                }
                case ChannelCommand.Voltage v -> holdVoltage(v.volt(), v.maxAmpere());
                case ChannelCommand.Power p -> {
                    double volt = presentVoltage(command.describe());
                    double ampere = clampCurrent(p.watt() / volt);
                    double limit = voltageLimit(p.maxVolt());
                    source.sourceCurrent(ampere, limit);
                    regime = new Regime.ConstantPower(p.watt(), p.watt() < 0 ? p.minVolt() : Double.NaN, limit, ampere);
                    // the I·R step follows the new current at once: correct for it now, not a period later
                    follow(source.measure().voltageVolt(), Double.NaN);
                }
                case ChannelCommand.Resistance r -> {
                    double volt = presentVoltage(command.describe());
                    double ampere = clampCurrent(-volt / r.ohm());
                    source.sourceCurrent(ampere, settings.maxVoltage());
                    regime = new Regime.ConstantResistance(r.ohm(), ampere);
                }
            }
        });
    }

    /**
     * {@code :OUTP OFF} first (sourcing stops before anything else is said), the relay-open
     * off state again (a power-cycled instrument lost it), then {@code :OUTP?} must answer 0.
     * From then on every new link starts with {@code :OUTP OFF}: a link that comes back after
     * a fault finds an instrument that may still be sourcing, and the first thing it hears is
     * to stop. Until a new setpoint is applied.
     */
    @Override
    public void switchOff() {
        session.exclusive(() -> {
            requireOpen(OUTPUT_OFF);
            session.firstOnReconnect(OUTPUT_OFF);
            regime = new Regime.Resting(true);
            session.write(OUTPUT_OFF);
            session.write(":OUTP:CURR:SMOD HIMP");
            session.write(":OUTP:VOLT:SMOD HIMP");
            String state = session.query(":OUTP?").strip();
            if (!state.equals("0") && !state.equalsIgnoreCase("OFF")) {
                throw new InstrumentException(name, ":OUTP?", "the output is still on after " + OUTPUT_OFF
                        + " (the instrument answered " + WireText.quote(state) + ")");
            }
        });
    }

    @Override
    public ChannelReading read() {
        return session.exclusive(() -> {
            requireOpen("read");
            if (regime instanceof Regime.Resting r && r.relayOpen()) {
                // the cell is disconnected: nothing to measure, but a dead link must still show
                session.operationComplete();
                return new ChannelReading(Double.NaN, 0, Double.NaN);
            }
            ChannelReading reading = source.measure();
            follow(reading.voltageVolt(), reading.currentAmpere());
            return reading;
        });
    }

    @Override
    public double maxCurrentAmpere() {
        return settings.maxCurrent();
    }

    @Override
    public ChannelLimits limits() {
        return Keithley2450Limits.of(settings);
    }

    @Override
    public String name() {
        return name;
    }

    /** The answer to {@code *IDN?} at open. */
    @Override
    public String identify() {
        return identity;
    }

    /** Switches the output off with the relay open and closes the link. */
    @Override
    public void close() {
        session.exclusive(() -> {
            if (closed) {
                return;
            }
            closed = true;
            InstrumentException failure = null;
            try {
                // again, in case the instrument was power-cycled and lost the relay-open state
                session.write(":OUTP:CURR:SMOD HIMP");
                session.write(":OUTP:VOLT:SMOD HIMP");
                session.write(":OUTP OFF");
                session.operationComplete();
            } catch (InstrumentException e) {
                failure = e;
            } finally {
                session.close();
            }
            if (failure != null) {
                throw new InstrumentException(name, ":OUTP OFF", "could not confirm the output is off — check the"
                        + " instrument (" + failure.getMessage() + ")", failure);
            }
        });
    }

    /** The session underneath (tests, diagnostics). */
    public ScpiSession session() {
        return session;
    }

    /** Keeps the emulated regimes on track after a reading. */
    private void follow(double volt, double ampere) {
        if (Double.isNaN(volt)) {
            return;
        }
        switch (regime) {
            case Regime.SourcingCurrent c when !Double.isNaN(c.floor()) && volt <= c.floor() ->
                    holdFloor(c.floor(), Math.abs(c.ampere()));
            case Regime.ConstantPower p when !Double.isNaN(p.floor()) && volt <= p.floor() ->
                    holdFloor(p.floor(), Math.abs(p.ampere()));
            case Regime.HoldingFloor f when ampere > 0 -> {
                // the cell's own voltage fell below the floor: a compliance never reverses the
                // current to hold its limit, so the cell is left to float at 0 A
                source.sourceCurrent(0, settings.maxVoltage());
                regime = new Regime.SourcingCurrent(0, Double.NaN);
            }
            case Regime.ConstantPower p -> {
                double next = volt > 0 ? clampCurrent(p.watt() / volt) : p.ampere();
                if (moved(next, p.ampere())) {
                    source.correctCurrent(next);
                    regime = new Regime.ConstantPower(p.watt(), p.floor(), p.voltageLimit(), next);
                }
            }
            case Regime.ConstantResistance r -> {
                double next = clampCurrent(-volt / r.ohm());
                if (moved(next, r.ampere())) {
                    source.correctCurrent(next);
                    regime = new Regime.ConstantResistance(r.ohm(), next);
                }
            }
            default -> {
                // CC, CV and rest need nothing between setpoints
            }
        }
    }

    private void rest() {
        if (settings.rest() == RestMode.OPEN_RELAY) {
            source.outputOff();
            regime = new Regime.Resting(true);
        } else {
            source.sourceCurrent(0, settings.maxVoltage());
            regime = new Regime.Resting(false);
        }
    }

    private void holdVoltage(double volt, double limitAmpere) {
        List<String> sent = source.holdVoltage(volt, limitAmpere);
        regime = new Regime.HoldingVoltage(volt, limitAmpere);
        source.checkErrors(sent);
    }

    private void holdFloor(double volt, double limitAmpere) {
        holdVoltage(volt, limitAmpere);
        regime = new Regime.HoldingFloor(volt, limitAmpere);
    }

    /** The cell voltage now, for CP and resistance; rests at 0 A first when the relay is open. */
    private double presentVoltage(String context) {
        if (regime instanceof Regime.Resting r && r.relayOpen()) {
            source.sourceCurrent(0, settings.maxVoltage());
            regime = new Regime.Resting(false);
        }
        double volt = source.measure().voltageVolt();
        if (!(volt > 0)) {
            throw new InstrumentException(name, context, "cannot emulate constant power or resistance at a cell"
                    + " voltage of " + volt + " V (needs a positive voltage)");
        }
        return volt;
    }

    private double voltageLimit(double maxVolt) {
        return Math.max(MIN_VOLTAGE_LIMIT, Math.min(maxVolt, settings.maxVoltage()));
    }

    private double clampCurrent(double ampere) {
        return Math.max(-settings.maxCurrent(), Math.min(settings.maxCurrent(), ampere));
    }

    private static boolean moved(double next, double last) {
        return Math.abs(next - last) > EMULATION_TOLERANCE * Math.max(Math.abs(last), 1e-9);
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new InstrumentException(name, what, "channel is closed");
        }
    }
}
