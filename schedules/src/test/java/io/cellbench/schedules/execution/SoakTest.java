package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.FaultRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The accelerated soak: 64 channels for 48 simulated hours in virtual time, with faults
 * injected into 15 of them — eight behind Keithley 2450 simulators reached by the real driver
 * over TCP (no answer, stall, disconnect, garbage, slow answers, an instrument switched off,
 * one that never answers again), six in process with failing reads, one whose instrument
 * never opens. Every cell must end in a definite outcome; the faulted ones with a message
 * naming the instrument and the command, within the retry bound; the ones whose fault passed
 * must recover and complete; and the 49 untouched cells must record exactly what they
 * record in a run without any fault. Sized for about a minute on two cores.
 */
class SoakTest {
    static final Protocol PROTOCOL = ProtocolLoader.parse("""
            name: soak cycling, 48 h
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-2 mA, 2 mA]
            logging:
              period: 60 s
              voltage_change: 5 mV
              current_change: 1 mA
              sample_period: 10 s
            steps:
              - Rest for 30 minutes
              - Repeat 5 times:
                  - Charge at C/5 until 3.7 V
                  - Rest for 30 minutes
                  - Discharge at C/5 until 1.9 V
                  - Rest for 30 minutes
            """, "soak.yaml");
    static final int CELLS = 64;
    static final int FIRST_UNTOUCHED = 15;
    static final double HOUR = 3600;
    /** The longest a logged sample may wait after the previous one: the logging period and a sample period. */
    static final double MAX_LOGGING_GAP = 60 + 10;

    /** A fault set on a wire simulator when its cell reaches {@code atHours}. */
    private record WireFault(double atHours, FaultPolicy policy, int times) {
    }

    private static final Map<String, WireFault> WIRE_FAULTS = new LinkedHashMap<>();
    private static final Map<String, long[]> FLAKY_READS = new LinkedHashMap<>();
    private static final String SWITCHED_OFF = "cell-06";
    private static final String ABSENT = "cell-14";
    private static final Set<String> FAULTED = Set.of("cell-06", "cell-07", "cell-12", "cell-13", ABSENT);

    static {
        WIRE_FAULTS.put("cell-00", null); // a healthy wire channel
        WIRE_FAULTS.put("cell-01", new WireFault(6, FaultPolicy.noAnswer(), 6));
        WIRE_FAULTS.put("cell-02", new WireFault(12, FaultPolicy.stall(Duration.ofSeconds(1)), 4));
        WIRE_FAULTS.put("cell-03", new WireFault(18, FaultPolicy.disconnect(), 3));
        WIRE_FAULTS.put("cell-04", new WireFault(24, FaultPolicy.garbage(24), 3));
        WIRE_FAULTS.put("cell-05", new WireFault(30, FaultPolicy.slow(Duration.ofMillis(2)), 20));
        WIRE_FAULTS.put(SWITCHED_OFF, new WireFault(20, null, 0));
        WIRE_FAULTS.put("cell-07", new WireFault(10, FaultPolicy.noAnswer(), -1));
        // in process: reads (1 before the start, then about one per 10 s) that fail
        FLAKY_READS.put("cell-08", new long[] {500, 502});
        FLAKY_READS.put("cell-09", new long[] {4000, 4007});
        FLAKY_READS.put("cell-10", new long[] {9000, 9000});
        FLAKY_READS.put("cell-11", new long[] {14000, 14004});
        FLAKY_READS.put("cell-12", new long[] {7000, Long.MAX_VALUE});
        FLAKY_READS.put("cell-13", new long[] {12000, Long.MAX_VALUE});
    }

