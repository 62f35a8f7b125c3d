package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.cli.Main;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.RunReader;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cellbench serve DIR` on an imported run: the same view of its cell as of a recorded, finished one. */
class ServeImportedRunTest {
    @TempDir
    Path tmp;

    @Test
    void anImportedCellIsAnEndedCellWithItsLastSampleAndEverySampleInItsSeries() throws Exception {
        Path run = tmp.resolve("run");
        Path file = ReferenceData.require("neware/NewareNDA/nda/github/Issue5/test_2.ndax");
        assertEquals(0, Main.run("import", file.toString(), "--out", run.toString(), "--cell", "c7"));
        List<Sample> all = new ArrayList<>();
        try (RunReader reader = RunReader.open(run)) {
            reader.samples("c7", all::add);
        }
        try (RunDirectorySource source = new RunDirectorySource(run)) {
            List<CellView> cells = source.cells();
            assertEquals(List.of("c7"), cells.stream().map(CellView::id).toList());
            CellView c = cells.getFirst();
            assertEquals("ended", c.state(), c.toString());
            assertEquals("COMPLETED", c.outcome(), c.toString());
            assertEquals(all.getLast().voltageVolt(), c.voltageVolt());
            assertEquals(all.getLast().testTimeSecond(), c.testTimeSecond());
            assertEquals(all.getLast().cycleCount(), c.cycle());
            Series s = source.series("c7", Double.NEGATIVE_INFINITY, 100).orElseThrow();
            assertEquals(all.size(), s.total());
            assertEquals(all.getFirst().testTimeSecond(), s.testTimeSecond()[0]);
        }
    }
}
