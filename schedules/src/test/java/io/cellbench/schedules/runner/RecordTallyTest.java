package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records a cycler kept become cellbench's samples and steps: its step numbers read back
 * through the compiled file (a CC-CV split over two BTS steps is one step, a loop's jump back a
 * new one), cycles by cellbench's rule, capacities from the cycler's per-step counters, and a
 * journaled state that continues exactly.
 */
class RecordTallyTest {
    static final Protocol PROTOCOL = ProtocolLoader.parse("""
            name: tally
            limits:
              voltage: [1.8 V, 3.8 V]
            steps:
              - Repeat 2 times:
                  - Charge at 1 mA until 3.7 V then hold until 0.1 mA
                  - Discharge at 1 mA until 1.9 V
            """, "tally.yaml");
    static final Step CHARGE = ((Step.Repeat) PROTOCOL.steps().getFirst()).steps().get(0);
    static final Step DISCHARGE = ((Step.Repeat) PROTOCOL.steps().getFirst()).steps().get(1);
    /** As BTS runs it: 1 CC charge, 2 CV charge (the split CC-CV), 3 discharge, 4 Cycle, 5 End. */
    static final List<Step> SOURCES = java.util.Arrays.asList(CHARGE, CHARGE, DISCHARGE, null, null);

    /** Position, BTS step, step time, current (mA), step capacity (mAh). */
    static final double[][] RECORDS = {
            {1, 1, 0, 1, 0}, {2, 1, 1800, 1, 0.5}, {3, 1, 3600, 1, 1.0},
            {4, 2, 0, 1, 0}, {5, 2, 600, 0.3, 0.1}, {6, 2, 1200, 0.1, 0.12},
            {7, 3, 0, -1, 0}, {8, 3, 3600, -1, 1.0},
            {9, 1, 0, 1, 0}, {10, 1, 1800, 1, 0.5},
    };

    static ProgramRecord record(double[] r) {
        return new ProgramRecord((long) r[0], (int) r[1], 1, "", r[2], Double.NaN, 3.0, r[3] * 1e-3, r[4] * 1e-3,
                r[4] * 3e-3);
    }

    /**
     * The cycler's test clock and cellbench's need not agree (two PCs; on a loaded machine the
     * inquire after a start comes late): a program that says it has run longer than the run
     * itself starts at test time 0, not before the run began.
     */
    @Test
    void aProgramOlderThanTheRunStartsAtTestTimeZero() {
        RecordTally tally = new RecordTally("c", StepNumbering.of(PROTOCOL), 1000);
        tally.beginSegment(0);
        tally.started(1001, 5); // 1 s into the run, the cycler says its test is 5 s old
        List<RunEvent> events = new ArrayList<>();
        tally.record(record(RECORDS[0]), SOURCES, events::add);
        RunEvent.StepStarted first = (RunEvent.StepStarted) events.getFirst();
        assertEquals(0, first.testTimeSecond(), 1e-12, "no test time before the run began");
        RunEvent.SampleRecorded sample = (RunEvent.SampleRecorded) events.get(1);
        assertTrue(sample.sample().testTimeSecond() >= 0, sample.toString());
    }