    @Test
    void sixtyFourChannelsForFortyEightHoursWithFaultsInjected() {
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            long t0 = System.nanoTime();
            CollectingListener soak = new CollectingListener();
            Map<String, Outcome> outcomes;
            Map<String, UnaryOperator<CyclerChannel>> wrap = new HashMap<>();
            FLAKY_READS.forEach((id, r) -> wrap.put(id, c -> new FlakyChannel(c, r[0], r[1])));
            try (SimulatedLab lab = new SimulatedLab(WIRE_FAULTS.keySet(), wrap, Duration.ofMillis(500))) {
                lab.absent(ABSENT);
                soak.spy = injectWireFaults(lab);
                // closed: a channel switched off for good never confirms its output off; its retries end here
                try (ScheduleRunner runner = new ScheduleRunner(SimulatedLab.schedule(PROTOCOL, CELLS), lab, soak)
                        .faultRetry(FaultRetry.DEFAULT)) {
                    outcomes = runner.run();
                }
            }
            long t1 = System.nanoTime();
            CollectingListener reference = new CollectingListener();
            Map<String, Outcome> referenceOutcomes;
            try (SimulatedLab lab = new SimulatedLab(Set.of(), Map.of(), Duration.ofMillis(200))) {
                referenceOutcomes = new ScheduleRunner(SimulatedLab.schedule(PROTOCOL, FIRST_UNTOUCHED, CELLS), lab,
                        reference).run();
            }
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "soak: %d channels, %.1f simulated hours, %.1f s wall (reference of %d cells"
                    + " %.1f s)%n", CELLS, soak.samples("cell-63").getLast().testTimeSecond() / HOUR, (t1 - t0) * 1e-9,
                    CELLS - FIRST_UNTOUCHED, (t2 - t1) * 1e-9);

