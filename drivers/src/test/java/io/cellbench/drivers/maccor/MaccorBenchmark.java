package io.cellbench.drivers.maccor;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.drivers.testing.DriverVsBare;
import io.cellbench.drivers.testing.DriverVsBare.Rates;
import io.cellbench.drivers.testing.DriverVsBare.Run;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Status reads per second of {@code MaccorChannel.read()} against the MacNet simulator, beside
 * a baseline that sends the same JSON request lines ((4,7) for the same channel, ids counting
 * up) over a bare socket to the same simulator and reads each answer line, with no driver on
 * top. The ratio is what the driver's layers cost (locks, JSON writing and parsing, id and
 * function checks, the sign of the current). The cells run on the wall clock, as in a live run.
 *
 * <pre>scripts/bench drivers MaccorBenchmark [reads]</pre>
 */
public final class MaccorBenchmark {


    private MaccorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf(Locale.ROOT, "maccor-macnet read() ((4,7) status) against its simulator, median of %d"
                + " alternating rounds%n", DriverVsBare.ROUNDS);
        List<SimulatedCell> cells = List.of(MacNetRig.formedCoin(0.5), MacNetRig.formedCoin(0.5));
        try (MacNetSimulator sim = new MacNetSimulator("maccor-bench", cells, new SystemLabClock(),
                MacNetRig.relaxed())) {
            int port = sim.startTcp();
            MaccorBank bank = MaccorBank.open("maccor-bench", MaccorSettings.tcp("127.0.0.1", port)
                    .withLimits(0.05, 4.5, 0.06));
            MaccorChannel ch = bank.channel(2);
            ch.apply(new ChannelCommand.Current(4e-4, 1.9, 3.7));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setTcpNoDelay(true);
                long[] id = {1_000_000};
                Run driver = () -> {
                    double sink = 0;
                    for (int i = 0; i < reads; i++) {
                        sink += ch.read().voltageVolt();
                    }
                    if (Double.isNaN(sink)) {
                        throw new AssertionError("NaN reading");
                    }
                };
                Run bare = () -> rawReads(s, reads, id);
                Rates r = DriverVsBare.compare(driver, bare, reads);
                System.out.printf(Locale.ROOT, "tcp 127.0.0.1  driver read() %7.0f/s (%6.1f µs)  bare link %7.0f/s"
                                + " (%6.1f µs)  driver/bare %.2f   [best: %.0f vs %.0f /s]%n",
                        r.driverMedian(), 1e6 / r.driverMedian(), r.bareMedian(), 1e6 / r.bareMedian(), r.driverOverBare(),
                        r.driverBest(), r.bareBest());
            }
            bank.close();
        }
    }

    /** The driver's request line for channel 2, written by hand, one per read; reads the answer line. */
    private static void rawReads(Socket s, int reads, long[] id) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        for (int i = 0; i < reads; i++) {
            byte[] request = ("{\"jsonrpc\":\"2.0\",\"method\":\"MacNet\",\"params\":{\"FClass\":4,\"FNum\":7,"
                    + "\"Chan\":1},\"id\":" + id[0]++ + "}\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(request);
            out.flush();
            int at = 0;
            boolean done = false;
            while (!done) {
                int n = in.read(buf, at, buf.length - at);
                if (n <= 0) {
                    throw new IOException("no answer");
                }
                for (int k = at; k < at + n; k++) {
                    if (buf[k] == '\n') {
                        done = true;
                    }
                }
                at = done ? 0 : at + n;
            }
        }
    }
}
