package io.cellbench.drivers.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A bare TCP peer on 127.0.0.1 that accepts one connection and plays a script on it. */
public final class RawPeer implements AutoCloseable {

    /** What the peer does with its connection. */
    @FunctionalInterface
    public interface Script {
        void play(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final Thread thread;

    public RawPeer(Script script) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().daemon().start(() -> {
            try (Socket s = server.accept()) {
                script.play(s);
            } catch (Exception e) {
                // the test closed us, or the driver went away
            }
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Sends text and flushes. */
    public static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
