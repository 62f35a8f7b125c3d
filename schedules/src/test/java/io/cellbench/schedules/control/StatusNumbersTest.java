package io.cellbench.schedules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control channel's status answer (what {@code status --json} prints) writes its numbers
 * as the run's files do: the shortest decimal, never an exponent (docs/data.md), and they
 * read back as the same doubles.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusNumbersTest {
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+0-9]");

    @TempDir
    Path tmp;

    @Test
    void aLongRunsTestTimeAndASmallCurrentHaveNoExponent() throws Exception {
        // 140 days into a test, 100 µA, 55 nAh into the step
        CellStatus cell = new CellStatus("coin-1", "RUNNING", List.of(), null, 3, "cc", 12, 3.7012, 1e-4, 5.5e-8,
                3600.5, 12_096_000.25, 1796569168.0839665, null, null);
        ControlHandler handler = r -> {
            ObjectNode ok = ControlJson.ok();
            ok.putArray("cells").add(cell.toJson());
            return ok;
        };
        String line;
        try (ControlServer server = ControlServer.start(tmp, handler);
             SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(server.socketFile()));
            ByteBuffer request = StandardCharsets.UTF_8.encode("{\"command\": \"status\"}\n");
            while (request.hasRemaining()) {
                c.write(request);
            }
            line = readLine(c);
        }
        assertFalse(EXPONENT.matcher(line).find(), "a number with an exponent in " + line);
        assertTrue(line.contains("12096000.25") && line.contains("0.0001") && line.contains("0.000000055")
                && line.contains("1796569168.0839665"), line);
        JsonNode answer = ControlJson.MAPPER.readTree(line);
        assertEquals(cell, CellStatus.fromJson(answer.path("cells").get(0)));
    }

    private static String readLine(SocketChannel c) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (true) {
            b.clear();
            if (c.read(b) < 0) {
                break;
            }
            b.flip();
            while (b.hasRemaining()) {
                byte x = b.get();
                if (x == '\n') {
                    return text.toString(StandardCharsets.UTF_8);
                }
                text.write(x);
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
