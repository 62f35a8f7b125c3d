package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.schedules.runner.RunnerStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rest with the relay open has no voltage: the progress shows "-", never NaN and never a 0 V cell. */
class ProgressReporterTest {

    private static RunnerStatus resting(double volt, double ampere) {
        return new RunnerStatus(RunnerStatus.State.RUNNING, "Rest for 1 hour", 2, 2, 3, 1, volt, ampere, 60, 3660,
                null, List.of(), null);
    }

    @Test
    void anUnmeasuredVoltageShowsADashWithTheKnownCurrent() {
        String line = ProgressReporter.line("cell-1", resting(Double.NaN, 0));
        assertTrue(line.contains("- V") && line.contains("+0.000 mA"), line);
        assertFalse(line.contains("NaN"), line);
        String bar = ProgressLines.row("cell-1", resting(Double.NaN, 0), 120, 8, Double.POSITIVE_INFINITY, null);
        assertTrue(bar.contains(" - V  +0.000 mA"), bar);
        assertFalse(bar.contains("0.000 V"), bar);
    }

    @Test
    void aMeasuredReadingShowsItsNumbers() {
        assertTrue(ProgressReporter.line("cell-1", resting(3.4567, -0.001)).contains("3.457 V     -1.000 mA"));
        assertTrue(ProgressLines.row("cell-1", resting(3.4567, -0.001), 120, 8, Double.POSITIVE_INFINITY, null).contains(" 3.457 V  -1.000 mA"));
        String before = ProgressReporter.line("cell-1", resting(Double.NaN, Double.NaN));
        assertTrue(before.contains("- V") && before.contains("- mA"), before);
    }

    private static RunnerStatus running(String step, int stepCount, int planned, double volt, double ampere) {
        return new RunnerStatus(RunnerStatus.State.RUNNING, step, stepCount, stepCount, planned, 2, volt, ampere, 60,
                3660, null, List.of(), null);
    }

    /** The rows the bars drew last, without colours, one per cell. */
    private static List<String> drawnRows(String out, int cells) {
        String plain = out.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        List<String> rows = new java.util.ArrayList<>();
        for (String piece : plain.split("[\r\n]")) {
            if (!piece.isBlank()) {
                rows.add(piece);
            }
        }
        return rows.subList(Math.max(0, rows.size() - cells), rows.size());
    }

