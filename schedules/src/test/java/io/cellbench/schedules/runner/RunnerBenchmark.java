package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.List;

/**
 * How fast the runner's loop is: 1,000 cycles of C/3 charge to 3.7 V and C/3 discharge to
 * 1.9 V on one simulated 2 mAh NMC811 | Li6PS5Cl | Li–In coin cell (formed, starting empty),
 * sampled every second, logged every 10 s or 5 mV, on a virtual clock, into a listener that
 * only counts. Goal: under 10 s of wall time.
 *
 * <p>{@code scripts/bench schedules RunnerBenchmark [cycles] [cccv] [fake]}: {@code cccv}
 * adds a hold at 3.7 V until C/20 to every charge; {@code fake} swaps the simulated cell for
 * the linear-OCV test fake, whose cost is near zero, to show the runner's own share.
 */
public final class RunnerBenchmark {

    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
        boolean cccv = flags.contains("cccv");
        boolean fake = flags.contains("fake");
        System.out.printf("runner benchmark: %d cycles of C/3 %s to 3.7 V / C/3 discharge to 1.9 V, "
                + "1 s sampling, 10 s / 5 mV logging, cell: %s%n", cycles,
                cccv ? "CC-CV (hold until C/20)" : "charge",
                fake ? "linear-OCV test fake" : "simulated coin cell (test-fixtures)");
        run(Math.max(1, cycles / 20), cccv, fake, false); // warm-up: let the JIT compile the loop
        run(cycles, cccv, fake, true);
    }

    private static void run(int cycles, boolean cccv, boolean fake, boolean print) {
        double t0 = 1_700_000_000.0;
        VirtualClock clock = new VirtualClock(t0);
        CyclerChannel inner;
        CellInfo cell;
        if (fake) {
            // 2 mAh, 1.9–3.7 V over the capacity (900 V/Ah), 20 Ω, an RC pair of 30 Ω / 100 s.
            inner = new FakeCellChannel(clock, 1.95, 900, 20, 30, 100);
            cell = new CellInfo("bench", "coin", "linear fake", 0.002, Double.NaN, Double.NaN, "");
        } else {
            SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 1, 50e6, clock);
            bench.cell().completeFormation();
            bench.cell().restAt(0.0);
            inner = bench.channel();
            cell = bench.cellInfo();
        }
        CountingChannel channel = new CountingChannel(inner);
        Counter counter = new Counter();
        ProtocolRunner runner = new ProtocolRunner(
                CellSetup.builder(cell, protocol(cycles, cccv), channel, clock, counter).build());

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        RunEvent.Outcome outcome = runner.run();
        double wall = (System.nanoTime() - start) * 1e-9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        if (!print) {
            return;
        }
        double simulated = clock.nowUnixSeconds() - t0;
        System.out.printf("outcome           %s (%d steps, cycle %d)%n", outcome, runner.status().stepCount(),
                runner.status().cycleCount());
        System.out.printf("wall time         %.2f s%n", wall);
        System.out.printf("simulated time    %.0f h (%.1f years)%n", simulated / 3600, simulated / 3600 / 24 / 365.25);
        System.out.printf("samples recorded  %,d%n", counter.samples);
        System.out.printf("loop iterations   %,d (channel reads)%n", channel.reads);
        System.out.printf("iterations / s    %,.0f  (%.0f ns each)%n", channel.reads / wall, wall * 1e9 / channel.reads);
        System.out.printf("speed-up          %,.0f× real time%n", simulated / wall);
        System.out.printf("allocated         %,d MB: %.0f bytes per recorded sample, %.1f per iteration%n",
                allocated >> 20, (double) allocated / counter.samples, (double) allocated / channel.reads);
    }

    private static Protocol protocol(int cycles, boolean cccv) {
        SourceLocation at = new SourceLocation("bench.cbp", 1, 1);
        Step.Drive charge = cccv
                ? new Step.Drive(at, "Charge at C/3 until 3.7 V then hold at 3.7 V until C/20", Step.DriveKind.CHARGE,
                        Step.Control.C_RATE, 1.0 / 3, null,
                        List.of(new Termination(Termination.Measure.VOLTAGE, Termination.Op.AT_LEAST, 3.7)),
                        new Step.CvHold(3.7, List.of(new Termination(Termination.Measure.C_RATE, Termination.Op.AT_MOST, 0.05))),
                        null)
                : new Step.Drive(at, "Charge at C/3 until 3.7 V", Step.DriveKind.CHARGE, Step.Control.C_RATE, 1.0 / 3,
                        null, List.of(new Termination(Termination.Measure.VOLTAGE, Termination.Op.AT_LEAST, 3.7)), null,
                        null);
        Step.Drive discharge = new Step.Drive(new SourceLocation("bench.cbp", 2, 1), "Discharge at C/3 until 1.9 V",
                Step.DriveKind.DISCHARGE, Step.Control.C_RATE, 1.0 / 3, null,
                List.of(new Termination(Termination.Measure.VOLTAGE, Termination.Op.AT_MOST, 1.9)), null, null);
        Step.Repeat repeat = new Step.Repeat(new SourceLocation("bench.cbp", 1, 1), "Repeat " + cycles + " times:",
                cycles, List.of(charge, discharge));
        SafetyLimits limits = new SafetyLimits(new Range(1.8, 3.8), new Range(-0.005, 0.005), Range.UNBOUNDED,
                Range.UNBOUNDED);
        return new Protocol("bench", "bench.cbp", limits, new LoggingRule(10, 0.005, Double.POSITIVE_INFINITY, 1),
                List.of(repeat));
    }

    /** Counts recorded samples; nothing else, so the figure is the runner's own cost. */
    private static final class Counter implements RunListener {
        long samples;

        @Override
        public void on(RunEvent event) {
            if (event instanceof RunEvent.SampleRecorded) {
                samples++;
            }
        }
    }

    /** Counts reads, which are the loop's iterations. */
    private static final class CountingChannel extends ForwardingCyclerChannel {
        long reads;

        CountingChannel(CyclerChannel inner) {
            super(inner);
        }

        @Override
        public ChannelReading read() {
            reads++;
            return inner.read();
        }
    }
}