    @Test
    void recordsBecomeStepsAndCountersAsADirectRunHasThem() {
        RecordTally tally = new RecordTally("c", StepNumbering.of(PROTOCOL), 1000);
        tally.beginSegment(0);
        tally.started(1000, 0);
        List<RunEvent> events = new ArrayList<>();
        for (double[] r : RECORDS) {
            tally.record(record(r), SOURCES, events::add);
        }
        List<Sample> samples = events.stream().filter(e -> e instanceof RunEvent.SampleRecorded)
                .map(e -> ((RunEvent.SampleRecorded) e).sample()).toList();
        List<String> starts = events.stream().filter(e -> e instanceof RunEvent.StepStarted)
                .map(e -> ((RunEvent.StepStarted) e)).map(s -> s.stepCount() + "/" + s.stepIndex() + "/" + s.cycleCount())
                .toList();
        assertEquals(List.of("1/1/1", "2/2/1", "3/1/2"), starts, "the split CC-CV is one step; the loop's charge a new cycle");
        assertEquals(10, samples.size());
        Sample endOfCharge = samples.get(5);
        assertEquals(1.12e-3, endOfCharge.stepCapacityAh(), 1e-12, "both BTS steps of the CC-CV");
        assertEquals(1.12e-3, endOfCharge.chargingCapacityAh(), 1e-12);
        assertEquals(3600 + 1200, endOfCharge.testTimeSecond(), 1e-9, "the CV part goes on from the CC part's end");
        assertEquals(4, samples.get(3).stepRecordIndex(), "records of the one step");
        Sample endOfDischarge = samples.get(7);
        assertEquals(1.0e-3, endOfDischarge.dischargingCapacityAh(), 1e-12);
        assertEquals(0.12e-3, endOfDischarge.netCapacityAh(), 1e-12);
        Sample secondCycle = samples.get(9);
        assertEquals(2, secondCycle.cycleCount());
        assertEquals(0.5e-3, secondCycle.chargingCapacityAh(), 1e-12, "the cycle's counters restart");
        assertEquals(1.62e-3, secondCycle.totalChargingCapacityAh(), 1e-12, "the totals do not");
        assertEquals(samples.get(7).testTimeSecond() + RecordTally.SAME_INSTANT_SECOND, samples.get(8).testTimeSecond(),
                1e-9, "a step's first record, at the instant the last step ended, comes 1 ms after it");
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).testTimeSecond() > samples.get(i - 1).testTimeSecond());
        }
    }

    @Test
    void aJournaledTallyContinuesExactlyAndIgnoresRecordsItHeld() {
        StepNumbering numbering = StepNumbering.of(PROTOCOL);
        RecordTally whole = new RecordTally("c", numbering, 1000);
        RecordTally first = new RecordTally("c", numbering, 1000);
        for (RecordTally t : List.of(whole, first)) {
            t.beginSegment(0);
            t.started(1000, 0);
        }
        List<RunEvent> all = new ArrayList<>();
        List<RunEvent> resumed = new ArrayList<>();
        for (double[] r : RECORDS) {
            whole.record(record(r), SOURCES, all::add);
        }
        for (int i = 0; i < 5; i++) {
            first.record(record(RECORDS[i]), SOURCES, e -> { });
        }
        RecordTally again = new RecordTally("c", numbering, 0);
        again.restore(first.save(), index -> index == 1 ? CHARGE : DISCHARGE);
        for (double[] r : RECORDS) { // from the start: those it held are ignored
            again.record(record(r), SOURCES, resumed::add);
        }
        List<RunEvent> expected = all.subList(all.size() - resumed.size(), all.size());
        assertEquals(9, resumed.size(), "records 6 to 10, two step ends and starts: " + resumed);
        for (int i = 0; i < resumed.size(); i++) {
            if (expected.get(i) instanceof RunEvent.SampleRecorded e && resumed.get(i) instanceof RunEvent.SampleRecorded r) {
                Sample a = e.sample();
                Sample b = r.sample();
                assertEquals(List.of(a.testTimeSecond(), a.cycleCount(), a.stepCount(), a.stepIndex(), a.stepRecordIndex()),
                        List.of(b.testTimeSecond(), b.cycleCount(), b.stepCount(), b.stepIndex(), b.stepRecordIndex()));
                // the journal keeps throughput and net, from which the totals follow (exactly in reals)
                assertEquals(a.totalChargingCapacityAh(), b.totalChargingCapacityAh(), 1e-18);
                assertEquals(a.totalDischargingCapacityAh(), b.totalDischargingCapacityAh(), 1e-18);
                assertEquals(a.chargingCapacityAh(), b.chargingCapacityAh(), 0);
                assertEquals(a.netEnergyWh(), b.netEnergyWh(), 0);
            } else {
                assertEquals(expected.get(i), resumed.get(i));
            }
        }
        assertEquals(10, again.position());
    }
}
