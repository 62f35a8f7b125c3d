package io.cellbench.cli.lab;

import static io.cellbench.cli.lab.ProbeAndPortsTest.cellbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.lab.ProbeAndPortsTest.Result;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cellbench probe} says what the PalmSens and Maccor drivers verified on the device, warnings included. */
@Timeout(60)
class ProbeVerifiedPalmSensMaccorTest {
    @TempDir
    Path dir;

    @Test
    void probeOfAnOlderEmStat4SaysWhichBaudRateAnsweredAndWhatToSet() throws Exception {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        try (SocatPair pair = SocatPair.start(dir);
             MethodScriptSimulator sim = new MethodScriptSimulator("palmsens", Map.of(1, cell), new SystemLabClock(), 1)) {
            sim.firmware("es4_hr1.1").startSerial(pair.instrumentEnd(), pair.driverEnd());
            Files.writeString(dir.resolve("lab.yaml"), """
                    instruments:
                      eis-1: {driver: palmsens-methodscript, serial_port: %s, timeout: 1 s}
                    """.formatted(pair.driverEnd()));
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "eis-1");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("  device: EmStat4 HR\n"), r.out());
            assertTrue(r.out().contains("  firmware: es4_hr1.1 #cellbench simulator Rpalmsens*".replace("*", "\n")),
                    r.out());
            assertTrue(r.out().contains("  baud rate: 230400 (921600 got no answer)  WARNING: set 'baud: 230400' in the"
                    + " lab file (PalmSens documents 230400 for the EmStat4 HR on firmware 1.1)"), r.out());
            assertTrue(r.err().contains("warning: eis-1: baud rate: set 'baud: 230400' in the lab file"), r.err());
        }
    }

    @Test
    void probeOfAMaccorChannelReportsTheSystemAndTheChannelsRanges() throws Exception {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        try (MacNetSimulator sim = new MacNetSimulator("maccor", List.of(cell), new SystemLabClock(),
                new MacNetSimulator.Options(Duration.ZERO, Duration.ofMillis(100)))) {
            int port = sim.startTcp();
            // max_current above the simulated channel's 20 mA range: probe warns, before any run is refused
            Files.writeString(dir.resolve("lab.yaml"), """
                    instruments:
                      maccor-1: {driver: maccor-macnet, host: 127.0.0.1, port: %d, max_current: 50 mA}
                    """.formatted(port));
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "maccor-1/1");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("  system type: 0 (lab system)\n"), r.out());
            assertTrue(r.out().contains("  tester software: MacTest32.exe 3.2.18, MacTest32.dll 3.2.18, MacNet API 1\n"),
                    r.out());
            assertTrue(r.out().contains("  channel 1 ranges: Vmin 0 V, Vmax 10 V, range 4: 0.02 A charge, 0.02 A discharge"
                    + "  WARNING: max_current 0.05 A is above the channel's range 4 (0.02 A)"), r.out());
        }
    }
}
