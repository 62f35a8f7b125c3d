package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SAFETY. MacNet's help, (6,7) Start direct mode (page 47): "Set points must be active, i.e.
 * within range, in the (6, 7) Start Direct Mode to be functional in the (6, 8) Set direct mode
 * output." A channel started at rest (Power 65536, Resistance 0) would ignore the power of a
 * later constant-power step and source its whole current range. The simulator ignores such
 * set points as the help says; the driver must never rely on one.
 */
@Timeout(60)
class MaccorSetPointTest {

    private MacNetRig rig;
    private MaccorBank bank;
    private MaccorChannel ch;

    @BeforeEach
    void open() throws Exception {
        rig = new MacNetRig(1, MacNetRig.relaxed());
        bank = MaccorBank.open("maccor-1", rig.settings());
        ch = bank.channel(1);
    }

    @AfterEach
    void close() {
        bank.close();
        rig.close();
    }

    @Test
    void aConstantPowerStepAfterARestDrawsThatPower_notTheWholeRange() {
        ch.apply(new ChannelCommand.OpenCircuit());
        ch.apply(new ChannelCommand.Power(-0.005, 2.5, 4.2));
        assertEquals(new ChannelCommand.Power(-0.005, 2.5, 11), rig.sim.command(1),
                "the cycler must apply the 5 mW, not its whole current range");
        rig.clock.advance(10);
        assertEquals(-0.005 / ch.read().voltageVolt(), ch.read().currentAmpere(), 2e-4);
    }

    @Test
    void aConstantLoadStepAfterACurrentStepDrawsThroughThatLoad() {
        ch.apply(new ChannelCommand.Current(1e-3, 2.5, 4.2));
        ch.apply(new ChannelCommand.Resistance(400));
        assertEquals(new ChannelCommand.Resistance(400), rig.sim.command(1));
        // and back to constant power: the resistance start cannot also hold a power (three set points at once)
        ch.apply(new ChannelCommand.Power(-0.004, 2.5, 4.2));
        assertEquals(new ChannelCommand.Power(-0.004, 2.5, 11), rig.sim.command(1));
        ch.apply(new ChannelCommand.OpenCircuit());
        assertInstanceOf(ChannelCommand.Current.class, rig.sim.command(1));
        assertEquals(0, ((ChannelCommand.Current) rig.sim.command(1)).ampere());
        assertTrue(rig.sim.directMode(1));
    }
}