            assertEquals(CELLS, outcomes.size());
            for (String id : outcomes.keySet()) {
                RunEvent.RunEnded end = soak.ended(id); // exactly one end per cell
                Outcome expected = FAULTED.contains(id) ? Outcome.FAULT : Outcome.COMPLETED;
                assertEquals(expected, outcomes.get(id), id + ": " + end.message());
                assertEquals(expected, end.outcome(), id);
            }
            checkFaults(soak);
            checkRecoveries(soak);
            for (int i = FIRST_UNTOUCHED; i < CELLS; i++) {
                String id = String.format("cell-%02d", i);
                assertEquals(Outcome.COMPLETED, referenceOutcomes.get(id), id + " in the reference");
                List<Sample> samples = soak.samples(id);
                checkContinuity(id, samples, 0);
                assertTrue(samples.getLast().testTimeSecond() > 46 * HOUR, id + " ran for "
                        + samples.getLast().testTimeSecond() / HOUR + " h");
                assertEquals(reference.samples(id), samples, id + ": samples as in the run without faults");
                List<CycleSummary> cycles = soak.cycles(id);
                assertEquals(reference.cycles(id), cycles, id + ": cycle summaries as in the run without faults");
                assertEquals(5, cycles.size(), id + ": cycles");
            }
            // the healthy wire channel has the same shape of data as the in-process ones
            checkContinuity("cell-00", soak.samples("cell-00"), 0);
            assertEquals(5, soak.cycles("cell-00").size());
        });
    }

    /** Sets each wire simulator's fault when its cell first records a sample at or after the fault's time. */
    private static Consumer<RunEvent> injectWireFaults(SimulatedLab lab) {
        Set<String> done = ConcurrentHashMap.newKeySet();
        return e -> {
            if (!(e instanceof RunEvent.SampleRecorded s)) {
                return;
            }
            WireFault f = WIRE_FAULTS.get(s.cellId());
            if (f == null || s.sample().testTimeSecond() < f.atHours() * HOUR || !done.add(s.cellId())) {
                return;
            }
            if (f.policy() == null) {
                lab.simulator(s.cellId()).close(); // switched off
            } else {
                lab.simulator(s.cellId()).faults().set(f.policy(), f.times());
            }
        };
    }

    private static void checkFaults(CollectingListener soak) {
        for (String id : FAULTED) {
            RunEvent.RunEnded end = soak.ended(id);
            String m = end.message();
            // up to the end (a channel that vanished mid-charge is then switched off again: its notices follow)
            List<RunEvent> events = soak.events(id);
            List<RunEvent.Notice> notices = events.subList(0, events.indexOf(end)).stream()
                    .filter(e -> e instanceof RunEvent.Notice).map(e -> (RunEvent.Notice) e).toList();
            RunEvent.Notice alarm = notices.getLast();
            assertEquals(RunEvent.Severity.ALARM, alarm.severity(), id);
            assertEquals(m, alarm.message(), id);
            if (id.equals(ABSENT)) {
                assertEquals("cannot open instruments: keithley-cell-14: '*IDN?': tcp 127.0.0.1:5025: Connection refused",
                        m);
                continue;
            }
            boolean wire = WIRE_FAULTS.containsKey(id);
            String command = wire ? ":READ? \"defbuffer1\", READ, SOUR" : FlakyChannel.QUERY;
            assertTrue(m.contains(": '" + command + "': "), id + ": " + m);
            assertTrue(m.startsWith(wire ? "keithley-" + id : "sim-cycler-coin-"), id + ": " + m);
            assertTrue(m.contains("; gave up after ") && m.contains(" failed reads in 60 s"), id + ": " + m);
            if (id.equals(SWITCHED_OFF)) {
                assertTrue(m.contains("Connection refused"), m);
                assertTrue(m.contains("; the channel could not be opened: "), m); // the channel is unreachable: said so
            }
            RunEvent.Notice incident = notices.get(notices.size() - 2);
            assertEquals(RunEvent.Severity.WARNING, incident.severity(), id);
            assertTrue(incident.message().endsWith("; retrying (and reconnecting) for up to 60 s"), incident.message());
            // given up at the bound: 60 s of (virtual) retrying after the first failure
            assertEquals(60.0, end.testTimeSecond() - incident.testTimeSecond(), 1e-6, id);
            assertTrue(incident.testTimeSecond() - soak.samples(id).getLast().testTimeSecond() <= MAX_LOGGING_GAP,
                    id + ": the last logged sample came shortly before the incident");
            checkContinuity(id, soak.samples(id), 0);
        }
    }

    private static void checkRecoveries(CollectingListener soak) {
        List<String> recovering = new ArrayList<>();
        IntStream.rangeClosed(1, 4).forEach(i -> recovering.add(String.format("cell-%02d", i)));
        IntStream.rangeClosed(8, 11).forEach(i -> recovering.add(String.format("cell-%02d", i)));
        for (String id : recovering) {
            List<RunEvent.Notice> notices = soak.of(id, RunEvent.Notice.class);
            List<String> recovered = notices.stream().filter(n -> n.severity() == RunEvent.Severity.INFO)
                    .map(RunEvent.Notice::message).filter(m -> m.contains(": recovered after ")).toList();
            List<RunEvent.Notice> started = notices.stream()
                    .filter(n -> n.severity() == RunEvent.Severity.WARNING && n.message().contains("; retrying")).toList();
            if (WIRE_FAULTS.containsKey(id)) {
                // over real TCP a busy machine may add a timeout of its own: every incident recovers
                assertTrue(started.size() >= 1, id + ": an incident, " + notices);
                double injectedAt = WIRE_FAULTS.get(id).atHours() * HOUR;
                assertTrue(started.stream().anyMatch(n -> n.testTimeSecond() >= injectedAt), id + ": " + notices);
            } else {
                assertEquals(1, started.size(), id + ": one incident, " + notices);
            }
            assertEquals(started.size(), recovered.size(), id + ": every incident recovered, " + notices);
            assertTrue(notices.stream().noneMatch(n -> n.severity() == RunEvent.Severity.ALARM), id);
            checkContinuity(id, soak.samples(id), started.size());
            assertEquals(5, soak.cycles(id).size(), id + ": all cycles run");
        }
        // The slow instrument answers within its timeout, so normally without an incident; on
        // a machine loaded enough to stretch 60 ms of answer past 500 ms, any incident recovers.
        List<RunEvent.Notice> slow = soak.of("cell-05", RunEvent.Notice.class);
        assertTrue(slow.stream().noneMatch(n -> n.severity() == RunEvent.Severity.ALARM), slow.toString());
        assertEquals(slow.stream().filter(n -> n.severity() == RunEvent.Severity.WARNING).count(),
                slow.stream().filter(n -> n.message().contains(": recovered after ")).count(), slow.toString());
        checkContinuity("cell-05", soak.samples("cell-05"), slow.size() / 2);
        assertEquals(5, soak.cycles("cell-05").size());
    }

    /**
     * Sample times strictly increase and no two logged samples lie further apart than the
     * logging rule allows, except at most {@code incidents} gaps of one retry bound more.
     */
    private static void checkContinuity(String id, List<Sample> samples, int incidents) {
        assertTrue(samples.size() > 100, id + " has data");
        int wide = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            double dt = b.testTimeSecond() - a.testTimeSecond();
            assertTrue(dt > 0, id + ": times increase, " + a + " then " + b);
            assertTrue(b.unixTimeSecond() > a.unixTimeSecond(), id + ": unix times increase");
            if (dt > MAX_LOGGING_GAP + 1e-6) {
                wide++;
                assertTrue(dt <= MAX_LOGGING_GAP + 60 + 1e-6, id + ": a gap of " + dt + " s at " + a.testTimeSecond());
            }
        }
        assertTrue(wide <= incidents, id + ": " + wide + " gaps wider than the logging rule");
    }
}
