package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The figures in docs/images (shown in docs/plots.md and the getting-started guide) are what
 * the code draws today: the demo is deterministic (seeded cells, virtual time), so drawing its
 * plots again with the arguments of scripts/make-doc-images.sh must give the same pictures.
 * Pixels are compared, not bytes, and a sliver of difference is allowed so that a machine
 * whose fonts anti-alias a glyph differently does not fail; a changed curve, colour, axis or
 * layout moves far more pixels than that.
 */
class DocImagesTest {
    /** Share of pixels that may differ: text rendering, never a drawing change. */
    private static final double TOLERATED_SHARE = 0.005;

    @TempDir
    static Path tmp;
    static final Path run = RecordedDemo.path();

    /** The same figures, with the same arguments, as scripts/make-doc-images.sh. */
    static List<List<String>> figures() {
        return List.of(
                List.of("voltage", "--kind", "voltage", "--cell", "coin-60MPa"),
                List.of("capacity", "--kind", "capacity", "--cell", "coin-60MPa", "--cell", "coin-15MPa"),
                List.of("nyquist", "--kind", "nyquist", "--cell", "coin-60MPa"),
                List.of("bode", "--kind", "bode", "--cell", "coin-60MPa"),
                List.of("dqdv", "--kind", "dqdv", "--cell", "coin-60MPa"),
                List.of("nyquist-fit", "--kind", "nyquist", "--cell", "coin-60MPa", "--fit"),
                List.of("drt", "--kind", "drt", "--cell", "coin-60MPa"),
                // the cells named, in the schedule's order, as the script names them
                List.of("resistance", "--kind", "resistance", "--against", "pressure", "--cell", "coin-60MPa",
                        "--cell", "coin-15MPa", "--cell", "pouch-5MPa", "--cell", "pouch-1MPa"),
                List.of("time", "--kind", "time", "--cell", "coin-60MPa", "--cell", "coin-15MPa", "--cycles", "1..4"));
    }

    @ParameterizedTest
    @MethodSource("figures")
    void docImageMatchesWhatThePlotCommandDraws(List<String> figure) throws IOException {
        String name = figure.get(0);
        Path drawn = tmp.resolve("plot-" + name + ".png");
        Object[] args = new Object[figure.size() + 3];
        args[0] = "plot";
        args[1] = run;
        for (int i = 1; i < figure.size(); i++) {
            args[i + 1] = figure.get(i);
        }
        args[figure.size() + 1] = "-o";
        args[figure.size() + 2] = drawn;
        Cellbench.Outcome plot = Cellbench.run(args);
        assertEquals(0, plot.code(), plot.err());

        Path committed = Path.of("..", "docs", "images", "plot-" + name + ".png");
        BufferedImage expected = Images.png(committed);
        BufferedImage actual = Images.png(drawn);
        String hint = "docs/images/plot-" + name + ".png is not what the code draws today;"
                + " run scripts/make-doc-images.sh and commit the images";
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(), hint);
        double share = differingShare(expected, actual);
        assertTrue(share <= TOLERATED_SHARE, String.format("%s (%.2f %% of pixels differ)", hint, 100 * share));
    }

    private static double differingShare(BufferedImage a, BufferedImage b) {
        long differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    differ++;
                }
            }
        }
        return (double) differ / ((long) a.getWidth() * a.getHeight());
    }
}