    @Test
    void barsHaveOneWidthAndEveryRowFitsAnEightyColumnTerminal() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, RunnerStatus> statuses = new java.util.LinkedHashMap<>();
        statuses.put("c1", running("Rest for 1 hour", 1, 12, 3.1, 0));
        statuses.put("coin-60MPa-2", running("Charge at C/3 then hold at 3.7 V until C/50 or 4 hours", 5, 12, 3.65,
                0.000667));
        statuses.put("p", running("Discharge at 1C until 1.9 V", 11, 12, Double.NaN, -0.002));
        ProgressReporter reporter = new ProgressReporter(null, out, 250, true);
        reporter.print(statuses);
        reporter.close();
        List<String> rows = drawnRows(bytes.toString(java.nio.charset.StandardCharsets.UTF_8), 3);
        int start = rows.getFirst().indexOf('│');
        int end = rows.getFirst().lastIndexOf('│');
        for (String row : rows) {
            assertTrue(row.codePointCount(0, row.length()) <= 80, "fits 80 columns: [" + row + "]");
            assertTrue(row.indexOf('│') == start && row.lastIndexOf('│') == end, "one bar width:\n" + String.join("\n", rows));
        }
        assertTrue(end - start - 1 >= 10, "a bar of at least 10 characters: " + rows.getFirst());
    }

    @Test
    void theLastStepIsNotDoneUntilItEnds() {
        String line = ProgressReporter.line("c1", running("Rest for 1 hour", 12, 12, 3.1, 0));
        assertFalse(line.contains("100%"), line);
        RunnerStatus completed = new RunnerStatus(RunnerStatus.State.ENDED, "Rest for 1 hour", 12, 12, 12, 2, 3.1, 0,
                3600, 40000, io.cellbench.core.data.RunEvent.Outcome.COMPLETED, List.of(), null);
        assertTrue(ProgressReporter.line("c1", completed).contains("100%"), ProgressReporter.line("c1", completed));
    }

    @Test
    void withoutATerminalACellIsLoggedWhenItChangesNotEveryTwoSecondsAndAnEndedCellOnce() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        ProgressReporter reporter = new ProgressReporter(null, out, 2000, false);
        java.util.Map<String, RunnerStatus> statuses = new java.util.LinkedHashMap<>();
        statuses.put("c1", running("Charge at C/2 until 3.7 V", 3, 12, 3.5, 0.001));
        statuses.put("c2", new RunnerStatus(RunnerStatus.State.ENDED, "Rest for 1 hour", 12, 12, 12, 2, 3.1, 0,
                3600, 40000, io.cellbench.core.data.RunEvent.Outcome.COMPLETED, List.of(), null));
        reporter.print(statuses);
        String first = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, first.lines().count(), first);
        statuses.put("c1", running("Charge at C/2 until 3.7 V", 3, 12, 3.51, 0.001)); // a new reading, same step
        reporter.print(statuses);
        assertEquals(first, bytes.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing new to say");
        statuses.put("c1", running("Rest for 20 minutes", 4, 12, 3.6, 0)); // the next step
        reporter.print(statuses);
        String after = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).substring(first.length());
        assertEquals(1, after.lines().count(), after);
        assertTrue(after.startsWith("c1 "), "the ended cell is not logged again: " + after);
    }

    @Test
    void aRowIsSizedToItsTerminalWithABarOfAtLeastTenColumns() {
        RunnerStatus s = running("Charge at C/3 then hold at 3.7 V until C/50 or 4 hours", 5, 12, 3.65, 0.000667);
        String wide = ProgressLines.row("c1", s, 200, 12, Double.POSITIVE_INFINITY, null);
        assertEquals(ProgressLines.MAX_BAR, wide.lastIndexOf('│') - wide.indexOf('│') - 1, wide);
        String narrow = ProgressLines.row("c1", s, 40, 12, Double.POSITIVE_INFINITY, null);
        assertEquals(ProgressLines.MIN_BAR, narrow.lastIndexOf('│') - narrow.indexOf('│') - 1, narrow);
        assertTrue(narrow.length() <= 40, "[" + narrow + "]");
        int at80 = ProgressLines.barWidth(80, 12);
        assertTrue(at80 >= 15, "an 80-column terminal has room for a real bar: " + at80);
    }

    @Test
    void aCellWhoseInstrumentStoppedAnsweringShowsThatAndNoStaleReading() {
        RunnerStatus stalled = running("Charge at C/2 until 3.7 V", 3, 12, 2.882, 0.0004).with(new RunnerStatus.Health(
                7200, "keithley-3: ':READ?': no answer within 2000 ms", 7201, Double.NaN, ""));
        String line = ProgressReporter.line("c7", stalled);
        assertTrue(line.contains("not answering") && line.contains("no answer within 2000 ms"), line);
        assertFalse(line.contains("2.882") || line.contains("0.400"), "no stale reading: " + line);
        String row = ProgressLines.row("c7", stalled, 100, 4, Double.POSITIVE_INFINITY, null);
        assertTrue(row.contains("not answering") && !row.contains("2.882"), row);
    }

    @Test
    void withoutATerminalAnUnchangedCellIsLoggedEveryMinuteAndAlarmsAsTheyCome() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        AlarmLines alarms = new AlarmLines();
        ProgressReporter reporter = new ProgressReporter(null, out, 2000, false).alarms(alarms);
        Map<String, RunnerStatus> statuses = Map.of("c1", running("Charge at C/2 until 3.7 V", 3, 12, 3.5, 0.001));
        long t = 0;
        reporter.print(statuses, t);
        reporter.print(statuses, t += 59_000_000_000L);
        assertEquals(1, bytes.toString().lines().count(), bytes.toString());
        reporter.print(statuses, t += 1_000_000_000L);
        assertEquals(2, bytes.toString().lines().count(), "a minute later: " + bytes);
        alarms.on(new io.cellbench.core.data.RunEvent.Notice("c1", 7300, io.cellbench.core.data.RunEvent.Severity.ALARM,
                "channel silent: no sample for 10.0 s"));
        reporter.print(statuses, t += 2_000_000_000L);
        assertEquals("cellbench: ALARM c1: channel silent: no sample for 10.0 s", bytes.toString().lines().toList().getLast());
    }

    /**
     * An alarm is printed as it comes, not at the next look: a process killed in the seconds
     * between (the hostile-night soak killed one 1.3 s after its FAULT) would never show it.
     */
    @Test
    void withoutATerminalAnAlarmIsPrintedAtOnceNotAtTheNextLook() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        AlarmLines alarms = new AlarmLines();
        // a look every 10 minutes: only the alarm itself can make the line appear within the wait
        try (ProgressReporter reporter = new ProgressReporter(null, out, 600_000, false).alarms(alarms)) {
            reporter.start();
            alarms.on(new io.cellbench.core.data.RunEvent.Notice("c1", 9866, io.cellbench.core.data.RunEvent.Severity.ALARM,
                    "keithley-2450-1: no answer; gave up after 1 failed read in 602 s"));
            io.cellbench.testing.Await.until(() -> "the alarm on the console: " + bytes, () -> bytes.toString()
                    .contains("cellbench: ALARM c1: keithley-2450-1: no answer; gave up after 1 failed read in 602 s"));
        }
    }
}
