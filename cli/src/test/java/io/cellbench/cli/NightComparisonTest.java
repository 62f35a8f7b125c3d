package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The soak's comparison on two nights played out on the simulated coin cell itself: the
 * reference, and one whose second charge is interrupted by resumes (open circuit while the
 * resumed process opens the instrument, the counters going on from where they were). Seed
 * 4214446021535406745 failed the soak so: the interrupted charge put more into the cell before
 * its cut-off, and the discharge after it gave that back.
 */
class NightComparisonTest {
    private static final double AMPERE = 2e-3;
    private static final double PERIOD = NightInputs.SAMPLE_PERIOD;
    /** In the second charge, at these voltages, a resume holds the cell at open circuit this long. */
    private static final double[] RESUME_AT_VOLT = {3.50, 3.60, 3.65, 3.68};
    private static final double OPEN_SECONDS = 60;
    /** Of a resume's window, the lab seconds the killed process's current goes on before the new one resets it. */
    private static final double CARRIED_SECONDS = 20;

    @Test
    void aDischargeGivesBackWhatResumesInTheChargeBeforeLetTheCellTake() {
        Night ref = new Night(false);
        Night soak = new Night(true);
        String found = compare(soak, ref);
        assertTrue(found.contains("cell-x"), found);
        // the cell really held more: the discharge gave more than the reference's (the charge
        // the resumes let in), beyond what the cut-offs alone explain
        double extra = soak.capacity(8) - ref.capacity(8);
        System.out.printf(java.util.Locale.ROOT, "NightComparisonTest: second charge %.5f mAh (reference %.5f),"
                + " discharge after it %.5f mAh (reference %.5f); %s%n", soak.capacity(6) * 1e3, ref.capacity(6) * 1e3,
                soak.capacity(8) * 1e3, ref.capacity(8) * 1e3, found);
        assertTrue(extra > 2 * AMPERE * PERIOD / 3600, "the discharge gave " + extra * 1e3 + " mAh more");
    }

    @Test
    void aDischargeThatCountsChargeTheCellNeverHadStillFails() {
        Night ref = new Night(false);
        Night soak = new Night(true);
        // counters that gain 5 % over the discharge: not what a resume did to the cell
        soak.samples.replaceAll(s -> s.stepCount() == 8 ? withStepCapacity(s, s.stepCapacityAh() * 1.05) : s);
        AssertionError e = assertThrows(AssertionError.class, () -> compare(soak, ref));
        assertTrue(e.getMessage().contains("step 8"), e.getMessage());
    }

    /**
     * Seed -7664976328127116115 failed the soak so: the reference's first charge counted from
     * 9.7 lab s after its step began (the command's writes and error check took 97 ms of wall
     * time on a loaded machine), while its cell had been charging for 6.7 s of that; its first
     * sample read 2.7739 V at 0.00424 mAh counted, where the simulated cell is at 2.7739 V after
     * 14.3 s of 2 mA (0.0079 mAh). The soak's cell read 2.7761 V at 0.00821 mAh, the simulated
     * cell's own 2.7761 V at 14.8 s: right, and held against a reference whose counted charge
     * lagged its cell's. Each run's step start and its counters' start bound that charge.
     */
    @Test
    void aChargeTheCountersBeganLateIsHeldAgainstTheChargeTheCellReallyHad() {
        Night ref = new Night(false, 6.7, 3.0);
        Night soak = new Night(false, 0, 0.2);
        AssertionError e = assertThrows(AssertionError.class, () -> compare(soak, ref, java.util.Map.of(),
                java.util.Map.of()), "without the steps' starts, the reference's late count looks like a voltage error");
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        String found = compare(soak, ref);
        assertTrue(found.contains("cell-x"), found);
        assertTrue(compare(ref, soak).contains("cell-x"), "the other way round too");
    }

