package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.drivers.transport.TransportSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A lithium cell sits at 3–4.4 V. PalmSens' OCP and EIS examples set the WE potential range
 * before measuring ({@code set_range ab 4}, {@code set_autoranging ab 4 4}: MSLoopExample011-OCP,
 * 012-EIS); without it the OCP of such a cell may read as the end of a smaller range and the
 * sweep is held there, volts away from the cell's own potential.
 */
class PalmSensPotentialRangeTest {

    @Test
    void aSweepIsHeldAtTheCellsOwnPotential() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (EisBench bench = new EisBench()) {
                int port = bench.simulator.startTcp();
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings.serial("unused")
                        .withMultiplexer(Multiplexer.MUX8_R2, 2)
                        .withTransport(new TransportSettings.Tcp("127.0.0.1", port, Duration.ofSeconds(2))))) {
                    eis.measure(2, EisBench.SWEEP);
                    assertTrue(bench.pouchVolt() > 3, "a charged cell: " + bench.pouchVolt() + " V");
                    assertEquals(0, bench.simulator.lastDcOffsetVolt(), 1e-9, "DC potential minus the cell's own");
                    assertTrue(bench.simulator.scripts().get(0).containsAll(java.util.List.of("set_range ab 5",
                            "set_autoranging ab 5 5")), bench.simulator.scripts().get(0).toString());
                }
            }
        });
    }
}
