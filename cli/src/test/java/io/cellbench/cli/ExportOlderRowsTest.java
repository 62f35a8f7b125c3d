package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports copy a run's values as the files hold them, but a row written with the meanings
 * before BDF 1.3 (Step Record Index 0: its running totals were not recorded) still gets its
 * totals worked out from throughput and net, as every reader of the run does (SampleField.sample),
 * in the same file as rows written since, in the row order of the run.
 */
class ExportOlderRowsTest {
    @TempDir
    Path tmp;

    @Test
    void rowsWithoutARecordIndexGetTheirTotalsWorkedOutAndTheOthersAreCopied() throws Exception {
        Path run = tmp.resolve("run");
        RunInfo info = new RunInfo("older", Instant.parse("2024-05-01T00:00:00Z"), "test");
        double t0 = info.startTime().getEpochSecond();
        try (RootAllocator allocator = new RootAllocator();
             RunDirectorySink sink = RunDirectorySink.open(run, info,
                     ArrowWriteOptions.DEFAULTS.withBatchRows(2).withFsync(FsyncPolicy.NEVER), allocator)) {
            sink.on(new RunEvent.RunStarted("c", t0, new CellInfo("c", "coin", "", 0.002, 0, 0, ""), "p", "", false));
            // cumulative 0.003 Ah and net 0.001 Ah: 0.002 Ah in, 0.001 Ah out; the totals given are not those
            sink.on(new RunEvent.SampleRecorded("c", sample(1, 0, 0.9)));
            sink.on(new RunEvent.SampleRecorded("c", sample(2, 7, 0.9)));
            sink.on(new RunEvent.SampleRecorded("c", sample(3, 0, 0.9)));
            sink.on(new RunEvent.RunEnded("c", 3, RunEvent.Outcome.COMPLETED, "done"));
        }
        Path out = tmp.resolve("csv");
        Console c = Console.run("data", "export", run.toString(), "--format", "csv", "-o", out.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        List<String> lines = Files.readAllLines(out.resolve("c.csv"));
        List<String> header = List.of(lines.getFirst().split(",", -1));
        int charging = header.indexOf("charging_capacity_ah");
        int discharging = header.indexOf("discharging_capacity_ah");
        int record = header.indexOf("step_record_index");
        assertEquals(4, lines.size(), lines.toString());
        for (int row = 1; row <= 3; row++) {
            String[] v = lines.get(row).split(",", -1);
            boolean older = row != 2;
            assertEquals(older ? "0" : "7", v[record], "row " + row);
            assertEquals(older ? 0.002 : 0.9, Double.parseDouble(v[charging]), 1e-15, "row " + row);
            assertEquals(older ? 0.001 : 0.9, Double.parseDouble(v[discharging]), 1e-15, "row " + row);
            assertEquals(Double.toString(row), v[header.indexOf("test_time_second")], "row " + row);
        }
    }

    private static Sample sample(double t, int recordIndex, double totals) {
        return new Sample(t, 1.7e9 + t, 3.7, 0.001, 1, 1, 1, 0.002, 0.001, 0.003, 0.001, 0.003, 0.0074, 0.0037, 0.011,
                0.0037, 0.011, 0.0037, Double.NaN, 25, recordIndex, totals, totals, totals, totals);
    }
}
