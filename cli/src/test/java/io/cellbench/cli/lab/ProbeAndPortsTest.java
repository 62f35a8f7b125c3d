package io.cellbench.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import io.cellbench.cli.Main;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.testing.Await;
import io.cellbench.testing.DeadPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180) // a hang guard
class ProbeAndPortsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result cellbench(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void probeIdentifiesAndReadsASimulatedKeithleyByInstrumentOrChannelName() throws Exception {
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            for (String name : List.of("keithley-2450-1", "ch-1")) {
                Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), name);
                assertEquals(0, r.code(), r.out() + r.err());
                assertTrue(r.out().contains("identify: KEITHLEY INSTRUMENTS,MODEL 2450,"), r.out());
                assertTrue(r.out().matches("(?s).*reading: +\\d\\.\\d{4} V, -?0\\.\\d{6} mA.*"), r.out());
                assertTrue(r.out().contains("ok: " + name + " answered"), r.out());
            }
        }
    }

    @Test
    void probeOfAKeithleyThatRestsWithItsRelayOpenSaysTheCellIsNotMeasured() throws Exception {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        try (Keithley2450Simulator smu = new Keithley2450Simulator(cell, new SystemLabClock())) {
            int port = smu.startTcp();
            Files.writeString(dir.resolve("lab.yaml"), """
                    instruments:
                      smu-1: {driver: keithley-2450, host: 127.0.0.1, port: %d, rest: open-relay}
                    """.formatted(port));
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "smu-1");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("reading:  not measured: the channel rests with the cell disconnected (relay"
                    + " open), 0 mA"), r.out());
            assertTrue(!r.out().contains("NaN"), r.out());
        }
    }

    @Test
    void probeReachesAKeithleyOnASocatPseudoTerminal() throws Exception {
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir).withSerial(true))) {
            lab.writeLab(dir.resolve("lab.yaml"));
            assertTrue(Files.readString(dir.resolve("lab.yaml")).contains("transport: serial"));
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "ch-1");
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("identify: KEITHLEY INSTRUMENTS,MODEL 2450,"), r.out());
        }
    }

    @Test
    void probeOfADeadPortIsOneLineNamingTheInstrumentAndTheCommand() throws Exception {
        // a port nothing listens on for the whole test (a freed port could be taken meanwhile)
        try (DeadPort dead = new DeadPort()) {
            int port = dead.port();
            Files.writeString(dir.resolve("lab.yaml"), """
                    instruments:
                      smu-9: {driver: keithley-2450, host: 127.0.0.1, port: %d, connect_timeout: 1 s}
                    """.formatted(port));
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "smu-9");
            assertEquals(3, r.code(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: probe smu-9 (keithley-2450): smu-9: 'connect': tcp 127.0.0.1:" + port),
                    r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());

            Result unknown = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "smu-1");
            assertEquals(2, unknown.code());
            assertTrue(unknown.err().contains("'smu-1' is neither an instrument nor a channel"), unknown.err());
        }
    }

    @Test
    void probeOfASimulatorThatStopsAnsweringNamesTheCommandThatTimedOut() throws Exception {
        try (VirtualLab lab = VirtualLab.start(VirtualLab.Options.of(1, new SystemLabClock(), dir))) {
            // a short timeout for the probed instrument only: the others' entries may have their own
            String yaml = lab.labYaml();
            int port = yaml.indexOf("    port:", yaml.indexOf("  keithley-2450-1:\n"));
            yaml = yaml.substring(0, port) + "    timeout: 300 ms\n    retries: 0\n" + yaml.substring(port);
            Files.writeString(dir.resolve("lab.yaml"), yaml);
            lab.instrument("keithley-2450-1").faults().set(new io.cellbench.fixtures.wire.FaultPolicy.NoAnswer());
            Result r = cellbench("probe", "--lab", dir.resolve("lab.yaml").toString(), "keithley-2450-1");
            assertEquals(3, r.code(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: probe keithley-2450-1 (keithley-2450): keithley-2450-1: '*IDN?'"),
                    r.err());
        }
    }

    @Test
    void portsListsWhatJSerialCommFindsOrSaysThereAreNone() {
        Result r = cellbench("ports");
        assertEquals(0, r.code(), r.err());
        SerialPort[] ports = SerialPort.getCommPorts();
        if (ports.length == 0) {
            assertTrue(r.out().startsWith("No serial ports found on this computer."), r.out());
            assertTrue(r.out().contains("socat pseudo-terminals are never listed"), r.out());
        } else {
            for (SerialPort p : ports) {
                assertTrue(r.out().contains(p.getSystemPortPath()), r.out());
            }
        }
    }

    @Test
    void portsDescribeAUsbAdapterOnOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortsCommand.print(List.of(new PortsCommand.Port("/dev/ttyUSB0", "FT232R USB UART", "1-1.2", "FTDI",
                "A10K4XYZ", 0x0403, 0x6001)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("1 serial port:\n  /dev/ttyUSB0  FT232R USB UART, FTDI, USB 0403:6001, serial number A10K4XYZ, at 1-1.2\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void virtualLabWritesItsLabFileAndServesItUntilStopped() throws Exception {
        Path labFile = dir.resolve("out").resolve("lab.yaml");
        Files.writeString(dir.resolve("quick.yaml"), "name: q\nsteps:\n  - Rest for 1 s\n");
        // serves far longer than the probe and the validation take on any machine; stopped below
        Thread t = Thread.ofPlatform().start(() -> Main.run("virtual-lab", "--write-lab", labFile.toString(),
                "--cells", "2", "--schedule-out", dir.resolve("vl.yaml").toString(), "--protocol",
                dir.resolve("quick.yaml").toString(), "--for", "30m"));
        try {
            Await.until("virtual-lab wrote its schedule", () -> Files.isRegularFile(dir.resolve("vl.yaml")));
            assertTrue(Files.readString(labFile).contains("keithley-2450-2:"), Files.readString(labFile));
            Result probe = cellbench("probe", "--lab", labFile.toString(), "ch-2");
            assertEquals(0, probe.code(), probe.out() + probe.err());
            Result validate = cellbench("validate", "--lab", labFile.toString(), dir.resolve("vl.yaml").toString());
            assertEquals(0, validate.code(), validate.err());
            assertTrue(Files.readString(dir.resolve("vl.yaml")).contains("protocol: quick.yaml"));
        } finally {
            t.interrupt(); // as Ctrl-C would: the simulators close
            t.join(Await.HANG_GUARD);
        }
        assertTrue(!t.isAlive(), "virtual-lab stopped");
        Result after = cellbench("probe", "--lab", labFile.toString(), "ch-2");
        assertEquals(3, after.code(), "the simulators stopped with the command: " + after.out());
    }

    @Test
    void virtualLabStopsByItselfWhenItsTimeIsUp() throws Exception {
        Path labFile = dir.resolve("lab.yaml");
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> code.set(Main.run("virtual-lab", "--write-lab", labFile.toString(),
                "--cells", "1", "--for", "1s")));
        t.join(Await.HANG_GUARD);
        assertTrue(!t.isAlive(), "virtual-lab ended when its second was up");
        assertEquals(0, code.get());
        Result after = cellbench("probe", "--lab", labFile.toString(), "ch-1");
        assertEquals(3, after.code(), "the simulators stopped with the command: " + after.out());
    }
}
