package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination.Op;
import io.cellbench.testing.Golden;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins what a pause does, to the bit: for holds at chosen moments (the operator's, an
 * interlock's, two at once, before the first command, during a sweep, a CV phase or a settling
 * wait) and for a stop and a safety trip while paused, every event the runner emits, every
 * status it shows at a recorded sample and every command the channel gets, as exact doubles.
 * Written before the sampler was split along its seams (issue 12), so that a pause that reuses
 * the sampling code must produce the same timeline as the pause loop it replaced.
 *
 * <p>The golden file holds figures no one writes by hand: a meant change rewrites it with
 * {@code -Dcellbench.golden=write} (docs/testing.md), and the diff it prints is reviewed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PauseTimelineTest {
    private static final String GOLDEN = "schedules/src/test/resources/io/cellbench/schedules/runner/pause-timeline.txt";

    /** One scenario: a fresh harness, holds and releases at recorded samples' test times, the timeline written out. */
    private static final class Scenario {
        final Harness h = new Harness();
        final Timeline timeline = new Timeline();
        /** What to do at a recorded sample, by its test time. */
        TimedAction atSample = (t, runner) -> { };
        Consumer<ProtocolRunner> beforeRun = r -> { };

        String run(String name, Protocol protocol, UnaryOperator<CellSetup.Builder> extra) {
            return run(name, protocol, extra, h.cell);
        }

        String run(String name, Protocol protocol, UnaryOperator<CellSetup.Builder> extra, FakeCellChannel cell) {
            timeline.section(name);
            timeline.record.onSample = n -> {
                atSample.at(timeline.record.samples().get(n - 1).testTimeSecond(), h.runner);
                timeline.status(h.runner.status());
            };
            h.runner = new ProtocolRunner(extra.apply(CellSetup.builder(Harness.CELL, protocol, cell, h.clock,
                    timeline)).build());
            beforeRun.accept(h.runner);
            RunEvent.Outcome outcome = h.runner.run();
            timeline.end(outcome, cell.applied(), h.runner.status());
            return timeline.out.toString();
        }
    }

    @FunctionalInterface
    private interface TimedAction {
        void at(double testTime, ProtocolRunner runner);
    }

    private static boolean at(double t, double when) {
        return Math.abs(t - when) < 1e-9;
    }

    @Test
    void everyPauseLeavesTheSameTimeline() {
        StringBuilder all = new StringBuilder();
        all.append(operatorHoldDuringATimedCharge());
        all.append(twoSourcesHoldARest());
        all.append(pressureInterlockPausesACharge());
        all.append(stopWhilePaused());
        all.append(heldBeforeTheFirstCommand());
        all.append(holdDuringAnImpedanceSweep());
        all.append(holdDuringTheCvPhase());
        all.append(holdDuringASettlingWait());
        all.append(safetyTripWhilePaused());
        all.append(holdBetweenSamplesOfASlowLoggingRule());
        Golden.assertMatchesFile(GOLDEN, all.toString());
    }

    private String operatorHoldDuringATimedCharge() {
        Scenario s = new Scenario();
        s.atSample = (t, r) -> {
            if (at(t, 5)) {
                r.hold("operator", "checking the crimp");
            }
            if (at(t, 36)) {
                r.release("operator");
            }
        };
        return s.run("operator hold during a timed charge",
                P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 20), P.rest(3)), b -> b);
    }

    private String twoSourcesHoldARest() {
        Scenario s = new Scenario();
        s.atSample = (t, r) -> {
            if (at(t, 2)) {
                r.hold("operator", "look at the cell");
            }
            if (at(t, 4)) {
                r.hold("pressure", "4.1 MPa is outside 5 MPa ± 1 MPa");
            }
            if (at(t, 10) || at(t, 20)) {
                r.release("operator");
            }
            if (at(t, 25)) {
                r.release("pressure");
            }
        };
        return s.run("two sources hold a rest", P.protocol(P.WIDE, P.EVERY_SAMPLE, P.rest(10)), b -> b);
    }

    private String pressureInterlockPausesACharge() {
        Scenario s = new Scenario();
        FakeFixture fixture = new FakeFixture(s.h.clock, 5e6, true, 1) {
            @Override
            public double readPressurePa() {
                double t = s.h.testTime();
                double value = super.readPressurePa();
                return t >= 20 - 1e-9 && t < 60 - 1e-9 ? 3.5e6 : value;
            }
        };
        return s.run("pressure interlock pauses a charge",
                P.protocol(P.WIDE, P.EVERY_SAMPLE, P.pressure(5e6, false), P.chargeFor(0.001, 100)),
                b -> b.pressureFixture(fixture).coordination(
                        new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));
    }

    private String stopWhilePaused() {
        Scenario s = new Scenario();
        s.atSample = (t, r) -> {
            if (at(t, 2)) {
                r.hold("operator", "");
            }
            if (at(t, 8)) {
                r.stop();
            }
        };
        return s.run("stop while paused", P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)), b -> b);
    }

    private String heldBeforeTheFirstCommand() {
        Scenario s = new Scenario();
        s.beforeRun = r -> r.hold("operator", "check the crimp first");
        s.atSample = (t, r) -> {
            if (t >= 10 - 1e-9) {
                r.release("operator");
            }
        };
        return s.run("held before the first command", P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 20)),
                b -> b);
    }

    private String holdDuringAnImpedanceSweep() {
        Scenario s = new Scenario();
        FakeAnalyzer analyzer = new FakeAnalyzer(s.h.clock, 10);
        int[] sweeps = {0};
        analyzer.duringSweep = () -> {
            if (++sweeps[0] == 1) {
                s.h.runner.hold("operator", "open the chamber door");
            }
        };
        s.atSample = (t, r) -> {
            if (r.status().state() == RunnerStatus.State.PAUSED && t >= 20) {
                r.release("operator");
            }
        };
        return s.run("hold during an impedance sweep",
                P.protocol(P.WIDE, P.EVERY_SAMPLE, P.rest(2), P.eis(), P.rest(2)), b -> b.eis(analyzer, 2));
    }

    private String holdDuringTheCvPhase() {
        Scenario s = new Scenario();
        s.atSample = (t, r) -> {
            if (at(t, 35)) {
                r.hold("operator", "");
            }
            if (at(t, 42)) {
                r.release("operator");
            }
        };
        Step.Drive ccCv = P.ccCv(Step.DriveKind.CHARGE, 0.001, null, List.of(), 3.04, P.time(60));
        return s.run("hold during the CV phase of a CC-CV charge", P.protocol(P.WIDE, P.EVERY_SAMPLE, ccCv), b -> b);
    }

    private String holdDuringASettlingWait() {
        Scenario s = new Scenario();
        FakeFixture fixture = new FakeFixture(s.h.clock, 1e6, true, 20);
        s.atSample = (t, r) -> {
            if (at(t, 6)) {
                r.hold("operator", "tighten the press");
            }
            if (at(t, 15)) {
                r.release("operator");
            }
        };
        return s.run("hold during a settling wait",
                P.protocol(P.WIDE, P.EVERY_SAMPLE, P.pressure(5e6, true), P.rest(2)),
                b -> b.pressureFixture(fixture).auxiliaryPeriodSecond(2));
    }

    private String safetyTripWhilePaused() {
        Scenario s = new Scenario();
        // The fixture loses pressure at 5 s, while the cell is paused: the pause's own samples trip it.
        FakeFixture fixture = new FakeFixture(s.h.clock, 5e6, false, 1) {
            @Override
            public double readPressurePa() {
                return s.h.testTime() >= 5 - 1e-9 ? 3e6 : super.readPressurePa();
            }
        };
        s.atSample = (t, r) -> {
            if (at(t, 2)) {
                r.hold("operator", "");
            }
        };
        io.cellbench.protocols.model.SafetyLimits limits = new io.cellbench.protocols.model.SafetyLimits(
                P.WIDE.voltage(), P.WIDE.current(), io.cellbench.protocols.model.Range.UNBOUNDED,
                new io.cellbench.protocols.model.Range(4e6, 6e6));
        return s.run("safety trip while paused", P.protocol(limits, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)),
                b -> b.pressureFixture(fixture).auxiliaryPeriodSecond(1));
    }

    private String holdBetweenSamplesOfASlowLoggingRule() {
        Scenario s = new Scenario();
        s.atSample = (t, r) -> {
            if (r.status().state() == RunnerStatus.State.RUNNING && t >= 7 - 1e-9 && t < 8) {
                r.hold("operator", "");
            }
            if (r.status().state() == RunnerStatus.State.PAUSED && t >= 40) {
                r.release("operator");
            }
        };
        // Records every 7 s and at ΔV ≥ 5 mV, samples every 1 s: pauses and resumes fall between records.
        Protocol p = P.protocol(P.WIDE, new io.cellbench.protocols.model.LoggingRule(7, 0.005, Double.POSITIVE_INFINITY,
                1), P.charge(0.001, P.volt(Op.AT_LEAST, 3.05)), P.rest(10));
        return s.run("hold between the samples of a slow logging rule", p, b -> b);
    }
}
