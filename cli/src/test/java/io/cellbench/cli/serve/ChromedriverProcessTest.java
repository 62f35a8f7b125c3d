package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.testing.ListeningPorts;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chromedriver gets its port from the kernel (--port=0) and names it; the port is its own. Before,
 * a port was found free, closed, and handed to chromedriver, which another process could take
 * first (then chromedriver exited, or the test met whoever answered there).
 */
class ChromedriverProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void startsAgainAndAgainOnALoopbackPortItHoldsItself() throws Exception {
        WebDriver.requireInstalled();
        HttpClient http = HttpClient.newHttpClient();
        Set<Integer> ports = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            Process gone;
            try (ChromedriverProcess driver = ChromedriverProcess.start(WebDriver.CHROMEDRIVER)) {
                gone = driver.process;
                assertTrue(ListeningPorts.of(driver.process.toHandle()).contains(driver.port),
                        "port " + driver.port + " is this chromedriver's");
                for (String loopback : new String[] {"127.0.0.1", "::1"}) {
                    InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(loopback), driver.port);
                    try (ServerSocket other = new ServerSocket()) {
                        assertThrows(BindException.class, () -> other.bind(at), "no one else can listen at " + at);
                    }
                }
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + driver.port + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, status.statusCode(), status.body());
                assertTrue(JSON.readTree(status.body()).path("value").path("ready").asBoolean(), status.body());
                ports.add(driver.port);
            }
            assertTrue(gone.waitFor(10, TimeUnit.SECONDS), "chromedriver ends with close()");
        }
        assertFalse(ports.contains(0), ports.toString());
    }

    @Test
    void aPortAnotherProcessListensOnIsNotTakenForChromedriversOwn() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // a stand-in that claims another process's port, as a misread line or a stale one would
            Path liar = script("liar", "echo 'ChromeDriver was started successfully on port " + foreign.getLocalPort()
                    + ".'\nexec sleep 60\n");
            AssertionError e = assertThrows(AssertionError.class, () -> ChromedriverProcess.start(liar));
            assertTrue(e.getMessage().contains("listens on port " + foreign.getLocalPort() + ", but its own listening"
                    + " ports are []"), e.getMessage());
        }
    }

    @Test
    void aKernelChosenPortWhoseIpv4TwinIsTakenIsGivenUpAndChromedriverStartedAgain() throws Exception {
        Path tries = tmp.resolve("tries");
        Path unlucky = script("unlucky", "echo start >> " + tries + "\necho 'IPv4 port not available. Exiting...'\n"
                + "exit 1\n");
        AssertionError e = assertThrows(AssertionError.class, () -> ChromedriverProcess.start(unlucky));
        assertEquals(ChromedriverProcess.STARTS, Files.readAllLines(tries).size(), "started again each time");
        assertTrue(e.getMessage().contains("attempt 3 of 3") && e.getMessage().contains("IPv4 port not available"),
                e.getMessage());

        Path broken = script("broken", "echo start >> " + tmp.resolve("once") + "\necho 'no such option'\nexit 2\n");
        AssertionError other = assertThrows(AssertionError.class, () -> ChromedriverProcess.start(broken));
        assertEquals(1, Files.readAllLines(tmp.resolve("once")).size(), "any other failure is not tried again");
        assertTrue(other.getMessage().contains("no such option"), other.getMessage());
    }

    private Path script(String name, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
