package io.cellbench.drivers.keithley;

import com.fazecast.jSerialComm.SerialPort;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.testing.Bench;
import io.cellbench.drivers.testing.DriverVsBare;
import io.cellbench.drivers.testing.DriverVsBare.Rates;
import io.cellbench.drivers.testing.DriverVsBare.Run;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Queries per second of {@code Keithley2450Channel.read()} against the simulator, beside a
 * baseline that sends the same bytes ({@code :READ? "defbuffer1", READ, SOUR\n}) over the same
 * kind of link with no driver on top (a bare socket; a bare jSerialComm port) and reads the
 * answer line. The ratio is what the driver's layers (lock, stale-input check, framing,
 * parsing, regime logic) cost. The simulator's cell runs on the wall clock, as in a live run.
 *
 * <pre>scripts/bench drivers Keithley2450Benchmark [tcp reads] [pty reads]</pre>
 */
public final class Keithley2450Benchmark {

    private static final byte[] QUERY = (Keithley2450Channel.READ_QUERY + "\n").getBytes(StandardCharsets.US_ASCII);

    private Keithley2450Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tcpReads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int ptyReads = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.printf(Locale.ROOT, "keithley-2450 read() against its simulator, median of %d alternating rounds%n",
                DriverVsBare.ROUNDS);
        try (Keithley2450Simulator sim = new Keithley2450Simulator(Bench.formedCoin(0.5), new SystemLabClock())) {
            int port = sim.startTcp();
            Keithley2450Channel smu = Keithley2450Factory.open("smu-bench", Keithley2450Settings.tcp("127.0.0.1", port));
            smu.apply(new ChannelCommand.Current(4e-4, 1.9, 3.7));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setTcpNoDelay(true);
                compare("tcp 127.0.0.1", () -> driverReads(smu, tcpReads), () -> rawTcpReads(s, tcpReads), tcpReads);
            }
            smu.close();
        }

        Path dir = Files.createTempDirectory("cellbench-bench");
        try (SocatPair pair = SocatPair.start(dir);
             Keithley2450Simulator sim = new Keithley2450Simulator(Bench.formedCoin(0.5), new SystemLabClock())) {
            sim.startSerial(pair.instrumentEnd());
            TransportSettings serial = new TransportSettings.Serial(
                    SerialSettings.eightNoneOne(pair.driverEnd().toString(), 115200));
            Keithley2450Channel smu = Keithley2450Factory.open("smu-bench", Keithley2450Settings.tcp("unused", 1)
                    .withTransport(serial));
            smu.apply(new ChannelCommand.Current(4e-4, 1.9, 3.7));
            // the port opens exclusively: driver and bare link take turns on it
            SerialPort p = SerialPort.getCommPort(pair.driverEnd().toString());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 2000, 0);
            Run bare = () -> {
                smu.session().disconnect();
                if (!p.openPort()) {
                    throw new IOException("cannot open " + pair.driverEnd());
                }
                try {
                    rawSerialReads(p, ptyReads);
                } finally {
                    p.closePort();
                    smu.session().reconnect("benchmark"); // outside the driver's timed rounds
                }
            };
            compare("socat pty", () -> driverReads(smu, ptyReads), bare, ptyReads);
            // a run's cells are virtual threads: their native calls take the same hand-off
            compare("pty, vthread", () -> onVirtualThread(() -> driverReads(smu, ptyReads)), bare, ptyReads);
            smu.close();
        }
    }

    /**
     * Driver and bare link in alternating rounds, so that load from other processes on a
     * shared machine hits both alike; prints the median and the best of each.
     */
    private static void compare(String link, Run driver, Run bare, int reads) throws Exception {
        Rates r = DriverVsBare.compare(driver, bare, reads);
        System.out.printf(Locale.ROOT, "%-13s driver read() %7.0f/s (%6.1f µs)  bare link %7.0f/s (%6.1f µs)"
                        + "  driver/bare %.2f   [best: %.0f vs %.0f /s]%n",
                link, r.driverMedian(), 1e6 / r.driverMedian(), r.bareMedian(), 1e6 / r.bareMedian(),
                r.driverOverBare(), r.driverBest(), r.bareBest());
    }

    private static void onVirtualThread(Runnable reads) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = Thread.ofVirtual().uncaughtExceptionHandler((th, e) -> failed.set(e)).start(reads);
        t.join();
        if (failed.get() != null) {
            throw new IllegalStateException("reads on a virtual thread failed", failed.get());
        }
    }

    private static void driverReads(Keithley2450Channel smu, int reads) {
        double sink = 0;
        for (int i = 0; i < reads; i++) {
            sink += smu.read().voltageVolt();
        }
        if (Double.isNaN(sink)) {
            throw new AssertionError("NaN reading");
        }
    }

    private static void rawTcpReads(Socket s, int reads) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[256];
        for (int i = 0; i < reads; i++) {
            out.write(QUERY);
            out.flush();
            readLine(in::read, buf);
        }
    }

    private static void rawSerialReads(SerialPort p, int reads) throws IOException {
        byte[] buf = new byte[256];
        for (int i = 0; i < reads; i++) {
            p.writeBytes(QUERY, QUERY.length);
            readLine((b, off, len) -> p.readBytes(b, len, off), buf);
        }
    }

    @FunctionalInterface
    private interface Reader {
        int read(byte[] b, int off, int len) throws IOException;
    }

    private static void readLine(Reader in, byte[] buf) throws IOException {
        int at = 0;
        while (true) {
            int n = in.read(buf, at, buf.length - at);
            if (n <= 0) {
                throw new IOException("no answer");
            }
            for (int i = at; i < at + n; i++) {
                if (buf[i] == '\n') {
                    return;
                }
            }
            at += n;
        }
    }

}
