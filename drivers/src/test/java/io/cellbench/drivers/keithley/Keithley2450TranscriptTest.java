package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.scpi.ScpiErrorException;
import io.cellbench.drivers.scpi.ScpiSession;
import io.cellbench.drivers.scpi.ScpiValues;
import io.cellbench.drivers.testing.Transcript;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.Terminator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The driver's exact bytes on the wire, replayed against scripted answers. */
class Keithley2450TranscriptTest {

    static final String IDN = "KEITHLEY INSTRUMENTS,MODEL 2450,04455537,1.7.12b";
    static final String NO_ERROR = "0,\"No error\"";
    static final String READ = ":READ? \"defbuffer1\", READ, SOUR";

    private final Transcript wire = new Transcript();

    private Keithley2450Channel open(RestMode rest) {
        wire.query("*IDN?", IDN).query("*LANG?", "SCPI")
                .send("*RST").send("*CLS")
                .send(":OUTP:CURR:SMOD HIMP").send(":OUTP:VOLT:SMOD HIMP")
                .send(":TRAC:CLE")
                .send(":SOUR:CURR:READ:BACK ON").send(":SOUR:VOLT:READ:BACK ON")
                .send(":SENS:VOLT:RSEN ON").send(":SENS:CURR:RSEN ON")
                .query("*OPC?", "1")
                .query(":SYST:ERR?", NO_ERROR);
        if (rest == RestMode.ZERO_CURRENT) {
            sourcing("21", "0");
        } else {
            wire.send(":OUTP OFF").query(":SYST:ERR?", NO_ERROR);
        }
        ScpiSession session = new ScpiSession(new LineFraming("smu1", wire, Terminator.LF), Duration.ofMillis(200), 0);
        return Keithley2450Channel.open(session, Keithley2450Settings.tcp("127.0.0.1", 5025).withRest(rest));
    }

    private void sourcing(String vlim, String ampere) {
        wire.send(":SOUR:CURR:VLIM " + vlim).send(":SOUR:CURR " + ampere).send(":SOUR:FUNC CURR")
                .send(":SENS:FUNC \"VOLT\"").send(":OUTP ON").query(":SYST:ERR?", NO_ERROR);
    }

    private void holding(String volt, String ilim) {
        wire.send(":SOUR:VOLT:ILIM " + ilim).send(":SOUR:VOLT " + volt).send(":SOUR:FUNC VOLT")
                .send(":SENS:FUNC \"CURR\"").send(":OUTP ON").query(":SYST:ERR?", NO_ERROR);
    }

