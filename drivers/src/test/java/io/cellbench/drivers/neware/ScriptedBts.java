package io.cellbench.drivers.neware;

import io.cellbench.testing.ReferenceData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A BTS server that answers with the exact bytes recorded from a real BTS 8.0 server
 * (reference/neware/aurora-neware/responses), in the order scripted, on a real socket on
 * 127.0.0.1. Each exchange names a piece the request must contain (the README says which
 * request each recording answered); a request without it fails the test with both shown.
 */
final class ScriptedBts implements AutoCloseable {
    static final String RESPONSES = "neware/aurora-neware/responses/";

    private record Exchange(String expected, byte[] reply) {
    }

    private final List<Exchange> script = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private ServerSocket server;
    private Thread thread;

    /** The next request must contain {@code expected}; it is answered with the recorded reply {@code file}. */
    ScriptedBts expect(String expected, String file) throws IOException {
        script.add(new Exchange(expected, Files.readAllBytes(ReferenceData.require(RESPONSES + file))));
        return this;
    }

    /** As {@link #expect}, answered with {@code reply} (text + terminator) for a reply that was not recorded. */
    ScriptedBts expectText(String expected, String reply) {
        script.add(new Exchange(expected, reply.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The next request must contain {@code expected}; the server then drops the connection without a reply. */
    ScriptedBts expectAndDrop(String expected) {
        script.add(new Exchange(expected, null));
        return this;
    }

    /** The login every session starts with, answered as the recorded server answered it. */
    ScriptedBts login() throws IOException {
        return expect("<cmd>connect</cmd><username>admin</username><password>neware</password><type>bfgs</type>",
                "connect.xml");
    }

    int start() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().daemon().start(this::serve);
        return server.getLocalPort();
    }

    private void serve() {
        int next = 0;
        try {
            while (next < script.size()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    while (next < script.size()) {
                        Exchange e = script.get(next++);
                        String request = readRequest(in);
                        if (request == null) {
                            throw new AssertionError("the driver closed the link before sending '" + e.expected() + "'");
                        }
                        synchronized (requests) {
                            requests.add(request);
                        }
                        if (!request.contains(e.expected())) {
                            throw new AssertionError("expected a request containing\n  " + e.expected()
                                    + "\nbut got\n  " + request);
                        }
                        if (e.reply() == null) {
                            break; // drop this connection: the next exchanges come on a new one
                        }
                        s.getOutputStream().write(e.reply());
                        s.getOutputStream().flush();
                    }
                }
            }
        } catch (Throwable t) {
            if (!server.isClosed()) {
                failures.add(t);
            }
        }
    }

    /** One framed request, checked for aurora-neware's framing; null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.UTF_8);
            if (s.endsWith("#\r\n")) {
                if (!s.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><bts version=\"1.0\">")
                        || !s.endsWith("</bts>\n\n#\r\n")) {
                    throw new AssertionError("not framed as the BTS API wants: '" + s + "'");
                }
                return s;
            }
        }
        return null;
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Fails with the peer's first problem, or unless every scripted request came. */
    void assertComplete() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (requests().size() < script.size() && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("scripted BTS: " + failures.peek().getMessage(), failures.peek());
        }
        if (requests().size() < script.size()) {
            throw new AssertionError("the driver sent " + requests().size() + " of " + script.size()
                    + " scripted requests; next expected: " + script.get(requests().size()).expected());
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
