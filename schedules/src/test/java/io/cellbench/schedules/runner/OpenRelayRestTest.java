package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A channel that rests with its relay open reads NaN V at 0 A: the runner takes that for "not
 * measured" at open circuit only, and keeps every other check. The fake cell behind a wrapper
 * gives exact numbers; the real 2450 path is {@link KeithleyOpenRelayRunTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenRelayRestTest {
    private final Harness h = new Harness();

    /** Reads like a 2450 with {@code rest: open-relay}: NaN V and {@code restAmpere} while at open circuit. */
    private static final class RelayOpenChannel extends ForwardingCyclerChannel {
        double restAmpere;
        private boolean open = true;

        RelayOpenChannel(CyclerChannel inner) {
            super(inner);
        }

        @Override
        public void apply(ChannelCommand command) {
            inner.apply(command);
            open = command instanceof ChannelCommand.OpenCircuit;
        }

        @Override
        public ChannelReading read() {
            ChannelReading r = inner.read();
            return open ? new ChannelReading(Double.NaN, restAmpere, r.temperatureCelsius()) : r;
        }
    }

    private final RelayOpenChannel channel = new RelayOpenChannel(h.cell);

    private Outcome run(SafetyLimits limits, LoggingRule logging, io.cellbench.protocols.model.Step... steps) {
        return h.run(P.protocol(limits, logging, steps), channel, h.clock, b -> b);
    }

    @Test
    void aRestBetweenTwoStepsIsRecordedUnmeasuredAndTheCountersStayExact() {
        Outcome outcome = run(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 10), P.rest(5), P.dischargeFor(0.001, 10));
        assertEquals(Outcome.COMPLETED, outcome, () -> h.events.ended().message());
        List<Sample> rest = h.events.samplesOfStep(2);
        assertEquals(5, rest.size());
        assertTrue(rest.stream().allMatch(s -> Double.isNaN(s.voltageVolt()) && s.currentAmpere() == 0
                && s.powerWatt() == 0), rest.toString());
        Sample last = h.events.samples().getLast();
        // the linear fake cell: 10 s at 1 mA each way, 3.01 → 3.02 V up and 3.0 V-ish down
        assertEquals(0.01 / 3600, last.chargingCapacityAh(), 1e-15);
        assertEquals(0.01 / 3600, last.dischargingCapacityAh(), 1e-15);
        assertEquals(1e-3 * (3.01 * 10 + 0.0005 * 100) / 3600, last.chargingEnergyWh(), 1e-15);
        assertTrue(Double.isFinite(last.cumulativeEnergyWh()) && last.dischargingEnergyWh() > 0, last.toString());
    }

    @Test
    void nanVoltageWithACurrentAtRestIsStillAFailedRead() {
        channel.restAmpere = 1e-3;
        Outcome outcome = run(P.WIDE, P.ENDS_ONLY, P.rest(5));
        assertEquals(Outcome.FAULT, outcome);
        assertTrue(h.events.ended().message().startsWith("fake-channel: 'read': returned no number (V NaN, I 0.001)"),
                h.events.ended().message());
    }

    @Test
    void aNanCurrentAtRestIsTakenAsZero() {
        channel.restAmpere = Double.NaN;
        assertEquals(Outcome.COMPLETED, run(P.WIDE, P.EVERY_SAMPLE, P.rest(3)));
        assertTrue(h.events.samples().stream().allMatch(s -> s.currentAmpere() == 0 && s.powerWatt() == 0));
    }

    @Test
    void theSafetyWindowStillChecksTheCellTemperatureWhileTheVoltageIsUnmeasured() {
        h.cell.temperature(70);
        SafetyLimits limits = new SafetyLimits(new Range(2.0, 4.0), new Range(-0.05, 0.05), new Range(-20, 60),
                Range.UNBOUNDED);
        Outcome outcome = run(limits, P.ENDS_ONLY, P.rest(5));
        assertEquals(Outcome.SAFETY_TRIP, outcome);
        assertTrue(h.events.ended().message().contains("cell temperature 70 °C is above the safety limit 60 °C"),
                h.events.ended().message());
    }

    @Test
    void theLoggingRuleRecordsAnUnmeasuredRestOnTimeAndTheNextStepFromItsStart() {
        // ΔV of 1 µV would record every sample of a measured rest; unmeasured, only Δt (4 s) and the ends do
        LoggingRule logging = new LoggingRule(4, 1e-6, Double.POSITIVE_INFINITY, 1);
        assertEquals(Outcome.COMPLETED, run(P.WIDE, logging, P.rest(10), P.chargeFor(0.001, 3)));
        List<Double> restTimes = h.events.samplesOfStep(1).stream().map(Sample::testTimeSecond).toList();
        assertEquals(List.of(1.0, 5.0, 9.0, 10.0), restTimes);
        List<Sample> charge = h.events.samplesOfStep(2);
        assertEquals(List.of(11.0, 12.0, 13.0), charge.stream().map(Sample::testTimeSecond).toList());
        assertTrue(charge.stream().allMatch(s -> Double.isFinite(s.voltageVolt())));
    }

    @Test
    void aPauseDuringAChargeRestsUnmeasuredAndTheChargeGoesOn() {
        h.events.onSample = n -> {
            double t = h.events.samples().get(n - 1).testTimeSecond();
            if (Math.abs(t - 3) < 1e-9) {
                h.runner.hold("operator", "look at the cell");
            }
            if (Math.abs(t - 9) < 1e-9) {
                h.runner.release("operator");
            }
        };
        Outcome outcome = run(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 10));
        assertEquals(Outcome.COMPLETED, outcome, () -> h.events.ended().message());
        assertEquals(0.01 / 3600, h.events.samples().getLast().stepCapacityAh(), 1e-15);
        assertTrue(h.events.samples().stream().anyMatch(s -> Double.isNaN(s.voltageVolt())), "paused unmeasured");
    }

    @Test
    void aRestThatEndsOnTheVoltageFaultsBeforeItsFirstSample() {
        var rest = P.rest(100.0, P.volt(Op.AT_LEAST, 3.1));
        Outcome outcome = run(P.WIDE, P.ENDS_ONLY, P.chargeFor(0.001, 10), rest);
        assertEquals(Outcome.FAULT, outcome);
        assertEquals(Texts.where(rest) + ": channel fake-channel rests with its relay open (rest: open-relay) and"
                + " cannot measure the voltage; use rest: zero-current or end the rest on time",
                h.events.ended().message());
        assertEquals(10.0, h.testTime(), 1e-9);
        assertTrue(h.events.of(RunEvent.Notice.class).stream().noneMatch(n -> n.severity() == RunEvent.Severity.INFO));
    }
}
