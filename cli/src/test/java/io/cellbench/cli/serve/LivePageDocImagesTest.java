package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.Main;
import io.cellbench.testing.Await;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live-page screenshots in docs/images are what the page shows today: the page serving the
 * (deterministic) demo run, photographed in headless Chromium at the documented window sizes,
 * must look like the committed pictures. The status line carries the time of day and Chromium
 * may anti-alias text a little differently between versions, so a small share of pixels may
 * differ; a changed layout, table or plot moves far more.
 *
 * <p>{@code scripts/make-doc-images.sh} runs this test with {@code -Dcellbench.docImages=write}
 * to take the pictures instead of comparing them.
 */
class LivePageDocImagesTest {
    private static final double TOLERATED_SHARE = 0.03;

    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runDemo() {
        run = tmp.resolve("demo");
        assertEquals(0, Main.run("demo", "--out", run.toString()));
    }

    @ParameterizedTest
    @CsvSource({"live-page.png, 1000, 1000", "live-page-phone.png, 500, 860"})
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a hang guard over its waits (chromedriver, page, refresh)
    void screenshotMatchesThePage(String file, int width, int height) throws Exception {
        WebDriver.requireInstalled();
        byte[] png;
        try (RunDirectorySource source = new RunDirectorySource(run);
             LiveServer server = LiveServer.start(source,
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
             WebDriver browser = WebDriver.start(tmp.resolve("profile-" + width), width, height)) {
            browser.open(server.url().toString());
            awaitAtRest(browser, 4); // the demo's four cells
            png = browser.screenshotPng();
        }
        Path committed = Path.of("..", "docs", "images", file);
        if ("write".equals(System.getProperty("cellbench.docImages"))) {
            Files.write(committed, png);
            return;
        }
        BufferedImage expected = ImageIO.read(committed.toFile());
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        String hint = "docs/images/" + file + " is not what the live page shows today;"
                + " run scripts/make-doc-images.sh and commit the images";
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(), hint);
        long differ = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF)) {
                    differ++;
                }
            }
        }
        double share = (double) differ / ((long) expected.getWidth() * expected.getHeight());
        assertTrue(share <= TOLERATED_SHARE, String.format("%s (%.2f %% of pixels differ)", hint, 100 * share));
    }

    /**
     * Waits for {@code cells} rows in the table and the plots, then for one more complete refresh
     * (the status line's "updated HH:MM:SS" changes once a refresh has drawn everything), so the
     * page is at rest.
     */
    static void awaitAtRest(WebDriver browser, int cells) throws IOException, InterruptedException {
        Await.until(() -> "the page shows " + cells + " cells and a plot: " + text(browser), () -> browser.execute(
                "return document.querySelectorAll('#cells tbody tr').length >= " + cells
                        + " && +document.getElementById('plots').dataset.points > 0;").asBoolean());
        String shown = status(browser);
        Await.until(() -> "a refresh after '" + shown + "': " + text(browser),
                () -> status(browser).startsWith("updated ") && !status(browser).equals(shown));
    }

    private static String status(WebDriver browser) throws IOException, InterruptedException {
        return browser.execute("return document.getElementById('status').textContent").asText();
    }

    private static String text(WebDriver browser) {
        try {
            return browser.execute("return document.body.innerText").asText();
        } catch (IOException | InterruptedException e) {
            return "(page text unavailable: " + e + ")";
        }
    }
}
