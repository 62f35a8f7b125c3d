package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator stops a delegated cell's program at the BTS PC mid-charge: cellbench ends the cell
 * as STOPPED with an ALARM, its journal keeping the charge as the open step (a resumable end, as
 * a directly driven cell's stop). The operator continues the test in BTS; {@code cellbench
 * resume} re-attaches to it, downloads what it missed and follows it to its end: every record of
 * the cycler's one test once, the charge going on as the same step.
 */
@Timeout(300) // a hang guard
class DelegatedStopAtCyclerTest {
    static final String ADDRESS = "27-21-1-1";

    @TempDir
    Path share;

    @Test
    void aTestStoppedAndContinuedInBtsIsFollowedAgainByResume() throws Exception {
        Protocol protocol = protocol(2, 20);
        try (BtsBench b = new BtsBench(share, 100); NewareBts pc = btsPc(b)) {
            List<RunEvent> first = new CopyOnWriteArrayList<>();
            Journal journal = new Journal();
            RunEvent.Outcome outcome = stoppedInTheCharge(runner(b, protocol, journal, first, null, null), first, pc, 360);
            assertEquals(RunEvent.Outcome.STOPPED, outcome, "resumable, not finished: " + told(first));
            assertTrue(first.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.severity() == RunEvent.Severity.ALARM && n.message().contains("stopped at the cycler")
                    && n.message().contains("continue")), told(first));
            assertEquals(RunEvent.Outcome.STOPPED, journal.outcome);
            assertEquals(2, journal.last.stepIndex(), "the journal keeps the charge open");

            pc.channel(ADDRESS).resume(); // continued at the BTS PC
            Await.until("the test runs again", () -> "working".equals(b.sim.workstatus(1)));

            List<RunEvent> second = new CopyOnWriteArrayList<>();
            DelegatedRunner again = runner(b, protocol, journal, second, journal.written.getLast(),
                    samples(first).getLast().testTimeSecond());
            assertEquals(RunEvent.Outcome.COMPLETED, again.run(), told(second));
            assertTrue(second.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.message().contains("re-attached to the program")), told(second));
            assertEquals(1, b.sim.received().stream().filter(r -> r.contains("<cmd>start</cmd>")).count(),
                    "nothing started again");

