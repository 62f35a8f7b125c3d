package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import org.junit.jupiter.api.Test;

/**
 * A lab file names a channel of a cycler that runs its own programs by the cycler's address
 * ({@code nw/27-1-1-3}); a garbled one is refused at its line with what to write.
 */
class ProgramChannelLabTest {
    static final String LAB = """
            lab: solid-state room
            instruments:
              nw:
                driver: neware-bts
                host: 192.168.10.45
                step_share: /mnt/bts-steps
                step_share_on_bts: 'D:\\cellbench\\steps'
              smu-1:
                driver: keithley-2450
                host: 192.168.1.21
            channels:
              nw-1: nw/27-1-1-3
              left: smu-1
            """;

    @Test
    void aNewareChannelIsNamedByItsAddress() {
        LabFile lab = LabLoader.parse(LAB, "lab.yaml");
        ChannelRef ref = lab.channel("nw-1");
        assertTrue(ref.delegated());
        assertEquals("27-1-1-3", ref.address());
        assertEquals("nw/27-1-1-3", ref.text());
        assertEquals("nw/27-2-1-8", lab.channel("nw/27-2-1-8").text(), "straight in a schedule too");
        assertTrue(!lab.channel("left").delegated());
    }

    @Test
    void aGarbledAddressIsRefusedAtItsLineWithWhatToWrite() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> LabLoader.parse(LAB.replace("nw-1: nw/27-1-1-3", "nw-1: nw/27-1-1-x"), "lab.yaml"));
        assertTrue(e.getMessage().contains("lab.yaml:12:") && e.getMessage().contains("a Neware channel's address"),
                e.getMessage());
    }
}
