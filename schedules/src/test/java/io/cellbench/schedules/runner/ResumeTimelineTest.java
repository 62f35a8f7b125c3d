package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins what a resume does, to the bit: a reference run journals its positions; the run is
 * then resumed from each step start, each phase change and every third recorded sample, on a
 * fresh cell ten minutes later, and every event, the commands and the end are written out.
 * Also a position the protocol no longer has. Written before resume became a starting
 * position given to the interpreter (issue 12), so that the new form must give the same runs.
 * The golden file is rewritten only on request (docs/testing.md), and its diff reviewed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResumeTimelineTest {
    private static final String GOLDEN = "schedules/src/test/resources/io/cellbench/schedules/runner/resume-timeline.txt";
    private static final double GAP = 600;

    private static Protocol protocol() {
        Step.Drive ccCv = P.ccCv(Step.DriveKind.CHARGE, 0.001, null, List.of(), 3.03, P.ampere(1e-4));
        return P.protocol(P.WIDE, new LoggingRule(5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1),
                P.rest(5), P.repeat(2, ccCv, P.dischargeFor(0.001, 10), P.eis()), P.rest(3));
    }

    private record Saved(RunPosition position, boolean boundary) {
    }

    @Test
    void everyResumeLeavesTheSameTimeline() {
        Protocol protocol = protocol();
        List<Saved> saved = new ArrayList<>();
        Timeline reference = new Timeline();
        reference.section("reference run");
        Harness h = new Harness();
        ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(Harness.CELL, protocol, h.cell, h.clock, reference)
                .eis(new FakeAnalyzer(h.clock, 4), 0)
                .positionListener(new PositionListener() {
                    @Override
                    public void at(RunPosition position, boolean boundary) {
                        saved.add(new Saved(position, boundary));
                    }

                    @Override
                    public void ended(Outcome outcome, RunPosition last) {
                        reference.out.append("journal ended ").append(outcome).append(' ').append(last).append('\n');
                    }
                }).build());
        reference.end(runner.run(), h.cell.applied(), runner.status());
        StringBuilder all = new StringBuilder(reference.out);

        int samples = 0;
        for (Saved s : saved) {
            if (s.boundary() || samples++ % 3 == 0) {
                all.append(resume(protocol, s.position(), (s.boundary() ? "boundary " : "sample ") + s.position()));
            }
        }
        RunPosition last = saved.getLast().position();
        RunPosition elsewhere = new RunPosition(List.of(7), List.of(), 9, RunPosition.Phase.MAIN,
                last.runStartUnixSecond(), last.stepStartTestTimeSecond(), last.testTimeSecond(), 0, last.counters());
        String refused = resume(protocol, elsewhere, "a position the protocol does not have");
        assertTrue(refused.contains("cannot resume: the journaled position"), refused);
        all.append(refused);
        assertEquals(Outcome.COMPLETED, reference.record.ended().outcome());
        Golden.assertMatchesFile(GOLDEN, all.toString());
    }

    private static String resume(Protocol protocol, RunPosition from, String name) {
        VirtualClock clock = new VirtualClock(from.runStartUnixSecond() + from.testTimeSecond() + GAP);
        FakeCellChannel cell = FakeCellChannel.standard(clock);
        Timeline t = new Timeline();
        t.section("resumed from " + name);
        List<String> journal = new ArrayList<>();
        ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(Harness.CELL, protocol, cell, clock, t)
                .eis(new FakeAnalyzer(clock, 4), 0)
                .resumeFrom(from)
                .positionListener(new PositionListener() {
                    @Override
                    public void at(RunPosition position, boolean boundary) {
                        if (boundary) {
                            journal.add(position.toString());
                        }
                    }

                    @Override
                    public void ended(Outcome outcome, RunPosition last) {
                        journal.add("ended " + outcome + " " + last);
                    }
                }).build());
        RunEvent.Outcome outcome = runner.run();
        t.end(outcome, cell.applied(), runner.status());
        journal.forEach(j -> t.out.append("journal ").append(j).append('\n'));
        return t.out.toString();
    }
}