    @Test
    void aVoltageOffByMoreThanTheUncountedStartStillFails() {
        Night ref = new Night(false, 6.7, 3.0);
        Night soak = new Night(false, 0, 0.2);
        // 20 mV low through the first charge: a late count explains a few seconds of its start, not that
        soak.samples.replaceAll(s -> s.stepCount() == 2
                ? new Sample(s.testTimeSecond(), s.unixTimeSecond(), s.voltageVolt() - 0.02, s.currentAmpere(),
                s.cycleCount(), s.stepCount(), s.stepIndex(), 0, 0, s.stepCapacityAh(), 0, 0, 0, 0, 0, 0, 0, 0,
                Double.NaN, Double.NaN, 0, 0, 0, 0, 0) : s);
        AssertionError e = assertThrows(AssertionError.class, () -> compare(soak, ref));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        // the summary shows the overrun as a negative margin: less than the 20 mV, less what was allowed
        double margin = margin(e.getMessage(), "voltage", "mV");
        assertTrue(margin < 0 && margin > -20, e.getMessage());
    }

    /** Before, the summary's worst margins started at 0 and kept the largest overrun: a pass always said 0.0. */
    @Test
    void theSummaryShowsTheRoomLeftUnderEachLimit() {
        String found = compare(new Night(true), new Night(false));
        assertTrue(margin(found, "voltage", "mV") > 0, found);
        assertTrue(margin(found, "step capacity", "mAh") > 0, found);
    }

