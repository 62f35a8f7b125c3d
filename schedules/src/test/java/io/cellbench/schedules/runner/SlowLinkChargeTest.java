package io.cellbench.schedules.runner;

import static io.cellbench.schedules.runner.StepEdgeChargeTest.freshCell;
import static io.cellbench.schedules.runner.StepEdgeChargeTest.info;
import static io.cellbench.schedules.runner.StepEdgeChargeTest.oneCAmpere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.protocols.ProtocolLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Charge at a step edge on a slow link: a 1 s pulse's recorded charge is the charge the cell
 * really had in the step, although its command takes 0.2 s on the wire (a 2450's five setpoint
 * lines and {@code :SYST:ERR?} at 9600 baud) and each read 60 ms. The channel is the in-process
 * simulator behind {@link SlowLink}, a fault injection that spends that time on the lab clock:
 * the instrument acts on a command halfway through its exchange and measures halfway through
 * a read's (the request and the answer are equally long), as docs/runner.md ("Charge at a step
 * edge") takes it.
 *
 * <p>The truth is the simulated cell's own charge throughput between the moment its level
 * changed and the read that gave the step's last sample. Before the fix the counters began
 * once the command's exchange and the read after it had returned, and each sample was dated
 * when its query went out: a 1 s 1C pulse recorded 86 % of what the cell had in it, and a 6 s
 * charge with a pause 93 %; each sample was dated 30 ms before the instrument measured it.
 */
@Timeout(60)
class SlowLinkChargeTest {
    private static final double T0 = 1_700_000_000;
    /** Each way of a command's exchange, s: 0.2 s in all. */
    private static final double COMMAND_WAY = 0.1;
    /** Each way of a read, s. */
    private static final double READ_WAY = 0.03;
    /** Relative: the simulated channel's current noise (2·10⁻⁵ of a 10C range) over one or two readings, and the 1e-4 s clock rounding. */
    private static final double TOLERANCE = 2e-3;

    private static final String PROTOCOL = """
            name: slow link pulses
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-10 mA, 10 mA]
            logging:
              period: 1 s
              sample_period: 1 s
            steps:
              - Rest for 5 s
              - Charge at 1C for 1 s
              - Rest for 5 s
              - Discharge at 2C for 1 s
              - Rest for 5 s
              - Charge at 1C for 6 s
              - Rest for 5 s
            """;

    @Test
    void aPulseOnASlowLinkRecordsTheChargeTheCellHad() {
        Run run = new Run();
        run.run(null);
        run.assertStep(2, run.slow.trueAh(1));
        run.assertStep(4, run.slow.trueAh(3));
        run.assertStep(6, run.slow.trueAh(5));
        run.assertStartsAtTheLevelChange(2, 1);
        run.assertStartsAtTheLevelChange(4, 3);
        // a sample is dated when the instrument measured it, in the middle of its read
        for (int step = 1; step <= 6; step++) {
            assertEquals(run.slow.lastRead(step).unix(), run.events.samplesOfStep(step).getLast().unixTimeSecond(),
                    1e-6, "step " + step + "'s last sample is dated at its read");
        }
    }

    /**
     * A hold in the long charge: the cell charges on until the pause's open circuit acts on it,
     * rests, and charges again from the release's level change; the step counts all of it.
     */
    @Test
    void aPauseOnASlowLinkCountsTheChargeUpToItsOpenCircuitAndFromTheRelease() {
        Run run = new Run();
        run.run(sample -> {
            List<Sample> charge = run.events.samplesOfStep(6);
            if (sample.stepCount() == 6 && charge.size() == 2) {
                run.runner.hold("operator", "crimp check");
            } else if (sample.stepCount() == 6 && charge.size() == 5) {
                run.runner.release("operator");
            }
        });
        assertEquals(1, run.events.of(RunEvent.Notice.class).stream().filter(n -> n.message().startsWith("paused"))
                .count(), "paused once");
        // the long charge's commands: its own (5), the pause's open circuit (6), the release's (7); the rest's (8)
        run.assertStep(6, run.slow.trueAh(5, 8));
    }

    /**
     * A CC-CV charge: the CC level flows until the CV command acts, which the step counts
     * (0.13 s of 2C here, 0.08 % of the step); the CV phase's current is the cell's, counted from
     * the readings, whose trapezoids over its decay count 0.1 % more than the cell had (this
     * passes without the CC's last moment too: 100.03 %). Prints 100.10 %.
     */
    @Test
    void aCcCvOnASlowLinkCountsTheCcLevelUntilTheHoldActs() {
        Run run = new Run(PROTOCOL.replace("- Charge at 1C for 6 s", "- Charge at 2C until 3.53 V then hold until C/2"));
        run.run(null);
        assertTrue(run.slow.applied.get(7).command() instanceof ChannelCommand.Voltage, "a CV phase");
        run.assertStep(6, run.slow.trueAh(5, 7));
    }

