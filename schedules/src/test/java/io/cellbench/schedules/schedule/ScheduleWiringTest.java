package io.cellbench.schedules.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The wiring keys of a schedule: what they read as, and every mistake reported at file:line:column. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScheduleWiringTest {
    @TempDir
    Path dir;

    private Schedule load(String yaml) throws IOException {
        Files.writeString(dir.resolve("rest.yaml"), """
                name: rest
                limits:
                  voltage: [1.9 V, 3.8 V]
                steps:
                  - Rest for 10 s
                """);
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, yaml);
        return ScheduleLoader.load(file, ZoneId.of("Europe/Berlin"));
    }

    private ProtocolException fails(String yaml) {
        return assertThrows(ProtocolException.class, () -> load(yaml));
    }

    private static String cell(String id, String extra) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: rest.yaml\n" + extra;
    }

    @Test
    void anOldScheduleHasNoWiring() throws IOException {
        Schedule s = load("cells:\n" + cell("c1", "") + cell("c2", ""));
        assertEquals(Wiring.NONE, s.cells().get(0).wiring());
        assertEquals(Wiring.NONE, s.cells().get(1).wiring());
        assertTrue(s.pools().isEmpty());
        assertEquals(Interlocks.NONE, s.interlocks());
    }

    @Test
    void everyWiringKeyIsRead() throws IOException {
        Schedule s = load("""
                pools:
                  bank-a: [bank/1, bank/2]
                interlocks:
                  pressure: {tolerance: 1 MPa, resume_within: 0.5 MPa, settle: 30 s}
                  temperature: {setpoint: 45 °C, tolerance: 2 °C, resume_within: 1 °C, settle: 2 min}
                cells:
                """ + cell("c1", """
                    channel: smu-1
                    eis: eis-1
                    mux_channel: 3
                    fixture: press-1
                    chamber: oven-1
                    start: {at: 2026-12-05T20:00:00Z}
                """) + cell("c2", """
                    pool: bank-a
                    eis: eis-1
                    start:
                      after: [c1]
                      at: 2026-12-05T21:30
                """) + cell("c3", """
                    pool: bank-a
                    eis: eis-1
                    start: {after: c1}
                """));
        Wiring w1 = s.cells().get(0).wiring();
        assertEquals("smu-1", w1.channel().name());
        assertEquals(10, w1.channel().at().line());
        assertEquals(14, w1.channel().at().column());
        assertNull(w1.pool());
        assertEquals("eis-1", w1.eis().name());
        assertEquals(3, w1.muxChannel());
        assertEquals("press-1", w1.fixture().name());
        assertEquals("oven-1", w1.chamber().name());
        assertEquals(Instant.parse("2026-12-05T20:00:00Z"), w1.start().notBefore());
        Wiring w2 = s.cells().get(1).wiring();
        assertEquals("bank-a", w2.pool().name());
        assertEquals(List.of("c1"), w2.start().after().stream().map(Wiring.Named::name).toList());
        // No offset: the zone given to the loader (Berlin is UTC+1 in December).
        assertEquals(Instant.parse("2026-12-05T20:30:00Z"), w2.start().notBefore());
        // Multiplexer channels left out: the lowest free ones, in schedule order.
        assertEquals(1, w2.muxChannel());
        assertEquals(2, s.cells().get(2).wiring().muxChannel());
        assertEquals(List.of("bank/1", "bank/2"), s.pools().get("bank-a").stream().map(Wiring.Named::name).toList());
        assertEquals(1e6, s.interlocks().pressure().tolerance(), 1e-6);
        assertEquals(0.5e6, s.interlocks().pressure().resumeWithin(), 1e-6);
        assertEquals(30, s.interlocks().pressure().settleSecond(), 1e-9);
        assertTrue(s.interlocks().pressure().followsProtocol());
        assertEquals(45, s.interlocks().temperature().setpoint(), 1e-9);
        assertEquals(2, s.interlocks().temperature().tolerance(), 1e-9);
        assertEquals(120, s.interlocks().temperature().settleSecond(), 1e-9);
    }

    @Test
    void aChannelOfTwoCellsThatCouldRunAtOnceIsAnError() {
        ProtocolException e = fails("cells:\n" + cell("c1", "    channel: smu-1\n") + cell("c2", "    channel: smu-1\n"));
        assertEquals(9, e.line());
        assertEquals(14, e.column());
        assertTrue(e.problem().contains("channel 'smu-1' is also the channel of cell c1 (line 2)"), e.problem());
        assertTrue(e.hint().contains("pool"), e.hint());
    }

    @Test
    void aChannelSharedOneAfterTheOtherIsFine() throws IOException {
        // c3 after c2 after c1: transitively ordered, so one channel serves all three in turn.
        Schedule s = load("cells:\n" + cell("c1", "    channel: smu-1\n")
                + cell("c2", "    channel: smu-1\n    start: {after: c1}\n")
                + cell("c3", "    channel: smu-1\n    start: {after: [c2]}\n"));
        assertEquals(3, s.cells().size());
    }

    @Test
    void unknownPoolsCellsCyclesAndTimesAreReportedWhereWritten() {
        ProtocolException pool = fails("pools: {a: [x/1]}\ncells:\n" + cell("c1", "    pool: b\n"));
        assertEquals(6, pool.line());
        assertEquals(11, pool.column());
        assertTrue(pool.problem().contains("unknown pool 'b'"), pool.problem());

        ProtocolException unknown = fails("cells:\n" + cell("c1", "    start: {after: [c9]}\n"));
        assertEquals(5, unknown.line());
        assertTrue(unknown.problem().contains("'c9'"), unknown.problem());

        ProtocolException cycle = fails("cells:\n" + cell("c1", "    start: {after: c2}\n")
                + cell("c2", "    start: {after: c1}\n"));
        assertTrue(cycle.problem().contains("cycle"), cycle.problem());
        assertTrue(cycle.problem().contains("c1 waits for c2 waits for c1"), cycle.problem());

        ProtocolException self = fails("cells:\n" + cell("c1", "    start: {after: c1}\n"));
        assertTrue(self.problem().contains("cycle"), self.problem());

        ProtocolException time = fails("cells:\n" + cell("c1", "    start: {at: tomorrow}\n"));
        assertEquals(5, time.line());
        assertTrue(time.problem().contains("'tomorrow' is not a time"), time.problem());

        ProtocolException both = fails("pools: {a: [x/1]}\ncells:\n" + cell("c1", "    channel: x/1\n    pool: a\n"));
        assertEquals(7, both.line());
        assertTrue(both.problem().contains("both a channel and a pool"), both.problem());

        ProtocolException mux = fails("cells:\n" + cell("c1", "    eis: e\n    mux_channel: 2\n")
                + cell("c2", "    eis: e\n    mux_channel: 2\n"));
        assertTrue(mux.problem().contains("multiplexer channel 2 of 'e' is also used by cell c1"), mux.problem());

        ProtocolException band = fails("interlocks:\n  pressure: {tolerance: 1 MPa, resume_within: 2 MPa, settle: 1 s}\n"
                + "cells:\n" + cell("c1", ""));
        assertEquals(2, band.line());
        assertTrue(band.problem().contains("wider than the tolerance"), band.problem());

        ProtocolException key = fails("cells:\n" + cell("c1", "    pol: a\n"));
        assertTrue(key.hint().contains("did you mean 'pool'"), key.hint());
    }
}
