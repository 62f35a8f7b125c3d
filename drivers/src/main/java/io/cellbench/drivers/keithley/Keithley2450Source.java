package io.cellbench.drivers.keithley;

import static io.cellbench.drivers.scpi.ScpiValues.format;

import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.scpi.ScpiSession;
import io.cellbench.drivers.scpi.ScpiValues;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Keithley 2450 is told, in its SCPI: the reset at open, the complete setpoint sequences
 * of a current and a voltage source, the output switched off for a rest, a current corrected in
 * place, and the one-trigger reading. It keeps what the instrument's own state implies for the
 * next command (which function is sensed, whether an output-off reset the sense to 2-wire, when
 * the reading buffer is due to be cleared); {@link Keithley2450Channel} decides which command a
 * cycler step needs and when. The caller holds the session's lock.
 */
final class Keithley2450Source {

    static final String READ_QUERY = ":READ? \"defbuffer1\", READ, SOUR";
    static final int CLEAR_BUFFER_EVERY = 10_000;

    private enum Sense { VOLT, CURR }

    private final ScpiSession session;
    private final boolean fourWire;
    /** The output was switched off since the sense was last set: the 2450 then senses 2-wire. */
    private boolean senseReset;
    private Sense sense = Sense.CURR;
    private long readsSinceClear;

    Keithley2450Source(ScpiSession session, boolean fourWire) {
        this.session = session;
        this.fourWire = fourWire;
    }

    /**
     * {@code *RST}, {@code *CLS}, the relay-open output-off state, an empty buffer, source
     * readback and the sense wiring, then the error queue.
     */
    void reset() {
        List<String> sent = new ArrayList<>();
        // *RST selects the normal output-off state (0 V behind a small current limit, relay
        // closed); the relay-open state follows at once so a connected cell is not loaded.
        send(sent, "*RST");
        send(sent, "*CLS");
        send(sent, ":OUTP:CURR:SMOD HIMP");
        send(sent, ":OUTP:VOLT:SMOD HIMP");
        send(sent, ":TRAC:CLE");
        send(sent, ":SOUR:CURR:READ:BACK ON");
        send(sent, ":SOUR:VOLT:READ:BACK ON");
        String rsense = fourWire ? "ON" : "OFF";
        send(sent, ":SENS:VOLT:RSEN " + rsense);
        send(sent, ":SENS:CURR:RSEN " + rsense);
        session.operationComplete();
        session.checkErrors(String.join("; ", sent));
        readsSinceClear = 0;
    }

    /** {@code :OUTP OFF}: the relay-open rest (the off state chosen at open). */
    void outputOff() {
        List<String> sent = new ArrayList<>();
        send(sent, ":OUTP OFF");
        senseReset = true;
        checkErrors(sent);
    }

    void sourceCurrent(double ampere, double voltageLimit) {
        checkErrors(source(Sense.VOLT, ampere, voltageLimit));
    }

    /**
     * Writes the voltage-source sequence and returns it; the caller reads the error queue with
     * {@link #checkErrors} once it has noted the hold (as the driver always did: the hold is
     * what the instrument was told, whatever its error queue then says).
     */
    List<String> holdVoltage(double volt, double limitAmpere) {
        return source(Sense.CURR, volt, limitAmpere);
    }

    /**
     * One complete setpoint: the limit and level of the sourced function, the function, the
     * sensed one ({@code sensed}: VOLT when sourcing current, CURR when sourcing voltage), 4-wire
     * sense again if an output-off reset it, output on.
     */
    private List<String> source(Sense sensed, double level, double limit) {
        String function = sensed == Sense.VOLT ? "CURR" : "VOLT";
        List<String> sent = new ArrayList<>();
        send(sent, ":SOUR:" + function + (sensed == Sense.VOLT ? ":VLIM " : ":ILIM ") + format(limit));
        send(sent, ":SOUR:" + function + " " + format(level));
        send(sent, ":SOUR:FUNC " + function);
        send(sent, ":SENS:FUNC \"" + sensed + "\"");
        senseAgain(sent);
        send(sent, ":OUTP ON");
        sense = sensed;
        return sent;
    }

    void checkErrors(List<String> sent) {
        session.checkErrors(String.join("; ", sent));
    }

    /** A new level for the current being sourced (an emulated power or resistance following V). */
    void correctCurrent(double ampere) {
        String command = ":SOUR:CURR " + format(ampere);
        session.write(command);
        session.checkErrors(command);
    }

    /** One trigger: the sensed value and the source readback, as V and I. */
    ChannelReading measure() {
        String answer = session.query(READ_QUERY);
        double[] values;
        try {
            values = ScpiValues.numbers(session.instrument(), READ_QUERY, answer, 2);
        } catch (InstrumentException e) {
            session.invalidate(); // the rest of a garbled answer may still be on its way
            throw e;
        }
        if (++readsSinceClear >= CLEAR_BUFFER_EVERY) {
            session.write(":TRAC:CLE");
            readsSinceClear = 0;
        }
        double volt = sense == Sense.VOLT ? values[0] : values[1];
        double ampere = sense == Sense.VOLT ? values[1] : values[0];
        return new ChannelReading(volt, ampere, Double.NaN);
    }

    /**
     * Turning the output off sets the 2450's sense to 2-wire (Reference Manual, "Output-off
     * state", every state): after an open-relay rest, 4-wire sense is set again before the
     * output goes on, so that the cell's voltage is sensed at the cell and not across the leads.
     */
    private void senseAgain(List<String> sent) {
        if (senseReset && fourWire) {
            send(sent, ":SENS:VOLT:RSEN ON");
            send(sent, ":SENS:CURR:RSEN ON");
        }
        senseReset = false;
    }

    private void send(List<String> sent, String command) {
        sent.add(command);
        session.write(command);
    }
}
