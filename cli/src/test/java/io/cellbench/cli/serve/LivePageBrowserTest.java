package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cellbench run … --serve` end to end in headless Chromium: the page lists every running
 * cell and its plot grows while the run goes. Needs Debian's chromium and chromium-driver
 * (./run-tests installs them); fails, never skips, without them.
 */
class LivePageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void pageShowsEveryRunningCellAndItsPlotGrows() throws Exception {
        WebDriver.requireInstalled();
        Path schedule = TinyRun.write(tmp.resolve("in"), 4);
        // --port 0: the run picks a free port and prints the page's address, read here from its
        // output (a port found free and closed again could be taken before the run binds it)
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(console, printed), true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> run;
        URI base;
        try {
            // about 30 s of wall time: settling and four C/2 cycles (13.5 h) at 1,500 simulated seconds per second
            run = CompletableFuture.supplyAsync(() -> Main.run("run", schedule.toString(),
                    "--simulate", "--speed", "1500", "--out", tmp.resolve("run").toString(),
                    "--serve", "--port", "0"));
            base = URI.create(awaitPrintedUrl(printed, run));
        } finally {
            System.setOut(console);
        }
        awaitRunning(base, run);

        try (WebDriver browser = WebDriver.start(tmp.resolve("chromium-profile"), 900, 1000)) {
            browser.open(base.toString());
            JsonNode rows = poll(browser, """
                    const rows = [...document.querySelectorAll('#cells tbody tr')];
                    // a cell may be settling again between the API's answer and the page's first
                    // refresh (a step that waits for pressure or temperature): wait for running
                    return rows.length >= 2 && +document.getElementById('plots').dataset.points > 0
                            && rows.every(r => r.querySelector('.state').textContent === 'running')
                        ? rows.map(r => ({id: r.dataset.cell, state: r.querySelector('.state').textContent}))
                        : null;""");
            assertEquals(TinyRun.CELLS.size(), rows.size(), rows.toString());
            for (int k = 0; k < rows.size(); k++) {
                assertEquals(TinyRun.CELLS.get(k), rows.get(k).path("id").asText());
                assertEquals("running", rows.get(k).path("state").asText(), rows.toString());
            }
            assertEquals(TinyRun.CELLS.getFirst(), browser.execute(
                    "return document.getElementById('plots').dataset.cell").asText());
            // The page refreshes every 2 s; on a loaded machine a refresh may come late, so this
            // waits (up to 30 s) for the plot to grow rather than a fixed two refreshes.
            int before = points(browser);
            int after = before;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (after <= before && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                after = points(browser);
            }
            assertTrue(after > before, "plotted points should grow while the run goes: " + before + " → " + after);
            assertTrue(run.getNow(null) == null, "the run ended before the plot was seen to grow; slow it down");
        }
        assertEquals(0, run.get(120, TimeUnit.SECONDS));
    }

    @Test
    void withATokenThePrintedUrlOpensThePageAndItsDataInTheBrowser() throws Exception {
        WebDriver.requireInstalled();
        Path run = tmp.resolve("finished");
        assertEquals(0, Main.run("run", TinyRun.write(tmp.resolve("in"), 1).toString(), "--simulate",
                "--out", run.toString()));
        AccessToken token = AccessToken.generate();
        try (RunDirectorySource source = new RunDirectorySource(run);
             LiveServer server = LiveServer.start(source,
                     new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token);
             WebDriver browser = WebDriver.start(tmp.resolve("chromium-profile"), 900, 1000)) {
            browser.open(server.url().toString());
            // the redirect set the cookie; the page's own requests carry it
            JsonNode shown = poll(browser, """
                    const rows = [...document.querySelectorAll('#cells tbody tr')];
                    return rows.length >= 2 && +document.getElementById('plots').dataset.points > 0
                        ? {href: location.href, states: rows.map(r => r.querySelector('.state').textContent)}
                        : null;""");
            assertEquals("[\"completed\",\"completed\"]", shown.path("states").toString());
            assertTrue(!shown.path("href").asText().contains("token"), shown.toString());
        }
    }

    private static int points(WebDriver browser) throws IOException, InterruptedException {
        return Integer.parseInt(browser.execute("return document.getElementById('plots').dataset.points").asText());
    }

    private static JsonNode poll(WebDriver browser, String script) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode v = browser.execute(script);
            if (!v.isNull()) {
                return v;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the page did not show the cells and a plot within 60 s: "
                + browser.execute("return document.body.innerText").asText());
    }

    /** The live page's address as the run printed it ("cellbench: live page at http://…/"). */
    private static String awaitPrintedUrl(ByteArrayOutputStream printed, CompletableFuture<Integer> run)
            throws InterruptedException {
        Pattern at = Pattern.compile("live page at (http://\\S+/)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !run.isDone()) {
            String text;
            synchronized (printed) {
                text = printed.toString(StandardCharsets.UTF_8);
            }
            Matcher m = at.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run --serve did not print its page's address within 60 s (exit code "
                + run.getNow(null) + ")");
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }

    /** Waits until the server answers and every cell has started. */
    private static void awaitRunning(URI base, CompletableFuture<Integer> run) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "no answer";
        while (System.nanoTime() < deadline && !run.isDone()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/cells")).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.body();
                JsonNode cells = JSON.readTree(r.body()).path("cells");
                if (cells.size() == TinyRun.CELLS.size()
                        && cells.findValuesAsText("state").stream().allMatch("running"::equals)) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run --serve did not serve running cells within 60 s (exit code "
                + run.getNow(null) + "); last answer: " + last);
    }
}
