package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class SeedsTest {

    private final String before = System.getProperty(Seeds.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Seeds.PROPERTY);
        } else {
            System.setProperty(Seeds.PROPERTY, before);
        }
    }

    @Test
    void aFreshSeedIsPrintedWithHowToReplayIt() {
        System.clearProperty(Seeds.PROPERTY);
        String printed = printed(() -> Seeds.seed("SomeTest"));
        assertTrue(printed.matches("SomeTest: random seed (-?\\d+); replay with -Dcellbench\\.seed=\\1\\R"), printed);
    }

    @Test
    void theSystemPropertyReplaysASeed() {
        System.setProperty(Seeds.PROPERTY, " -42 ");
        assertEquals("SomeTest: random seed -42 (from -Dcellbench.seed)" + System.lineSeparator(),
                printed(() -> assertEquals(-42L, Seeds.seed("SomeTest"))));
        System.setProperty(Seeds.PROPERTY, "yesterday's");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.seed("SomeTest"));
        assertEquals("-Dcellbench.seed must be a whole number (a printed seed), got 'yesterday's'", e.getMessage());
    }

    @Test
    void aFailureMessageSaysHowToReplayTheSeed() {
        assertEquals("seed -42 (replay: -Dcellbench.seed=-42)", Seeds.replay(-42));
    }

    @Test
    void theSamePropertyFixesJqwiksSeed() {
        System.setProperty(Seeds.PROPERTY, "20261206");
        List<Long> first = drawnBySeededSample();
        List<Long> second = drawnBySeededSample();
        assertEquals(SeededSample.TRIES, first.size());
        assertEquals(first, second, "the same seed draws the same values");
        System.setProperty(Seeds.PROPERTY, "20261207");
        assertNotEquals(first, drawnBySeededSample(), "another seed draws other values");
    }

    /** Runs SeededSample's property through the JUnit Platform, as surefire would. */
    private static List<Long> drawnBySeededSample() {
        SeededSample.DRAWN.clear();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        printed(() -> LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SeededSample.class)).build(), summary));
        assertEquals(1, summary.getSummary().getTestsSucceededCount(), () -> {
            java.io.StringWriter w = new java.io.StringWriter();
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(w), 20);
            return w.toString();
        });
        return new ArrayList<>(SeededSample.DRAWN);
    }

    private static String printed(Runnable r) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
