package io.cellbench.drivers.maccor;

import io.cellbench.drivers.testing.RawPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare MacNet peer on 127.0.0.1: expects exact request lines, in order, and answers each
 * with a scripted line ("\r\n" appended). A request that differs from the script is recorded
 * and ends the connection.
 */
final class ScriptedMacNet implements AutoCloseable {

    private record Exchange(String request, String answer) {
    }

    private final List<Exchange> script = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private RawPeer peer;

    ScriptedMacNet expect(String request, String answer) {
        script.add(new Exchange(request, answer));
        return this;
    }

    /** Starts listening; the script may still grow until the driver gets there. */
    int start() throws IOException {
        peer = new RawPeer(this::play);
        return peer.port();
    }

    private void play(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        for (int i = 0; ; i++) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            received.add(line);
            Exchange e;
            synchronized (script) {
                e = i < script.size() ? script.get(i) : null;
            }
            if (e == null) {
                problems.add("unexpected request #" + (i + 1) + ": " + line);
                return;
            }
            if (!e.request().equals(line)) {
                problems.add("request #" + (i + 1) + "\n expected " + e.request() + "\n      got " + line);
                return;
            }
            if (e.answer() != null) {
                RawPeer.send(s, e.answer() + "\r\n");
            }
        }
    }

    List<String> received() {
        return List.copyOf(received);
    }

    /** Fails unless every request so far matched and all scripted ones arrived. */
    void assertComplete() {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        if (received.size() != script.size()) {
            throw new AssertionError("the driver sent " + received.size() + " of " + script.size()
                    + " scripted requests: " + received);
        }
    }

    @Override
    public void close() throws IOException {
        peer.close();
    }
}
