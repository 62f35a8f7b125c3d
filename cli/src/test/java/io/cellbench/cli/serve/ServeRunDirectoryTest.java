package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.Main;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cellbench serve DIR` on a finished run: what /api/cells and the series endpoint are made of. */
class ServeRunDirectoryTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void runFinished() throws Exception {
        Path schedule = TinyRun.write(tmp.resolve("in"), 2);
        run = tmp.resolve("run");
        assertEquals(0, Main.run("run", schedule.toString(), "--simulate", "--out", run.toString()));
    }

    @Test
    void cellsOfAFinishedRunAreEndedWithTheirLastSample() throws Exception {
        try (RunDirectorySource source = new RunDirectorySource(run)) {
            List<CellView> cells = source.cells();
            assertEquals(TinyRun.CELLS, cells.stream().map(CellView::id).toList());
            for (CellView c : cells) {
                Sample last = lastSample(c.id());
                assertEquals("ended", c.state(), c.toString());
                assertEquals("COMPLETED", c.outcome(), c.toString());
                assertEquals(1.0, c.progress());
                assertEquals(last.voltageVolt(), c.voltageVolt());
                assertEquals(last.testTimeSecond(), c.testTimeSecond());
                assertEquals(2, c.cycle());
                assertEquals("Discharge at C/2 until 1.9 V", c.step());
                assertTrue(c.lastEvent().startsWith("ended completed"), c.lastEvent());
            }
            assertFalse(source.runId().isEmpty());
        }
    }

    @Test
    void seriesIsThinnedToMaxKeepingFirstAndNewestAndIsIncremental() throws Exception {
        List<Sample> all = samples("coin-a");
        assertTrue(all.size() > 200, "samples: " + all.size());
        try (RunDirectorySource source = new RunDirectorySource(run)) {
            Series s = source.series("coin-a", Double.NEGATIVE_INFINITY, 50).orElseThrow();
            assertEquals(50, s.size());
            assertEquals(all.size(), s.total());
            assertEquals(all.getFirst().testTimeSecond(), s.testTimeSecond()[0]);
            assertEquals(all.getLast().testTimeSecond(), s.testTimeSecond()[49]);
            assertEquals((float) all.getLast().voltageVolt(), s.voltageVolt()[49]);
            for (int k = 1; k < s.size(); k++) {
                assertTrue(s.testTimeSecond()[k] > s.testTimeSecond()[k - 1]);
            }
            // incremental: only what came after `since`, unthinned when it fits
            double since = all.get(all.size() - 11).testTimeSecond();
            Series tail = source.series("coin-a", since, 2000).orElseThrow();
            assertEquals(10, tail.size());
            assertEquals(10, tail.total());
            assertEquals(all.get(all.size() - 10).testTimeSecond(), tail.testTimeSecond()[0]);
            assertEquals((float) all.get(all.size() - 10).currentAmpere(), tail.currentAmpere()[0]);
            assertEquals(0, source.series("coin-a", all.getLast().testTimeSecond(), 2000).orElseThrow().size());
            assertTrue(source.series("no-such-cell", 0, 10).isEmpty());
        }
    }

    @Test
    void jsonHasNullForUnknownNumbersAndEscapesText() {
        String json = JsonWriter.cells("r1", false, List.of(new CellView("a\"<b", "not started", "", 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, "")));
        assertEquals("{\"run_id\":\"r1\",\"live\":false,\"cells\":[{\"id\":\"a\\\"\\u003cb\",\"state\":\"not started\","
                + "\"step\":\"\",\"cycle\":0,\"voltage_volt\":null,\"current_ampere\":null,\"test_time_second\":null,"
                + "\"progress\":null,\"outcome\":null,\"last_event\":\"\"}]}", json);
    }

    @Test
    void serveRefusesADirectoryThatIsNotARun() throws Exception {
        Path notARun = Files.createDirectories(tmp.resolve("empty"));
        assertNotEquals(0, Main.run("serve", notARun.toString(), "--port", "0"));
    }

    private static List<Sample> samples(String cell) throws Exception {
        List<Sample> all = new ArrayList<>();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples(cell, all::add);
        }
        return all;
    }

    private static Sample lastSample(String cell) throws Exception {
        return samples(cell).getLast();
    }
}
