package io.cellbench.drivers.keithley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.transport.TransportTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two things the 2450 Reference Manual says that the driver must act on, against the simulator
 * over TCP: a 2450 left in the TSP command set (it still answers *IDN?) is recognised from
 * {@code *LANG?} and refused with the way back to SCPI, before anything else is sent; and since
 * turning the output off sets the sense to 2-wire, 4-wire sense is set again when a rest with
 * the relay open ends.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Keithley2450LanguageAndSenseTest {

    private Bench bench;
    private int port;

    @BeforeEach
    void start() throws Exception {
        bench = new Bench(0.5);
        port = bench.simulator.startTcp();
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    private Keithley2450Settings settings() {
        return Keithley2450Settings.tcp("127.0.0.1", port).withTimeout(Duration.ofSeconds(2), 1);
    }

    @Test
    void a2450InTspModeIsRefusedWithHowToSwitchItToScpi() {
        bench.simulator.powerUpInLanguage("TSP");
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> Keithley2450Factory.open("smu1", settings()));
        assertFalse(e instanceof TransportTimeoutException, "a clear refusal, not a timeout: " + e.getMessage());
        assertEquals("smu1: '*LANG?': the 2450 runs its TSP command set; cellbench drives it in SCPI: on the front"
                + " panel choose MENU, System Settings, Command Set: SCPI (or send *LANG SCPI), then switch the"
                + " instrument off and on (a new command set takes effect at power-up)", e.getMessage());
        assertEquals(List.of("*IDN?", "*LANG?"), bench.simulator.received(), "nothing sent in a language it does not speak");

        bench.simulator.powerUpInLanguage("SCPI");
        try (Keithley2450Channel smu = Keithley2450Factory.open("smu1", settings())) {
            List<VerifiedFact> facts = smu.verified();
            assertEquals(List.of(VerifiedFact.ok("model", "2450, serial 04500001"),
                    VerifiedFact.ok("firmware", "1.7.12b"),
                    VerifiedFact.ok("command language", "SCPI")), facts);
        }
    }

    @Test
    void theSCPI2400EmulationIsRefusedToo() {
        bench.simulator.powerUpInLanguage("SCPI2400");
        InstrumentException e = assertThrows(InstrumentException.class,
                () -> Keithley2450Factory.open("smu1", settings()));
        assertTrue(e.getMessage().startsWith("smu1: '*LANG?': the 2450 runs its SCPI2400 command set (the Model 2400"
                + " emulation); cellbench drives it in SCPI:"), e.getMessage());
    }

    @Test
    void fourWireSenseIsSetAgainWhenAnOpenRelayRestEnds() {
        try (Keithley2450Channel smu = Keithley2450Factory.open("smu1", settings().withRest(RestMode.OPEN_RELAY))) {
            assertFalse(bench.simulator.outputOn(), "the open rests with the relay open");
            smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            assertTrue(bench.simulator.fourWireSense());
            smu.apply(new ChannelCommand.OpenCircuit());
            assertFalse(bench.simulator.fourWireSense(), "output off: the 2450 senses 2-wire");
            smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            assertTrue(bench.simulator.fourWireSense(), "sourcing again with 4-wire sense, as the lab file says");
            smu.apply(new ChannelCommand.OpenCircuit());
            smu.apply(new ChannelCommand.Voltage(3.6, 1e-3));
            assertTrue(bench.simulator.fourWireSense());
        }
    }

    @Test
    void twoWireSenseStaysTwoWire() {
        Keithley2450Settings twoWire = new Keithley2450Settings(settings().transport(), settings().terminator(),
                settings().timeout(), settings().retries(), settings().maxCurrent(), settings().maxVoltage(),
                RestMode.OPEN_RELAY, false);
        try (Keithley2450Channel smu = Keithley2450Factory.open("smu1", twoWire)) {
            smu.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
            assertFalse(bench.simulator.fourWireSense());
        }
    }
}