    @Test
    void openIdentifiesResetsClearsTheBufferAndRestsAtZeroCurrent() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.assertComplete();
        assertEquals(IDN, smu.identify());
        assertEquals(1.05, smu.maxCurrentAmpere());
        assertEquals("smu1", smu.name());
    }

    @Test
    void ccChargeSetsTheClampBeforeTheLevelAndReadsVoltageAndSourceReadback() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        sourcing("4.2", "0.001");
        smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
        wire.query(READ, "3.7123456E+00,9.9999870E-04");
        ChannelReading r = smu.read();
        wire.assertComplete();
        assertEquals(3.7123456, r.voltageVolt(), 1e-12);
        assertEquals(9.999987e-4, r.currentAmpere(), 1e-15, "positive: the SMU sources into the cell, charging");
        assertTrue(Double.isNaN(r.temperatureCelsius()), "a 2450 has no thermocouple");
    }

    @Test
    void cvHoldMeasuresCurrentWithVoltageFromReadback() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        holding("4.2", "0.0005");
        smu.apply(new ChannelCommand.Voltage(4.2, 5e-4));
        wire.query(READ, "2.5000000E-04,4.1999990E+00");
        ChannelReading r = smu.read();
        wire.assertComplete();
        assertEquals(2.5e-4, r.currentAmpere(), 1e-15);
        assertEquals(4.199999, r.voltageVolt(), 1e-12);
    }

    @Test
    void aDischargeThatReachesItsFloorTurnsIntoAVoltageHoldThere() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        sourcing("4.2", "-0.001");
        smu.apply(new ChannelCommand.Current(-1e-3, 3.0, 4.2));
        wire.query(READ, "3.1000000E+00,-1.0000000E-03");
        assertEquals(3.1, smu.read().voltageVolt(), 1e-12);
        wire.query(READ, "2.9990000E+00,-1.0000000E-03");
        holding("3", "0.001");
        ChannelReading crossing = smu.read();
        wire.query(READ, "-9.0000000E-04,3.0000000E+00");
        ChannelReading held = smu.read();
        wire.assertComplete();
        assertEquals(2.999, crossing.voltageVolt(), 1e-12);
        assertEquals(-9e-4, held.currentAmpere(), 1e-15, "the hold reads current from the measure function");
        assertEquals(3.0, held.voltageVolt(), 1e-12);
    }

    @Test
    void aDeviceErrorAfterASetpointNamesTheInstrumentTheCommandsAndTheDevicesText() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.send(":SOUR:CURR:VLIM 4.2").send(":SOUR:CURR 0.001").send(":SOUR:FUNC CURR")
                .send(":SENS:FUNC \"VOLT\"").send(":OUTP ON")
                .query(":SYST:ERR?", "-222,\"Parameter data out of range\"")
                .query(":SYST:ERR?", "5074,\"Output disabled by interlock\"")
                .query(":SYST:ERR?", NO_ERROR);
        ScpiErrorException e = assertThrows(ScpiErrorException.class,
                () -> smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2)));
        wire.assertComplete();
        assertEquals("smu1", e.instrument());
        assertTrue(e.command().contains(":SOUR:CURR 0.001"), e.command());
        assertTrue(e.getMessage().contains("-222,\"Parameter data out of range\"; 5074,\"Output disabled by interlock\""),
                e.getMessage());
        assertEquals(2, e.errors().size());
    }

    @Test
    void constantPowerIsEmulatedWithACurrentRecomputedFromEachVoltage() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.query(READ, "4.0000000E+00,0.0000000E+00");
        sourcing("4.2", "0.001");
        wire.query(READ, "4.0000000E+00,1.0000000E-03"); // right after the setpoint: no I·R step here
        smu.apply(new ChannelCommand.Power(4e-3, 2.5, 4.2));
        wire.query(READ, "3.9000000E+00,1.0000000E-03");
        wire.send(":SOUR:CURR " + ScpiValues.format(4e-3 / 3.9)).query(":SYST:ERR?", NO_ERROR);
        ChannelReading r = smu.read();
        wire.query(READ, "3.9000000E+00,1.0256410E-03");
        smu.read(); // same voltage: the current stands, nothing is sent
        wire.assertComplete();
        assertEquals(3.9, r.voltageVolt(), 1e-12);
    }

    @Test
    void aLoadResistanceIsEmulatedAsADischargeCurrentOfMinusVOverR() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.query(READ, "3.8000000E+00,0.0000000E+00");
        sourcing("21", "-0.0038");
        smu.apply(new ChannelCommand.Resistance(1000));
        wire.query(READ, "3.7000000E+00,-3.8000000E-03");
        wire.send(":SOUR:CURR -0.0037").query(":SYST:ERR?", NO_ERROR);
        smu.read();
        wire.assertComplete();
    }

    @Test
    void anOpenRelayRestSwitchesTheOutputOffAndReadsNoVoltage() {
        Keithley2450Channel smu = open(RestMode.OPEN_RELAY);
        wire.query("*OPC?", "1");
        ChannelReading r = smu.read();
        wire.assertComplete();
        assertTrue(Double.isNaN(r.voltageVolt()), "the relay is open: the cell cannot be measured");
        assertEquals(0, r.currentAmpere());
    }

    @Test
    void aSourceAfterAnOpenRelayRestSetsFourWireSenseAgainBeforeTheOutputGoesOn() {
        Keithley2450Channel smu = open(RestMode.OPEN_RELAY);
        // output off set the sense to 2-wire (2450 Reference Manual, output-off states)
        wire.send(":SOUR:CURR:VLIM 4.2").send(":SOUR:CURR 0.001").send(":SOUR:FUNC CURR").send(":SENS:FUNC \"VOLT\"")
                .send(":SENS:VOLT:RSEN ON").send(":SENS:CURR:RSEN ON").send(":OUTP ON").query(":SYST:ERR?", NO_ERROR);
        smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
        holding("4.2", "0.0005"); // the output stayed on: nothing to set again
        smu.apply(new ChannelCommand.Voltage(4.2, 5e-4));
        wire.assertComplete();
    }

    @Test
    void a2450InTspModeIsRefusedAfterItsLanguageQueryWithNothingElseSent() {
        wire.query("*IDN?", IDN).query("*LANG?", "TSP");
        ScpiSession session = new ScpiSession(new LineFraming("smu1", wire, Terminator.LF), Duration.ofMillis(200), 0);
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> Keithley2450Channel.open(session, Keithley2450Settings.tcp("127.0.0.1", 5025)));
        assertEquals("*LANG?", e.command());
        assertTrue(e.getMessage().contains("TSP command set") && e.getMessage().contains("*LANG SCPI"), e.getMessage());
        wire.assertComplete();
        assertFalse(wire.isOpen());
    }

    @Test
    void closeSwitchesTheOutputOffWithTheRelayOpen() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.send(":OUTP:CURR:SMOD HIMP").send(":OUTP:VOLT:SMOD HIMP").send(":OUTP OFF").query("*OPC?", "1");
        smu.close();
        wire.assertComplete();
        assertFalse(wire.isOpen());
        smu.close(); // twice is harmless and sends nothing
        InstrumentException e = assertThrows(InstrumentException.class, smu::read);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void anotherInstrumentIsRefusedAndTheLinkClosed() {
        wire.query("*IDN?", "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1234567,C30");
        ScpiSession session = new ScpiSession(new LineFraming("smu1", wire, Terminator.LF), Duration.ofMillis(200), 0);
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> Keithley2450Channel.open(session, Keithley2450Settings.tcp("127.0.0.1", 5025)));
        assertEquals("*IDN?", e.command());
        assertTrue(e.getMessage().contains("expected a Keithley 2450") && e.getMessage().contains("MODEL 2400"),
                e.getMessage());
        assertFalse(wire.isOpen());
    }

    @Test
    void aGarbledReadingIsReportedWithTheAnswerShownAndTheLinkIsRenewedBeforeTheNextCommand() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        wire.query(READ, "3.71\u0007\u00ff,x");
        InstrumentException e = assertThrows(InstrumentException.class, smu::read);
        assertEquals(READ, e.command());
        assertTrue(e.getMessage().contains("'3.71\\x07\\xFF,x'"), e.getMessage());
        int opens = wire.opens();
        wire.query(READ, "3.7000000E+00,0.0000000E+00");
        smu.read();
        assertEquals(opens + 1, wire.opens(), "reconnected before the next query");
        wire.assertComplete();
    }

    @Test
    void commandsOutsideTheSettingsAreRefusedBeforeAnythingIsSent() {
        Keithley2450Channel smu = open(RestMode.ZERO_CURRENT);
        int sent = wire.sent().size();
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> smu.apply(new ChannelCommand.Current(2.0, 2.5, 4.2)));
        assertTrue(e.getMessage().contains("max_current"), e.getMessage());
        assertThrows(InstrumentException.class, () -> smu.apply(new ChannelCommand.Voltage(30, 1e-3)));
        assertThrows(InstrumentException.class, () -> smu.apply(new ChannelCommand.Current(1e-3, 4.2, 2.5)));
        assertThrows(InstrumentException.class, () -> smu.apply(new ChannelCommand.Resistance(0)));
        assertEquals(sent, wire.sent().size());
        assertInstanceOf(InstrumentException.class, e);
    }
}
