package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --lab} (and {@code run}, which checks the same before anything starts) refuses
 * a cell on a Neware channel whose protocol the cycler cannot run: every step the compiler
 * refuses at its file:line:column, and an impedance sweep with no analyzer wired to the cell.
 */
class DelegatedValidateTest {
    @TempDir
    Path dir;

    @Test
    void whatTheCyclerCannotRunIsRefusedAtItsStepBeforeAnythingStarts() throws Exception {
        Path lab = Files.writeString(dir.resolve("lab.yaml"), """
                lab: solid-state room
                instruments:
                  nw:
                    driver: neware-bts
                    host: 127.0.0.1
                    step_share: /tmp/bts-steps
                    step_share_on_bts: 'D:\\cellbench\\steps'
                channels:
                  nw-1: nw/27-1-1-3
                """);
        Files.writeString(dir.resolve("protocol.yaml"), """
                name: pressed cycling
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Set pressure to 60 MPa and wait until stable
                  - Charge at 1C until 3.7 V
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Discharge at 1C until 1.9 V
                """);
        Path schedule = Files.writeString(dir.resolve("schedule.yaml"), """
                name: one Neware cell
                cells:
                  - id: c1
                    nominal_capacity: 2 mAh
                    protocol: protocol.yaml
                    channel: nw-1
                """);
        Console c = Console.run("validate", "--lab", lab.toString(), schedule.toString());
        assertEquals(2, c.exitCode(), c.out() + c.err());
        String protocol = dir.resolve("protocol.yaml").toString();
        assertTrue(c.err().contains(protocol + ":5:5: error:") && c.err().contains("press"), c.err());
        assertTrue(c.err().contains(protocol + ":7:5: error: cell 'c1' is on nw/27-1-1-3, which runs compiled"
                + " programs and measures no impedance"), c.err());
    }
}
