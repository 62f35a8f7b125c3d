package io.cellbench.schedules.execution;

import com.sun.management.OperatingSystemMXBean;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.RunnerTiming;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One process driving many simulated channels on the real clock ({@link SystemLabClock}):
 * by default 1,000 channels sampled 10 times a second each for 60 s, through a protocol of
 * 2 s steps (charge, rest, discharge, rest at 1C) so that a termination comes every few
 * seconds on every channel. Events go to a listener that only counts (the sinks have their
 * own benchmarks). Prints:
 * <ul>
 * <li>CPU use: the process's CPU time over the wall time (1.0 is one core busy);</li>
 * <li>heap used: the peak seen by a once-a-second sampler, and after a GC at the end;</li>
 * <li>loop lateness: when each sample was taken against when its grid planned it
 *     ({@link RunnerTiming}), p50/p99/p99.9/max;</li>
 * <li>termination to output change: from the read that met a step's termination to the
 *     {@code apply()} of the next step's command, measured around the channel.</li>
 * </ul>
 *
 * <p>{@code scripts/bench schedules ChannelsBenchmark [channels] [seconds]}
 */
public final class ChannelsBenchmark {

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int repeats = (seconds + 7) / 8;
        Protocol protocol = ProtocolLoader.parse("""
                name: short steps
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 1 s
                  voltage_change: 5 mV
                  sample_period: 0.1 s
                steps:
                  - Repeat %d times:
                      - Charge at 1C for 2 seconds
                      - Rest for 2 seconds
                      - Discharge at 1C for 2 seconds
                      - Rest for 2 seconds
                """.formatted(repeats), "short-steps.yaml");
        System.out.printf(Locale.ROOT, "channels benchmark: %d simulated channels, 10 samples/s each, real clock,"
                + " %d s of 2 s steps, %d cores%n", channels, repeats * 8, Runtime.getRuntime().availableProcessors());

        MicrosHistogram lateness = new MicrosHistogram();
        MicrosHistogram termination = new MicrosHistogram();
        LongAdder samples = new LongAdder();
        LongAdder recorded = new LongAdder();
        RunnerTiming.install((planned, taken) -> {
            lateness.record(Math.round((taken - planned) * 1e6));
            samples.increment();
        });
        LabClock clock = new SystemLabClock();
        InstrumentProvider lab = cell -> {
            SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), cell.simulation().seed(), 70e6, clock);
            bench.cell().completeFormation();
            bench.cell().restAt(0.5);
            return new CellInstruments(clock, new TimedChannel(bench.channel(), termination), null, 0, null, null,
                    bench);
        };
        RunListener counting = e -> {
            if (e instanceof RunEvent.SampleRecorded) {
                recorded.increment();
            }
        };

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread heapWatch = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Map<String, RunEvent.Outcome> outcomes = new ScheduleRunner(SimulatedLab.schedule(protocol, channels), lab,
                counting).run();
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        heapWatch.interrupt();
        RunnerTiming.install(null);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        long completed = outcomes.values().stream().filter(o -> o == RunEvent.Outcome.COMPLETED).count();
        System.out.printf(Locale.ROOT, "  cells completed        %d of %d%n", completed, channels);
        System.out.printf(Locale.ROOT, "  wall time              %.1f s%n", wall * 1e-9);
        System.out.printf(Locale.ROOT, "  samples taken          %,d (%.0f/s), recorded %,d%n", samples.sum(),
                samples.sum() / (wall * 1e-9), recorded.sum());
        System.out.printf(Locale.ROOT, "  CPU use                %.2f cores (%.0f %% of %d)%n", (double) cpu / wall,
                100.0 * cpu / wall / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  heap used              peak %.0f MB, %.0f MB after GC at the end (max %.0f MB)%n",
                peakHeap.get() / 1e6, heapAfter / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
        print("loop lateness", lateness);
        print("termination -> output", termination);
    }

    private static void print(String what, MicrosHistogram h) {
        System.out.printf(Locale.ROOT, "  %-22s p50 %s, p99 %s, p99.9 %s, max %s (%,d)%n", what,
                ms(h.percentile(0.5)), ms(h.percentile(0.99)), ms(h.percentile(0.999)), ms(h.percentile(1.0)),
                h.count());
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    /**
     * Times each output change against the read before it. The runner reads the sample that
     * meets a termination, ends the step and applies the next command: the time between is
     * the latency asked for. The run's first two applies (open circuit, then the first step
     * after the start check) follow no termination and are left out.
     */
    private static final class TimedChannel extends ForwardingCyclerChannel {
        private final MicrosHistogram latency;
        private long lastReadNanos;
        private int applies;

        TimedChannel(CyclerChannel inner, MicrosHistogram latency) {
            super(inner);
            this.latency = latency;
        }

        @Override
        public void apply(ChannelCommand command) {
            long now = System.nanoTime();
            if (++applies > 2 && lastReadNanos != 0) {
                latency.record((now - lastReadNanos) / 1000);
            }
            lastReadNanos = 0;
            inner.apply(command);
        }

        @Override
        public ChannelReading read() {
            ChannelReading r = inner.read();
            lastReadNanos = System.nanoTime();
            return r;
        }
    }
}
