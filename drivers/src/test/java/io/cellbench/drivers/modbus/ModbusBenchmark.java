package io.cellbench.drivers.modbus;

import com.fazecast.jSerialComm.SerialPort;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.testing.DriverVsBare;
import io.cellbench.drivers.testing.DriverVsBare.Rates;
import io.cellbench.drivers.testing.DriverVsBare.Run;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Transactions per second of {@code modbus-pressure}'s {@code readPressurePa()} (one FC04 read
 * of a float32 force, decoded and divided by the area) against the press simulator, beside a
 * baseline that sends the same request bytes over the same kind of link with no driver on top
 * (a bare socket; a bare jSerialComm port) and reads the answer. The ratio is what the driver's
 * layers cost. For Modbus TCP, mbpoll (libmodbus) against the same slave runs beside them:
 * polling (its floor is a 10 ms poll interval, so it measures mbpoll's pacing, not the link)
 * and one process per transaction ({@code -1}, which is how scripts use it).
 *
 * <pre>scripts/bench drivers ModbusBenchmark [tcp reads] [pty reads]</pre>
 */
public final class ModbusBenchmark {

    /** FC04, input 0x0000, 2 registers, unit 1. */
    private static final byte[] PDU = {0x04, 0x00, 0x00, 0x00, 0x02};

    private ModbusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tcpReads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int ptyReads = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.printf(Locale.ROOT, "modbus-pressure readPressurePa() against its simulator, median of %d alternating"
                + " rounds%n", DriverVsBare.ROUNDS);
        SimulatedCell cell = Bench.formedCoin(0.5);
        cell.setPressurePa(50e6);
        try (ModbusPressSimulator sim = new ModbusPressSimulator("press-bench", cell, new SystemLabClock())) {
            int port = sim.startTcp();
            ModbusPressureFixture press = open(sim.labEntry());
            byte[] adu = new MbapFraming().request(1, PDU);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setTcpNoDelay(true);
                compare("modbus tcp", () -> driverReads(press, tcpReads), () -> rawTcpReads(s, adu, tcpReads), tcpReads);
            }
            press.close();
            mbpoll(port);
        }

        Path dir = Files.createTempDirectory("cellbench-bench");
        try (ModbusPressSimulator sim = new ModbusPressSimulator("press-bench", cell, new SystemLabClock())) {
            Path tty = sim.startSerial(dir);
            ModbusPressureFixture press = open(sim.labEntry());
            byte[] adu = new RtuFraming().request(1, PDU);
            SerialPort p = SerialPort.getCommPort(tty.toString());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 2000, 0);
            Run bare = () -> {
                press.master().close(); // the port opens exclusively: driver and bare link take turns
                if (!p.openPort()) {
                    throw new IOException("cannot open " + tty);
                }
                try {
                    rawSerialReads(p, adu, ptyReads);
                } finally {
                    p.closePort();
                    press.master().connect(); // outside the driver's timed rounds
                }
            };
            compare("modbus rtu pty", () -> driverReads(press, ptyReads), bare, ptyReads);
            press.close();
        }
    }

    private static ModbusPressureFixture open(Map<String, Object> labEntry) {
        Map<String, Object> entry = new LinkedHashMap<>(labEntry);
        entry.remove("driver");
        entry.remove("fault_bits");
        @SuppressWarnings("unchecked")
        Map<String, Object> registers = new LinkedHashMap<>((Map<String, Object>) entry.get("registers"));
        registers.remove("status"); // one transaction per reading
        entry.put("registers", registers);
        return (ModbusPressureFixture) Drivers.named("modbus-pressure")
                .open(new io.cellbench.drivers.InstrumentConfig("press-bench", "modbus-pressure", entry, "bench"));
    }

    /** Driver and bare link in alternating rounds, so load from other processes hits both alike. */
    private static void compare(String link, Run driver, Run bare, int reads) throws Exception {
        Rates r = DriverVsBare.compare(driver, bare, reads);
        System.out.printf(Locale.ROOT, "%-15s driver %7.0f/s (%6.1f µs)  bare link %7.0f/s (%6.1f µs)  driver/bare %.2f"
                + "   [best: %.0f vs %.0f /s]%n", link, r.driverMedian(), 1e6 / r.driverMedian(), r.bareMedian(), 1e6 / r.bareMedian(),
                r.driverOverBare(), r.driverBest(), r.bareBest());
    }

    private static void driverReads(ModbusPressureFixture press, int reads) {
        double sink = 0;
        for (int i = 0; i < reads; i++) {
            sink += press.readPressurePa();
        }
        if (!(sink > 0)) {
            throw new AssertionError("no pressure");
        }
    }

    private static void rawTcpReads(Socket s, byte[] adu, int reads) throws IOException {
        OutputStream out = s.getOutputStream();
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] buf = new byte[260];
        for (int i = 0; i < reads; i++) {
            out.write(adu);
            out.flush();
            in.readFully(buf, 0, 7);
            in.readFully(buf, 7, ((buf[4] & 0xFF) << 8 | buf[5] & 0xFF) - 1);
        }
    }

    private static void rawSerialReads(SerialPort p, byte[] adu, int reads) throws IOException {
        byte[] buf = new byte[64];
        for (int i = 0; i < reads; i++) {
            p.writeBytes(adu, adu.length);
            int at = 0;
            while (at < 9) { // unit, fc, count, 4 data bytes, CRC
                int n = p.readBytes(buf, 9 - at, at);
                if (n <= 0) {
                    throw new IOException("no answer");
                }
                at += n;
            }
        }
    }

    /** mbpoll against the same slave: polling every 10 ms (its floor) for 3 s, and 50 one-shot processes. */
    private static void mbpoll(int port) throws Exception {
        List<String> base = List.of("mbpoll", "-m", "tcp", "-p", Integer.toString(port), "-a", "1", "-0", "-t", "3:float",
                "-B", "-r", "0", "-c", "1");
        List<String> polling = new java.util.ArrayList<>(base);
        polling.addAll(List.of("-l", "10", "127.0.0.1"));
        Path log = Files.createTempFile("mbpoll", ".txt");
        Process p = new ProcessBuilder(polling).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        p.destroy();
        p.waitFor(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        long polls = out.lines().filter(l -> l.startsWith("[0]:")).count();
        System.out.printf(Locale.ROOT, "%-15s mbpoll polling (-l 10, its floor) %5.0f/s%n", "modbus tcp", polls / seconds);

        List<String> once = new java.util.ArrayList<>(base);
        once.addAll(List.of("-1", "127.0.0.1"));
        int n = 50;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Process q = new ProcessBuilder(once).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!q.waitFor(10, TimeUnit.SECONDS) || q.exitValue() != 0) {
                throw new IOException("mbpoll failed");
            }
        }
        double rate = n / ((System.nanoTime() - t0) * 1e-9);
        System.out.printf(Locale.ROOT, "%-15s mbpoll -1, one process per transaction %5.0f/s (%.1f ms)%n", "modbus tcp",
                rate, 1e3 / rate);
    }
}
