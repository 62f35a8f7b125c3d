package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.lab.VirtualInstrumentKind;
import io.cellbench.fixtures.wire.SocatPair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver over a real serial line: a socat pty pair, the simulator on one end, the
 * driver's SerialTransport on the other. Needs socat; without it these tests fail and say how
 * to get it.
 */
class PalmSensSerialTest {

    @TempDir
    Path dir;
    private SocatPair pair;
    private EisBench bench;
    private PalmSensEisAnalyzer eis;

    @BeforeEach
    void open() throws IOException {
        pair = SocatPair.start(dir);
        bench = new EisBench();
        bench.simulator.startSerial(pair.instrumentEnd());
        eis = PalmSensFactory.open("eis-1", PalmSensSettings.serial(pair.driverEnd().toString())
                .withMultiplexer(Multiplexer.MUX8_R2, 2));
    }

    @AfterEach
    void close() {
        if (eis != null) {
            eis.close();
        }
        bench.close();
        pair.close();
    }

    @Test
    void sweepsOnBothMultiplexerChannelsMatchTheInProcessAnalyzer() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertTrue(eis.identify().startsWith("es4_hr"), eis.identify());
            for (int channel : new int[] {1, 2, 1}) {
                List<ImpedancePoint> wire = eis.measure(channel, EisBench.SWEEP);
                List<ImpedancePoint> local = bench.twin.measure(channel, EisBench.SWEEP);
                assertEquals(31, wire.size());
                EisBench.assertSameSpectrum(wire, local);
                // the sweep took as long in lab time as the in-process one: 30 s OCP and the points
                assertEquals(bench.twinSeconds(), bench.wireSeconds(), 1e-6);
            }
            // the coin cell's high-frequency intercept is tens of ohms, the pouch cell's far below
            double coin = eis.measure(1, EisBench.SWEEP).get(0).zRealOhm();
            double pouch = eis.measure(2, EisBench.SWEEP).get(0).zRealOhm();
            assertTrue(coin > 10 * pouch, "coin " + coin + " Ω, pouch " + pouch + " Ω");
            List<String> script = bench.simulator.scripts().get(0);
            assertTrue(script.contains("mux_set_channel 1i"), script.toString());
            assertTrue(bench.simulator.scripts().get(1).contains("mux_set_channel 2i"));
        });
    }

    @Test
    void aGalvanostaticSweepMatchesToo() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            EisRequest geis = new EisRequest(EisRequest.Mode.GALVANOSTATIC, 10e3, 1, 4, 1e-4);
            EisBench.assertSameSpectrum(eis.measure(2, geis), bench.twin.measure(2, geis));
        });
    }

    @Test
    void theVirtualLabEntryOpensThroughTheDriverRegistry() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            VirtualInstrumentKind kind = ServiceLoader.load(VirtualInstrumentKind.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(k -> k.driver().equals(PalmSensFactory.NAME))
                    .findFirst().orElseThrow();
            assertEquals(VirtualInstrumentKind.Role.EIS_ANALYZER, kind.role());
            List<SimulatedCell> cells = List.of(EisBench.coin(), EisBench.pouch(), EisBench.coin());
            try (VirtualInstrument sim = kind.start("eis-2", cells, bench.clock, true, dir.resolve("lab"))) {
                Map<String, Object> entry = sim.labEntry();
                assertEquals(List.of("driver", "transport", "serial_port", "baud", "mux", "mux_channels"),
                        List.copyOf(entry.keySet()));
                assertEquals("mux8-r2", entry.get("mux"));
                assertEquals(3, entry.get("mux_channels"));
                try (PalmSensEisAnalyzer viaLab = (PalmSensEisAnalyzer) Drivers.named(PalmSensFactory.NAME)
                        .open(new InstrumentConfig("eis-2", PalmSensFactory.NAME, entry, "lab.yaml:12:3"))) {
                    List<ImpedancePoint> points = viaLab.measure(3, EisBench.SWEEP);
                    EisBench.assertSameSpectrum(points, bench.twin.measure(1, EisBench.SWEEP));
                }
            }
        });
    }

    @Test
    void theSerialSettingsOfTheEntryReachTheTransport() {
        PalmSensSettings s = PalmSensSettings.from(new InstrumentConfig("eis-3", PalmSensFactory.NAME,
                Map.of("serial_port", "/dev/ttyACM0", "mux", "mux16", "ocp_time", "10 s", "max_current", "5 mA"), "lab.yaml:1:1"));
        // an EmStat4 after firmware 1.1 talks at 921600 (PalmSens' Example_C/.../example.c)
        assertEquals(new TransportSettings.Serial(SerialSettings.eightNoneOne("/dev/ttyACM0", 921600)), s.transport());
        assertEquals(Multiplexer.MUX16, s.multiplexer());
        assertEquals(16, s.muxChannels());
        assertEquals(Duration.ofSeconds(10), s.ocpTime());
        assertEquals(5e-3, s.maxCurrent(), 1e-15);
    }
}
