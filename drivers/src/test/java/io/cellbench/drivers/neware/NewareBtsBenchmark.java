package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How fast the neware-bts driver downloads records from the BTS simulator: everything of a
 * long test in 1,000-record requests, and the newest 1,000 from a held position (what a
 * follower does every poll). The simulator answers at once; a real BTS is slower past ~100 k
 * records (aurora-neware), which is why the driver never downloads from the start again.
 *
 * <pre>scripts/bench drivers NewareBtsBenchmark [records]</pre>
 */
public final class NewareBtsBenchmark {
    private NewareBtsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        Path share = Files.createTempDirectory("neware-bench");
        Path program = Files.writeString(share.resolve("cycling.xml"), NewareBtsSimulatorTest.CYCLING
                .replace("<Time Value=\"30000\" />", "<Time Value=\"1000\" />")
                .replace("<Cycle_Count Value=\"2\" />", "<Cycle_Count Value=\"100\" />"));
        try (BtsSimulator sim = new BtsSimulator("bts-bench", List.of(new SimulatedCell(CellParameters.coin()
                .withVariation(1))), new VirtualClock(1_700_000_000), BtsSimulator.Options.of(share))) {
            sim.startTcp();
            try (NewareBts bts = NewareBts.open("nw", NewareBtsSettings.tcp("127.0.0.1", sim.tcpPort())
                    .withShare(share, "C:\\cellbench\\steps"))) {
                NewareBtsChannel ch = bts.channel("27-21-1-1");
                ch.start(program, "bench");
                while (ch.recordCount() < wanted) {
                    Thread.sleep(100);
                }
                ch.stop();
                long count = ch.recordCount();
                for (int round = 0; round < 3; round++) {
                    long t0 = System.nanoTime();
                    List<ProgramRecord> all = ch.records(1, Integer.MAX_VALUE);
                    double s = (System.nanoTime() - t0) / 1e9;
                    long t1 = System.nanoTime();
                    List<ProgramRecord> tail = ch.records(count - 999, 1000);
                    double tailMs = (System.nanoTime() - t1) / 1e6;
                    System.out.printf(Locale.ROOT, "round %d: %d records in %.2f s (%.0f records/s, %d requests);"
                            + " the newest %d from a held position in %.1f ms%n", round + 1, all.size(), s,
                            all.size() / s, (all.size() + 999) / 1000, tail.size(), tailMs);
                }
            }
        }
    }
}
