package io.cellbench.drivers.scpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.time.ScaledClock;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.testing.Transcript;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TcpTransport;
import io.cellbench.drivers.transport.Terminator;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCPI session against the simulated 2450 over TCP, and against a transcript for injected write failures. */
class ScpiSessionTest {

    private Keithley2450Simulator sim;
    private ScpiSession session;

    @BeforeEach
    void open() throws IOException {
        sim = new Keithley2450Simulator(Bench.formedCoin(0.5), new ScaledClock(1.7e9, 1));
        int port = sim.startTcp();
        session = new ScpiSession(new LineFraming("smu1", new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)),
                Terminator.LF), Duration.ofSeconds(2), 2);
        session.connect();
    }

    @AfterEach
    void close() {
        session.close();
        sim.close();
    }

    @Test
    void identifyAndOperationComplete() {
        assertTrue(session.identify().startsWith("KEITHLEY INSTRUMENTS,MODEL 2450,"));
        session.operationComplete();
        assertEquals("tcp 127.0.0.1:" + sim.tcpPort(), session.endpoint());
    }

    @Test
    void errorsDrainsTheQueueOldestFirstUntilNoError() {
        session.write(":NOT:A:COMMAND");
        session.write(":SOUR:CURR 99");
        assertEquals(List.of(new ScpiError(-113, "Undefined header"), new ScpiError(-222, "Parameter data out of range")),
                session.errors());
        assertEquals(List.of(), session.errors());
    }

    @Test
    void checkErrorsThrowsWithTheDevicesTextAndTheContext() {
        session.write(":SOUR:CURR:VLIM 999");
        ScpiErrorException e = assertThrows(ScpiErrorException.class, () -> session.checkErrors(":SOUR:CURR:VLIM 999"));
        assertEquals("smu1: ':SOUR:CURR:VLIM 999': the instrument reports -222,\"Parameter data out of range\"",
                e.getMessage());
        session.checkErrors("nothing left");
    }

    @Test
    void errorEntriesParseInTheFormsInstrumentsUse() {
        assertEquals(new ScpiError(0, "No error"), ScpiError.parse("0,\"No error\""));
        assertEquals(new ScpiError(-113, "Undefined header"), ScpiError.parse("-113, \"Undefined header\""));
        assertEquals(new ScpiError(5074, "Output disabled"), ScpiError.parse("+5074,Output disabled"));
        assertNull(ScpiError.parse("garbage"));
    }

    @Test
    void numbersParseAndFormatAsScpiWritesThem() {
        double[] v = ScpiValues.numbers("smu1", ":READ?", "3.7123456E+00, -1.0E-03", 2);
        assertEquals(3.7123456, v[0]);
        assertEquals(-1e-3, v[1]);
        assertTrue(Double.isNaN(ScpiValues.numbers("smu1", ":READ?", "9.91E+37", 1)[0]));
        assertThrows(RuntimeException.class, () -> ScpiValues.numbers("smu1", ":READ?", "NaN", 1));
        assertThrows(RuntimeException.class, () -> ScpiValues.numbers("smu1", ":READ?", "1,2,3", 2));
        assertEquals("0.001", ScpiValues.format(1e-3));
        assertEquals("21", ScpiValues.format(21.0));
        assertEquals("-0.0005", ScpiValues.format(-5e-4));
        assertEquals("0", ScpiValues.format(-0.0));
    }

    @Test
    void concurrentQueriesEachGetTheirOwnAnswer() throws Exception {
        session.write(":SOUR:CURR:VLIM 4.2");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            boolean idn = t % 2 == 0;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        if (idn) {
                            assertTrue(session.query("*IDN?").startsWith("KEITHLEY"));
                        } else {
                            assertEquals("4.2000000E+00", session.query(":SOUR:CURR:VLIM?"));
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofSeconds(30)));
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    @Test
    void aWriteThatFailedIsNotRepeatedAndTheNextCommandReconnectsFirst() {
        Transcript wire = new Transcript().failingWrite(":OUTP ON").query("*OPC?", "1");
        ScpiSession s = new ScpiSession(new LineFraming("smu1", wire, Terminator.LF), Duration.ofMillis(200), 2);
        s.connect();
        LinkDownException e = assertThrows(LinkDownException.class, () -> s.write(":OUTP ON"));
        assertEquals(":OUTP ON", e.command());
        assertTrue(e.getMessage().contains("sending failed"), e.getMessage());
        s.operationComplete();
        wire.assertComplete();
        assertEquals(List.of(":OUTP ON", "*OPC?"), wire.sent(), "the write went out once");
        assertEquals(2, wire.opens(), "reconnected before *OPC?");
    }

    @Test
    void optionsAreChecked() {
        LineFraming f = new LineFraming("x", new Transcript(), Terminator.LF);
        assertThrows(IllegalArgumentException.class, () -> new ScpiSession(f, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScpiSession(f, Duration.ofSeconds(1), -1));
    }
}
