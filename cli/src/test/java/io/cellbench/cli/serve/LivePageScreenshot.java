package io.cellbench.cli.serve;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the screenshot in docs/images/live-page.png: {@code LivePageScreenshot URL OUT.png
 * [WIDTH HEIGHT]} while a run is served (e.g. {@code cellbench demo --serve}). Not a test.
 */
public final class LivePageScreenshot {
    private LivePageScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 900;
        Path profile = Files.createTempDirectory("cellbench-chromium-");
        try (WebDriver browser = WebDriver.start(profile, width, height)) {
            browser.open(args[0]);
            LivePageDocImagesTest.awaitAtRest(browser, 1); // table and plots filled, then one more refresh
            Files.write(Path.of(args[1]), browser.screenshotPng());
            System.out.println("points plotted: " + browser.execute(
                    "return document.getElementById('plots').dataset.points").asText());
        }
    }
}
