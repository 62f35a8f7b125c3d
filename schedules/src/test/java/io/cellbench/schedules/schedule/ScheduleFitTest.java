package io.cellbench.schedules.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The circuit a run fits its sweeps with, as a schedule names it: its own {@code fit:} wins over
 * the protocols', protocols that agree name it, protocols that disagree without the schedule
 * choosing are an error at the cell, and a bad circuit is an error at its character.
 */
class ScheduleFitTest {
    private static final String A = "R0-p(R1,CPE1)-p(R2,CPE2)";
    private static final String B = "R0-p(R1,CPE1)";

    @TempDir
    Path dir;

    private Schedule load(String yaml) throws IOException {
        for (String[] p : new String[][] {{"plain.yaml", null}, {"a.yaml", A}, {"a2.yaml", A}, {"b.yaml", B}}) {
            Files.writeString(dir.resolve(p[0]), "name: " + p[0] + "\n" + (p[1] == null ? "" : "fit: " + p[1] + "\n")
                    + "steps:\n  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade\n");
        }
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, yaml);
        return ScheduleLoader.load(file);
    }

    private static String cell(String id, String protocol) {
        return "  - id: " + id + "\n    nominal_capacity: 2 mAh\n    protocol: " + protocol + "\n";
    }

    @Test
    void theProtocolsCircuitIsTheRunsWhenTheyAgree() throws IOException {
        assertNull(load("cells:\n" + cell("c1", "plain.yaml")).fitCircuit());
        assertEquals(A, load("cells:\n" + cell("c1", "plain.yaml") + cell("c2", "a.yaml") + cell("c3", "a2.yaml"))
                .fitCircuit());
    }

    @Test
    void theSchedulesCircuitWinsOverTheProtocols() throws IOException {
        Schedule s = load("fit: L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1\ncells:\n" + cell("c1", "a.yaml") + cell("c2", "b.yaml"));
        assertEquals("L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1", s.fitCircuit());
        assertEquals(s.fitCircuit(), s.withCells(s.cells().subList(1, 2)).fitCircuit(), "a resume's cells keep it");
    }

    @Test
    void protocolsThatDisagreeAreAnErrorAtTheCellThatDiffers() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> load("cells:\n" + cell("c1", "a.yaml") + cell("c2", "plain.yaml") + cell("c3", "b.yaml")));
        assertTrue(e.file().endsWith("schedule.yaml"), e.file());
        assertEquals(8, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("cell 'c3' has its sweeps fitted with " + B), e.getMessage());
        assertTrue(e.getMessage().contains("cell 'c1' with " + A), e.getMessage());
        assertTrue(e.getMessage().contains("'fit: …' at the top of the schedule"), e.getMessage());
    }

    @Test
    void aBadCircuitInTheScheduleIsAnErrorAtItsCharacter() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> load("name: s\nfit: R0-p(R1,Q1)\ncells:\n" + cell("c1", "plain.yaml")));
        assertEquals(2, e.line());
        assertEquals(14, e.column(), e.getMessage()); // 'Q1' at column 9 of the circuit, which starts at 6
        assertTrue(e.getMessage().contains("unknown element 'Q1'"), e.getMessage());
    }
}
