package io.cellbench.schedules.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.schedules.runner.RunPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal prints its numbers as every file of a run does (docs/data.md: the shortest
 * decimal, never an exponent) and reads them back as the same doubles.
 */
class JournalNumbersTest {
    /** A digit, an exponent letter, and a digit or sign: Java's 1.7965691680839665E9 or 1.0E-4. */
    static final Pattern EXPONENT = Pattern.compile("[0-9][eE][-+0-9]");

    @TempDir
    Path dir;

    @Test
    void aLargeUnixTimeAndSmallChargesArePlainDecimalsThatReadBackExactly() throws IOException {
        double written = 1796569168.0839665;
        double testTime = 12_096_000.25; // 140 days
        RunPosition position = new RunPosition(List.of(2, 1), List.of(3), 5, RunPosition.Phase.MAIN,
                1796569168.0839665 - testTime, 100, testTime, 0,
                new RunPosition.Counts(2, 7, true, 1e-4, 5.5e-8, 2e-4, 8e-4, 5e-3, 4e-3, 7e-4, 1e-4 * 3.7, 3e-3, 2e-2));
        JournalEntry entry = new JournalEntry("A1", written, position, Outcome.STOPPED,
                Map.of("soc", new double[] {1e-5, 0.42}), testTime);
        JournalFiles.writeEntry(dir, entry);

        String text = Files.readString(JournalFiles.cellFile(dir, "A1"));
        assertFalse(EXPONENT.matcher(text).find(), "a number with an exponent in\n" + text);
        assertTrue(text.contains("1796569168.0839665"), text);
        assertTrue(text.contains("12096000.25"), text);
        assertTrue(text.contains("0.0001"), text);

        JournalEntry back = JournalFiles.readEntry(dir, "A1").orElseThrow();
        assertEquals(written, back.writtenUnixSecond());
        assertEquals(position, back.position());
        assertEquals(testTime, back.dataThroughTestTimeSecond());
        assertArrayEquals(new double[] {1e-5, 0.42}, back.instruments().get("soc"));
    }
}
