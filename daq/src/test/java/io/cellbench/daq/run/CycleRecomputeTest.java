package io.cellbench.daq.run;

import static io.cellbench.daq.run.RunDirectorySinkTest.RUN;
import static io.cellbench.daq.run.RunDirectorySinkTest.T0;
import static io.cellbench.daq.run.RunDirectorySinkTest.expectedCycles;
import static io.cellbench.daq.run.RunDirectorySinkTest.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.ArrowWriteOptions;
import io.cellbench.daq.arrow.FsyncPolicy;
import io.cellbench.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cycle summaries recomputed from the sample files ({@link RunReader#recomputeCycles}, which
 * reads only the rows that decide a summary) equal CycleStatistics given every sample: on
 * random cycles whose current changes sign within a cycle, with unmeasured voltages (open-relay
 * rests), voltage extremes anywhere, ties, one-sample cycles, and batches of a few rows, so that
 * cycles span batches and batches hold several cycles.
 */
class CycleRecomputeTest {
    @TempDir
    Path dir;

    @Test
    void recomputedCyclesEqualTheSummariesOfEverySample() throws Exception {
        long seed = Seeds.seed("CycleRecomputeTest");
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        double t = 0;
        double totalAh = 0;
        for (int cycle = 1; cycle <= 60; cycle++) {
            int rows = random.nextInt(5) == 0 ? 1 : 1 + random.nextInt(40);
            double cycleIn = 0;
            double cycleOut = 0;
            for (int i = 0; i < rows; i++) {
                t += 1 + random.nextInt(3);
                double current = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> -0.001 * random.nextInt(3);
                    default -> 0.001 * random.nextInt(3);
                };
                // open-relay rests read no voltage; a few readings repeat exactly (ties)
                double volt = current == 0 && random.nextBoolean() ? Double.NaN
                        : 3.0 + random.nextInt(50) / 40.0;
                cycleIn += Math.max(current, 0) / 3600;
                cycleOut += Math.max(-current, 0) / 3600;
                totalAh += Math.abs(current) / 3600;
                samples.add(new Sample(t, T0 + t, volt, current, cycle, i + 1, 1, cycleIn, cycleOut, 0,
                        cycleIn - cycleOut, totalAh, cycleIn * 3.7, cycleOut * 3.6, 0, 0, totalAh * 3.7,
                        Double.isNaN(volt) ? 0 : volt * current, Double.NaN, 25, 1, cycleIn, cycleOut,
                        cycleIn * 3.7, cycleOut * 3.6));
            }
        }
        int batchRows = 1 + random.nextInt(9);
        String context = Seeds.replay(seed) + ", batches of " + batchRows;
        Path run = dir.resolve("run");
        try (BufferAllocator allocator = new RootAllocator()) {
            ArrowWriteOptions options = ArrowWriteOptions.DEFAULTS.withFsync(FsyncPolicy.NEVER).withBatchRows(batchRows);
            try (RunDirectorySink sink = RunDirectorySink.open(run, RUN, options, allocator)) {
                sink.on(started("A1", false));
                samples.forEach(s -> sink.on(new SampleRecorded("A1", s)));
            }
            List<CycleSummary> recomputed = new ArrayList<>();
            try (RunReader reader = RunReader.open(run, allocator)) {
                assertEquals(samples.size(), reader.recomputeCycles("A1", recomputed::add).rows(), context);
            }
            List<CycleSummary> expected = expectedCycles(samples);
            assertEquals(60, expected.size(), context);
            assertTrue(expected.stream().anyMatch(c -> !Double.isNaN(c.endChargeVoltageVolt())), context);
            assertEquals(expected, recomputed, context);
        }
    }
}
