package io.cellbench.drivers.modbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare Modbus TCP peer on 127.0.0.1: accepts one connection and plays a script of exact
 * frames, each request the driver must send (hex) and the answer to give. A request that
 * differs from the script is recorded and ends the conversation.
 */
final class ModbusPeer implements AutoCloseable {
    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private record Exchange(byte[] request, byte[] answer) {
    }

    private final List<Exchange> script = new ArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private volatile int played;
    private Thread thread;

    ModbusPeer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The driver sends {@code request} and gets {@code answer} (both hex, spaces allowed). */
    ModbusPeer expect(String request, String answer) {
        script.add(new Exchange(bytes(request), bytes(answer)));
        return this;
    }

    ModbusPeer start() {
        thread = Thread.ofPlatform().daemon().start(() -> {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                for (Exchange e : script) {
                    byte[] got = new byte[e.request().length];
                    in.readFully(got);
                    if (!java.util.Arrays.equals(got, e.request())) {
                        problems.add("expected " + HEX.formatHex(e.request()) + ", got " + HEX.formatHex(got));
                        return;
                    }
                    // Counted before the answer leaves: the driver may act on the answer and the
                    // test ask problems() before this thread runs again (a flake under load).
                    played++;
                    s.getOutputStream().write(e.answer());
                    s.getOutputStream().flush();
                }
                if (in.read() != -1) {
                    problems.add("the driver sent more than the script");
                }
            } catch (IOException e) {
                // the driver closed the connection
            }
        });
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Problems seen, and a complaint when not every exchange was played. */
    List<String> problems() {
        List<String> out = new ArrayList<>(problems);
        if (played != script.size()) {
            out.add("played " + played + " of " + script.size() + " exchanges");
        }
        return out;
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