    /** One run of {@link #PROTOCOL} on a slow link. */
    private static final class Run {
        final SharedVirtualClock clock = new SharedVirtualClock(T0);
        final SimulatedCell cell = freshCell();
        final SlowLink slow = new SlowLink(new SimulatedCyclerChannel("sim-1", cell, clock, 10 * oneCAmpere()), clock,
                cell);
        final RecordingListener events = new RecordingListener();
        final String protocol;
        ProtocolRunner runner;

        Run() {
            this(PROTOCOL);
        }

        Run(String protocol) {
            this.protocol = protocol;
        }

        void run(java.util.function.Consumer<Sample> atSample) {
            runner = new ProtocolRunner(CellSetup.builder(info(), ProtocolLoader.parse(protocol, "slow.yaml"), slow,
                    clock, events).build());
            if (atSample != null) {
                events.onSample = n -> atSample.accept(events.samples().get(n - 1));
            }
            assertEquals(RunEvent.Outcome.COMPLETED, runner.run(), () -> events.ended().message());
        }

        /** Step {@code stepCount}'s recorded throughput at its last sample is {@code trueAh}. */
        void assertStep(int stepCount, double trueAh) {
            Sample last = events.samplesOfStep(stepCount).getLast();
            System.out.printf(Locale.ROOT, "slow-link step %d: recorded %.6f mAh, the cell had %.6f mAh (%.2f %%)%n",
                    stepCount, last.stepCapacityAh() * 1e3, trueAh * 1e3, 100 * last.stepCapacityAh() / trueAh);
            assertEquals(trueAh, last.stepCapacityAh(), TOLERANCE * trueAh, "step " + stepCount + ": " + last);
        }

        /** Step {@code stepCount} started when the channel's {@code command}-th level change acted (the run's opening is 0). */
        void assertStartsAtTheLevelChange(int stepCount, int command) {
            RunEvent.StepStarted started = events.of(RunEvent.StepStarted.class).get(stepCount - 1);
            double runStart = events.of(RunEvent.RunStarted.class).getFirst().unixTimeSecond();
            assertEquals(slow.applied.get(command + 1).unix() - runStart, started.testTimeSecond(), 1e-6,
                    "step " + stepCount + " starts when its command acted");
        }
    }

    /**
     * Spends {@link #COMMAND_WAY} on the lab clock before the channel acts on a command and as
     * long after (the acknowledgement, the error check), and {@link #READ_WAY} each way of a
     * read; notes the cell's charge throughput at each command and read.
     */
    private static final class SlowLink extends ForwardingCyclerChannel {
        /** A moment seen by the cell: the lab time, its throughput then, and the reads before it. */
        record Moment(double unix, double throughputAh, int readsBefore, ChannelCommand command) {
        }

        private final SharedVirtualClock clock;
        private final SimulatedCell cell;
        /** Every command as it acted: [0] the run's opening open circuit, [1] the first step's, … */
        final List<Moment> applied = new ArrayList<>();
        final List<Moment> reads = new ArrayList<>();

        SlowLink(SimulatedCyclerChannel inner, SharedVirtualClock clock, SimulatedCell cell) {
            super(inner);
            this.clock = clock;
            this.cell = cell;
        }

        @Override
        public void apply(ChannelCommand command) {
            clock.advance(COMMAND_WAY);
            super.apply(command);
            applied.add(new Moment(clock.nowUnixSeconds(), cell.throughputAh(), reads.size(), command));
            clock.advance(COMMAND_WAY);
        }

        @Override
        public ChannelReading read() {
            clock.advance(READ_WAY);
            ChannelReading r = super.read();
            reads.add(new Moment(clock.nowUnixSeconds(), cell.throughputAh(), reads.size(), null));
            clock.advance(READ_WAY);
            return r;
        }

        /** The charge the cell had from step {@code step}'s command (0-based, rests included) to its last read. */
        double trueAh(int step) {
            return trueAh(step, step + 1);
        }

        /**
         * From the {@code from}-th command after the opening to the last read before the
         * {@code until}-th: the step's last sample.
         */
        double trueAh(int from, int until) {
            return lastRead(until).throughputAh() - applied.get(from + 1).throughputAh();
        }

        /** The last read before the {@code until}-th command after the opening: the step before's last sample. */
        Moment lastRead(int until) {
            return reads.get(applied.get(until + 1).readsBefore() - 1);
        }
    }
}