            List<Sample> samples = new ArrayList<>(samples(first));
            samples.addAll(samples(second));
            List<ProgramRecord> records = b.bts.channel(ADDRESS).records(1, Integer.MAX_VALUE);
            assertEquals(records.size(), samples.size(), "every record of the cycler's test once");
            for (int i = 0; i < records.size(); i++) {
                assertEquals(records.get(i).voltageVolt(), samples.get(i).voltageVolt(), 1e-9, "row " + i);
                assertTrue(samples.get(i).stepIndex() >= 1, "row " + i + ": a step of the protocol");
                if (i > 0) {
                    assertTrue(samples.get(i).testTimeSecond() > samples.get(i - 1).testTimeSecond(), "row " + i);
                    assertTrue(samples.get(i).totalChargingCapacityAh() >= samples.get(i - 1).totalChargingCapacityAh());
                }
            }
            List<Integer> starts = new ArrayList<>();
            for (List<RunEvent> run : List.of(first, second)) {
                run.stream().filter(e -> e instanceof RunEvent.StepStarted)
                        .forEach(e -> starts.add(((RunEvent.StepStarted) e).stepIndex()));
            }
            assertEquals(List.of(1, 2, 3), starts, "the charge goes on as the same step after the continue");
            Sample firstAfter = samples(second).getFirst();
            assertEquals(2, firstAfter.stepIndex(), firstAfter.toString());
            assertEquals(2, firstAfter.stepCount(), firstAfter.toString());
        }
    }

    /**
     * A resume that finds the test still stopped starts nothing and ends the cell as STOPPED
     * again, its journal still keeping the charge open: once the test is continued in BTS, the
     * next resume follows it to its end, every record once.
     */
    @Test
    void aResumeBeforeTheContinueLeavesTheStepForTheNextOne() throws Exception {
        Protocol protocol = protocol(1, 5);
        try (BtsBench b = new BtsBench(share, 100); NewareBts pc = btsPc(b)) {
            Journal journal = new Journal();
            List<RunEvent> first = new CopyOnWriteArrayList<>();
            assertEquals(RunEvent.Outcome.STOPPED,
                    stoppedInTheCharge(runner(b, protocol, journal, first, null, null), first, pc, 120), told(first));

            List<RunEvent> second = new CopyOnWriteArrayList<>();
            assertEquals(RunEvent.Outcome.STOPPED, runner(b, protocol, journal, second, journal.written.getLast(),
                    samples(first).getLast().testTimeSecond()).run(), told(second));
            assertTrue(second.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.message().contains("was stopped in step 2")), told(second));
            assertEquals(2, journal.last.stepIndex(), "the charge is still open");

            pc.channel(ADDRESS).resume();
            List<RunEvent> third = new CopyOnWriteArrayList<>();
            assertEquals(RunEvent.Outcome.COMPLETED, runner(b, protocol, journal, third, journal.written.getLast(),
                    samples(first).getLast().testTimeSecond()).run(), told(third));
            List<Sample> samples = new ArrayList<>(samples(first));
            samples.addAll(samples(second));
            samples.addAll(samples(third));
            assertEquals(b.bts.channel(ADDRESS).records(1, Integer.MAX_VALUE).size(), samples.size(),
                    "every record of the cycler's test once");
            assertEquals(2, samples(third).getFirst().stepIndex(), "the charge goes on");
            assertEquals(1, b.sim.received().stream().filter(r -> r.contains("<cmd>start</cmd>")).count());
        }
    }

    /** A rest, a timed C/5 charge and a rest, minutes each. */
    private static Protocol protocol(int restMinutes, int chargeMinutes) {
        return ProtocolLoader.parse("name: rest, charge, rest\nlimits:\n  voltage: [1.8 V, 3.8 V]\nsteps:\n"
                + "  - Rest for " + restMinutes * 60 + " s\n  - Charge at C/5 for " + chargeMinutes * 60 + " s\n"
                + "  - Rest for " + restMinutes * 60 + " s\n", "stop-continue.yaml");
    }

    /** A second API client: the operator at the BTS PC. */
    private NewareBts btsPc(BtsBench b) {
        return NewareBts.open("bts-pc", NewareBtsSettings.tcp("127.0.0.1", b.sim.tcpPort())
                .withShare(share, "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2));
    }

    /** Runs {@code runner} until {@code afterSecond} of test time into the charge, when the operator stops it at the BTS PC. */
    private static RunEvent.Outcome stoppedInTheCharge(DelegatedRunner runner, List<RunEvent> events, NewareBts pc,
                                                       double afterSecond) throws InterruptedException {
        AtomicReference<RunEvent.Outcome> outcome = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> outcome.set(runner.run()));
        Await.until("into the charge", () -> samples(events).stream()
                .anyMatch(s -> s.stepIndex() == 2 && s.testTimeSecond() > afterSecond));
        pc.channel(ADDRESS).stop();
        t.join(Duration.ofSeconds(120));
        return outcome.get();
    }

    /** A run of {@code protocol} on the bench's channel; resumed from {@code saved} when it is not null. */
    private static DelegatedRunner runner(BtsBench b, Protocol protocol, Journal journal, List<RunEvent> events,
                                          double[] saved, Double dataThrough) {
        ProgramLink link = new ProgramLink(b.bts.channel(ADDRESS));
        if (saved != null) {
            link.restore(saved, dataThrough);
        }
        journal.link = link;
        return new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"), protocol, link, null,
                0, b.clock, events::add, null, journal, saved == null ? null : journal.last));
    }

    /** The run's journal: the last position and outcome, and the program state of each write. */
    static final class Journal implements PositionListener {
        final List<double[]> written = new CopyOnWriteArrayList<>();
        volatile ProgramLink link;
        volatile RunPosition last;
        volatile RunEvent.Outcome outcome;

        @Override
        public void at(RunPosition position, boolean boundary) {
            last = position;
            written.add(link.saved());
        }

        @Override
        public void ended(RunEvent.Outcome how, RunPosition at) {
            last = at != null ? at : last; // as CellJournal: a run that wrote nothing ends where it was resumed
            outcome = how;
            written.add(link.saved());
        }
    }

    static List<Sample> samples(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.SampleRecorded)
                .map(e -> ((RunEvent.SampleRecorded) e).sample()).toList();
    }

    static String told(List<RunEvent> events) {
        return events.stream().filter(e -> !(e instanceof RunEvent.SampleRecorded)).toList().toString();
    }
}