    private static double margin(String summary, String what, String unit) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("worst " + what + " margin ([-+][0-9.]+) " + unit)
                .matcher(summary);
        assertTrue(m.find(), "the " + what + " margin in: " + summary);
        return Double.parseDouble(m.group(1));
    }

    /**
     * The runner dates a command in the middle of its exchange (docs/runner.md, "Charge at a step
     * edge"), within half the exchange of when it acted. A reference whose first charge's command
     * took 30 lab s (300 ms of wall time at 100 lab s/s, three times the worst seen) and acted 1 s
     * into it (a 2450's level line is its second) left 14 s of 2 mA uncounted; one that acted 1 s
     * before its end counted 14 s the cell never had. Either is within the comparison's allowances for a
     * step's first samples and its cut-off, against the soak and the other way round; a voltage
     * 20 mV low is not.
     */
    @Test
    void aChargeCountedFromTheMiddleOfASlowExchangeIsHeldAsTheReference() {
        for (double acted : new double[] {1, 29}) {
            Night ref = new Night(false, 0, acted, 30);
            Night soak = new Night(false);
            assertTrue(compare(soak, ref).contains("cell-x"), "acted " + acted + " s into the exchange");
            assertTrue(compare(ref, soak).contains("cell-x"), "the other way round too");
            soak.samples.replaceAll(s -> s.stepCount() == 2 ? sample(s.testTimeSecond(), s.voltageVolt() - 0.02,
                    s.currentAmpere(), s.cycleCount(), s.stepCount(), s.stepIndex(), s.stepCapacityAh()) : s);
            assertTrue(assertThrows(AssertionError.class, () -> compare(soak, ref)).getMessage().contains("step 2"));
        }
    }

    /**
     * Seed 410573435276604671 failed the soak so (cell-1, step 8: 0.035 mAh beyond the capacity
     * tolerance, 27.9 mV beyond the voltage's): the cells' time starts again with the resumed
     * process's first request to any instrument of the lab, and each cell's output is reset only
     * once its own driver has connected and identified the instrument, so its cell had the killed
     * process's current a while longer, in no counter. Eight resumes in the first charge, four in
     * the second and four in the discharge between (windows of 27-278 lab s from the kill to the
     * first sample) left its cell holding 0.032 mAh more than the reference as the last discharge
     * began (its voltage lay that far along the reference's curve from mid-discharge on, to
     * within 1 mAh·10⁻³), where the comparison, which took that charge for the resumed step's
     * relaxation allowance only, put it 0.046 mAh short. Here a resume's old current goes on
     * {@value #CARRIED_SECONDS} lab s of its {@value #OPEN_SECONDS} s window.
     */
    @Test
    void theChargeAKilledRunsCurrentPutInBeforeTheNextProcessResetItStaysInTheCell() {
        Night ref = new Night(false);
        Night soak = new Night(true, CARRIED_SECONDS);
        List<double[]> unknown = soak.resumes.stream().map(r -> new double[] {r[0], r[1], r[2]}).toList();
        AssertionError e = assertThrows(AssertionError.class, () -> compare(soak, ref, unknown),
                "without the old current's charge the discharge after looks as if it gave charge the cell never had");
        assertTrue(e.getMessage().contains("step 8"), e.getMessage());
        String found = compare(soak, ref);
        System.out.printf(java.util.Locale.ROOT, "NightComparisonTest: old current %.5f mAh over %d resumes; discharge"
                + " after %.5f mAh (reference %.5f); %s%n", soak.resumes.stream().mapToDouble(r -> r[3]).sum() * 1e3,
                soak.resumes.size(), soak.capacity(8) * 1e3, ref.capacity(8) * 1e3, found);
        assertTrue(found.contains("cell-x"), found);
    }

    /**
     * A resumed step's command acts before its counters go on again, as at a step's start, but in
     * a process just started, whose first commands are slow: that charge is in the cell too.
     */
    @Test
    void theChargeAResumedCommandPutInBeforeItsCountersWentOnStaysInTheCell() {
        Night ref = new Night(false);
        Night soak = new Night(true, 0, 0, 0, 0, CARRIED_SECONDS);
        List<double[]> unknown = soak.resumes.stream().map(r -> new double[] {r[0], r[1], r[2], r[3]}).toList();
        AssertionError e = assertThrows(AssertionError.class, () -> compare(soak, ref, unknown));
        assertTrue(e.getMessage().contains("step 8"), e.getMessage());
        assertTrue(compare(soak, ref).contains("cell-x"));
    }

    private static String compare(Night soak, Night ref) {
        return compare(soak, ref, soak.resumes);
    }

    private static String compare(Night soak, Night ref, List<double[]> resumes) {
        return compare(soak, ref, resumes, soak.stepStarts, ref.stepStarts);
    }

    private static String compare(Night soak, Night ref, java.util.Map<Integer, Double> soakStarts,
                                  java.util.Map<Integer, Double> refStarts) {
        return compare(soak, ref, soak.resumes, soakStarts, refStarts);
    }

    private static String compare(Night soak, Night ref, List<double[]> resumes,
                                  java.util.Map<Integer, Double> soakStarts, java.util.Map<Integer, Double> refStarts) {
        double diffusion = soak.cell.parameters().diffusion().timeConstantSecond();
        return new NightComparison("cell-x", soak.records(), ref.records(), resumes, Sample::unixTimeSecond,
                diffusion, "test").stepStarts(soakStarts, refStarts).check();
    }

    private static Sample withStepCapacity(Sample s, double ah) {
        return sample(s.testTimeSecond(), s.voltageVolt(), s.currentAmpere(), s.cycleCount(), s.stepCount(),
                s.stepIndex(), ah);
    }

    private static Sample sample(double t, double volt, double ampere, int cycle, int stepCount, int stepIndex,
                                 double stepAh) {
        return new Sample(t, 1.8e9 + t, volt, ampere, cycle, stepCount, stepIndex, 0, 0, stepAh, 0, 0, 0, 0, 0, 0, 0,
                volt * ampere, Double.NaN, Double.NaN, 0, 0, 0, 0, 0);
    }

    /** The soak's protocol on one coin cell, sampled every 15 s: rest, then two cycles between 3.7 V and 1.9 V. */
    private static final class Night {
        final SimulatedCell cell = new SimulatedCell(CellParameters.coin().withVariation(3));
        final List<Sample> samples = new ArrayList<>();
        /**
         * Per resume: {its unix time, 0 s uncounted (a kill just after a sample), the cells' time at the kill, the
         * charge (Ah) the killed process's current put in after the kill, before the next process reset it}.
         */
        final List<double[]> resumes = new ArrayList<>();
        /** Per step count: the unix time the step began (its StepStarted event). */
        final java.util.Map<Integer, Double> stepStarts = new java.util.HashMap<>();
        private final boolean interrupted;
        /** Lab seconds the first charge's command acted before its counters began, and before that it acted. */
        private final double lead;
        private final double before;
        /** Lab seconds of the first charge's command exchange: dated in its middle, acted at its end. */
        private final double exchange;
        /** Lab seconds of each resume's window that the killed process's current goes on. */
        private final double carried;
        /** Lab seconds a resumed step's command acts before its counters go on again (a new process's slow first command). */
        private final double resumeLead;
        private double t;
        private int stepCount;
        private int cycle = 1;

        Night(boolean interrupted) {
            this(interrupted, 0, 0, 0, 0, 0);
        }

        Night(boolean interrupted, double carried) {
            this(interrupted, 0, 0, 0, carried, 0);
        }

        Night(boolean interrupted, double lead, double before) {
            this(interrupted, lead, before, 0, 0, 0);
        }

        Night(boolean interrupted, double lead, double before, double exchange) {
            this(interrupted, lead, before, exchange, 0, 0);
        }

        /**
         * @param lead       lab seconds the first charge's cell sourced before its counters began (a slow command)
         * @param before     lab seconds from the step's start to its command acting
         * @param exchange   lab seconds of the first charge's command exchange (see {@link #exchange})
         * @param carried    lab seconds of each resume's window the killed process's current goes on
         * @param resumeLead lab seconds of each resume's window the resumed command acts before its counters go on
         */
        Night(boolean interrupted, double lead, double before, double exchange, double carried, double resumeLead) {
            this.interrupted = interrupted;
            this.carried = carried;
            this.resumeLead = resumeLead;
            this.lead = lead;
            this.before = before;
            this.exchange = exchange;
            cell.setPressurePa(60e6);
            rest(1, 600);
            for (int c = 1; c <= 2; c++) {
                cycle = c;
                source(2, AMPERE, 3.7, c == 2 && interrupted);
                rest(3, 180);
                source(4, -AMPERE, 1.9, false);
                rest(5, 180);
            }
        }

        private void rest(int index, double seconds) {
            stepCount++;
            stepStarts.put(stepCount, 1.8e9 + t);
            for (double at = PERIOD; at <= seconds + 1e-9; at += PERIOD) {
                cell.advance(PERIOD, new ChannelCommand.OpenCircuit());
                t += PERIOD;
                samples.add(sample(t, cell.terminalVoltage(), 0, cycle, stepCount, index, 0));
            }
        }

        private void source(int index, double ampere, double cutoff, boolean withResumes) {
            stepCount++;
            stepStarts.put(stepCount, 1.8e9 + t);
            ChannelCommand command = new ChannelCommand.Current(ampere, 1.0, 4.5);
            // counted from the middle of the exchange; the command acted `before` into it
            double early = 0;
            if (stepCount == 2 && exchange > 0) {
                double middle = exchange / 2;
                stepStarts.put(stepCount, 1.8e9 + t + middle);
                cell.advance(before, new ChannelCommand.OpenCircuit());
                cell.advance(Math.max(0, middle - before), command); // uncounted: acted before the middle
                early = Math.max(0, before - middle); // counted, but the cell had none of it
                t += Math.max(before, middle);
            } else if (stepCount == 2) {
                // the command's writes take their time: the step began before it acted, its counters after
                cell.advance(before, new ChannelCommand.OpenCircuit());
                cell.advance(lead, command);
                t += before + lead;
            }
            Set<Double> resumed = new java.util.HashSet<>();
            double q = Math.abs(ampere) * early / 3600;
            // samples fall a period apart from the step's start: the first that much sooner after the count began
            double dt = PERIOD - (stepCount == 2 && exchange == 0 ? before + lead : early);
            while (true) {
                cell.advance(dt, command);
                t += dt;
                q += Math.abs(cell.current()) * dt / 3600;
                dt = PERIOD;
                double v = cell.terminalVoltage();
                samples.add(sample(t, v, cell.current(), cycle, stepCount, index, q));
                if (ampere > 0 ? v >= cutoff : v <= cutoff) {
                    return;
                }
                for (double at : RESUME_AT_VOLT) {
                    if (withResumes && v >= at && resumed.add(at)) {
                        double kill = 1.8e9 + t;
                        if (carried > 0) {
                            cell.advance(carried, command);
                        }
                        cell.advance(OPEN_SECONDS - carried - resumeLead, new ChannelCommand.OpenCircuit());
                        if (resumeLead > 0) {
                            cell.advance(resumeLead, command);
                        }
                        t += OPEN_SECONDS;
                        resumes.add(new double[] {1.8e9 + t, 0, kill, ampere * carried / 3600, 1.8e9 + t - resumeLead,
                            ampere});
                    }
                }
            }
        }

        NightRecords.Cell records() {
            return new NightRecords.Cell(List.copyOf(samples), List.of(), null);
        }

        double capacity(int step) {
            return samples.stream().filter(s -> s.stepCount() == step).reduce((a, b) -> b).orElseThrow()
                    .stepCapacityAh();
        }

        @Override
        public String toString() {
            return interrupted ? "interrupted" : "reference";
        }
    }
}
