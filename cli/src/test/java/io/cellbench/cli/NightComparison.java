package io.cellbench.cli;

import static io.cellbench.cli.NightSteps.last;
import static io.cellbench.cli.NightSteps.lastInterval;
import static io.cellbench.cli.NightSteps.lastStride;
import static io.cellbench.cli.NightSteps.meanCurrent;
import static io.cellbench.cli.NightSteps.uncountedStart;
import static io.cellbench.cli.NightKillWindows.atRest;
import static io.cellbench.cli.NightKillWindows.inCell;
import static io.cellbench.cli.NightSteps.voltAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CycleSummary;
import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A surviving cell of the soak held against the same cell of the unfaulted reference run, step
 * by step and sample by sample.
 *
 * <p>What may differ, and by how much, follows from how the lab behaves (see
 * {@link LabTimeWhileDown}: the cells' time stands still while no process runs them) and how
 * cellbench samples; nothing is a fitted fudge:
 * <ul>
 *   <li><b>At each kill</b> the cell went on sourcing from the journal's last position to the
 *       kill (the journal's interval: at most 1 s of wall time here) and the resumed counters go
 *       on from that position, so that charge is in the cell but not in the counters: its
 *       current times that time, Δ, known exactly from the journal read at the kill and the
 *       cells' clock. From the kill to the resumed step's first sample the cell had, in its own
 *       time, more of the old command (the next process starts the cells' time with its first
 *       request to any instrument of the lab, and resets this cell's output only once its
 *       driver has connected and identified the instrument: up to tens of lab seconds on a
 *       loaded machine, read exactly from the simulator's command history), then open circuit
 *       while the process opened the instrument and went on, then a sample period of the
 *       step's command. The old command's charge is in the cell like the journal's lag, and
 *       stays there for the steps after (seed 410573435276604671 failed the soak when it was
 *       taken for a relaxation allowance of the resumed step only); what the open circuit did
 *       is bounded by the step's current over the rest of the window.</li>
 *   <li><b>At each step's start</b> the counters begin when the runner dates the command's
 *       action: the middle of its exchange with the instrument, within half the exchange of
 *       the real moment either way. In scaled time that is the wall time of the exchange times
 *       100 (a loaded machine's 97 ms were 9.7 lab s in the reference of seed
 *       -7664976328127116115, when the counters still began after the whole exchange, all of
 *       it uncounted). Half of a 30 lab s exchange either way stays within the cut-off and
 *       first samples' allowances (NightComparisonTest). A late start as before that change is
 *       bounded by the step's StepStarted and its first sample less its counted charge.</li>
 *   <li><b>At each cut-off</b> a step ends at the first sample past it: a sample later or
 *       earlier in one run moves the step's capacity by the current over that sample's interval,
 *       and the next step starts that much apart. Both intervals are read from the runs.</li>
 *   <li><b>What a step leaves in the cell</b> stays there: resumes in a charge let the cell
 *       relax at open circuit, so it reaches its cut-off voltage with more charge in it than the
 *       reference, and the discharge after gives that charge back. The two runs' capacities
 *       (counted, plus what the kills left uncounted) say how much charge the cell holds apart
 *       from the reference when a step begins; the step is held against the reference shifted
 *       by that charge (more in the cell: a discharge delivers that much more and lies that
 *       much behind on the reference's curve; a charge takes that much less).</li>
 *   <li><b>After a resume</b> the open circuit has let the cell's slow overpotential relax
 *       (solid-state diffusion, time constant τd in the simulator's cell): for 3 τd its voltage
 *       may lie toward open circuit from the reference's, never beyond where the step began.</li>
 *   <li><b>The instruments' noise</b>: a few µV and µA on the Keithley's ranges.</li>
 * </ul>
 * The soak's test times are not the reference's: a resumed run's test time counts the
 * downtime, and a resumed timed step runs what the journal had not yet seen again. So the
 * comparison goes by step, and within a current step by the charge the cell has really had.
 */
final class NightComparison {
    /** Voltage beyond what the charge and the sampling explain: noise and the relaxation a resume's reset allows. */
    static final double VOLT = 0.005;
    static final double AMPERE = 2e-5;
    static final double NOISE_AH = 2e-6;

    private final String cell;
    private final NightRecords.Cell soak;
    private final NightRecords.Cell ref;
    private final String context;
    private final java.util.function.ToDoubleFunction<Sample> cellTime;
    /** How long after a resume the cell's slow overpotential is still building again: 3 τd of its diffusion. */
    private final double settleSeconds;
    /** Per step count: the kills the step was resumed after ({@link NightKillWindows}). */
    private final Map<Integer, List<double[]>> uncounted;
    private final List<String> report = new ArrayList<>();
    /**
     * The least room left under the limits, V and Ah: negative where a sample or a step went
     * beyond (the first such place is kept, to fail with once every margin is known).
     */
    private double voltMargin = Double.POSITIVE_INFINITY;
    private double ahMargin = Double.POSITIVE_INFINITY;
    private String firstOverrun;
    /** The latest the counters began after a step's start, lab s: in the soak, in the reference. */
    private double lateSoakSecond;
    private double lateRefSecond;
    /**
     * The charge the soak's cell holds beyond the reference's cell as the next step begins, Ah
     * (negative: less): each source step's capacity in the soak (counted plus what the kills left
     * uncounted) less the reference's, summed with the sign of the current.
     */
    private double apartAh;
    private Map<Integer, Double> soakStarts = Map.of();
    private Map<Integer, Double> refStarts = Map.of();

    /**
     * @param relived  per kill (in order): see {@link NightKillWindows#perStep}
     * @param cellTime the cells' time of a soak sample (its unix time less how far the cells' time was behind the
     *                 clock of the process that took it: {@link LabTimeWhileDown#behind})
     * @param diffusionSeconds τd of the simulated cell's solid-state diffusion, its slowest relaxation
     */
    NightComparison(String cell, NightRecords.Cell soak, NightRecords.Cell ref, List<double[]> relived,
                    java.util.function.ToDoubleFunction<Sample> cellTime, double diffusionSeconds, String context) {
        this.settleSeconds = 3 * diffusionSeconds;
        this.cell = cell;
        this.soak = soak;
        this.ref = ref;
        this.cellTime = cellTime;
        this.context = context;
        this.uncounted = NightKillWindows.perStep(soak, relived, cellTime);
    }

    /**
     * The unix time each step began (its StepStarted event), per step count, in the soak and in
     * the reference: with each step's first sample they bound the charge its cell had before
     * the counters began ({@link NightSteps#uncountedStart}).
     */
    NightComparison stepStarts(Map<Integer, Double> soakStarts, Map<Integer, Double> refStarts) {
        this.soakStarts = Map.copyOf(soakStarts);
        this.refStarts = Map.copyOf(refStarts);
        return this;
    }

    /** Checks every step and sample; returns a line of what it found, for the log. */
    String check() {
        Map<Integer, List<Sample>> mine = soak.steps();
        Map<Integer, List<Sample>> theirs = ref.steps();
        assertEquals(List.copyOf(theirs.keySet()), List.copyOf(mine.keySet()), cell + ": the same steps, " + context);
        int previousSource = -1;
        for (int step : theirs.keySet()) {
            List<Sample> r = theirs.get(step);
            List<Sample> k = mine.get(step);
            assertEquals(r.get(0).stepIndex(), k.get(0).stepIndex(), cell + " step " + step + ": the same protocol step");
            assertEquals(r.get(0).cycleCount(), k.get(0).cycleCount(), cell + " step " + step + ": the same cycle");
            double ampere = meanCurrent(r);
            boolean sourcing = Math.abs(ampere) > 1e-4;
            double offsetAh = previousSource < 0 ? 0 : Math.abs(meanCurrent(theirs.get(previousSource)))
                    * (lastInterval(mine.get(previousSource), cellTime) + lastInterval(theirs.get(previousSource),
                    Sample::unixTimeSecond)) / 3600;
            if (sourcing) {
                apartAh += Math.signum(ampere) * source(step, k, r, ampere, offsetAh);
                previousSource = step;
            } else {
                // a kill just past a current step's end may leave its current on into the rest
                apartAh += uncounted.getOrDefault(step, List.of()).stream().filter(x -> !Double.isNaN(x[3]))
                        .mapToDouble(x -> x[3]).sum();
                rest(step, k, r, previousSource < 0 ? 0 : Math.abs(last(mine.get(previousSource)).voltageVolt()
                        - last(theirs.get(previousSource)).voltageVolt()) + Math.max(lastStride(mine.get(previousSource)),
                        lastStride(theirs.get(previousSource))));
            }
        }
        cycles();
        String found = String.format(Locale.ROOT, "%s: %d samples against the reference's %d; worst voltage margin %s"
                + " mV to what the charge explains, worst step capacity margin %s mAh to its tolerance budget"
                + " (negative: beyond it); counters began up to %.2f lab s after a current step's start (reference"
                + " %.2f s); from the journals' positions to the next processes' first commands the channel put in"
                + " %.5f mAh net (%s)", cell, soak.samples().size(), ref.samples().size(), signed(voltMargin * 1e3, 1),
                signed(ahMargin * 1e3, 4), lateSoakSecond, lateRefSecond, uncounted.values().stream()
                .flatMap(List::stream).filter(x -> !Double.isNaN(x[3])).mapToDouble(x -> x[3]).sum() * 1e3,
                String.join("; ", report));
        if (firstOverrun != null) {
            throw new AssertionError(firstOverrun + "\n" + found);
        }
        return found;
    }

    /** Takes a margin (room left under a limit; negative: beyond it) into the least so far. */
    private double least(double worst, double margin, java.util.function.Supplier<String> where) {
        if (margin < 0 && firstOverrun == null) {
            firstOverrun = where.get();
        }
        return Math.min(worst, margin);
    }

    private static String signed(double value, int decimals) {
        return Double.isInfinite(value) ? "none" : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /**
     * A current step: its capacity, and each sample's voltage at the charge the cell really had;
     * returns how much more charge it passed than the reference's step (counted plus uncounted).
     */
    private double source(int step, List<Sample> k, List<Sample> r, double ampere, double offsetAh) {
        List<double[]> kills = uncounted.getOrDefault(step, List.of());
        double perSecond = Math.abs(ampere) / 3600;
        double lost = kills.stream().mapToDouble(x -> inCell(x, ampere, perSecond)).sum();
        double resting = kills.stream().mapToDouble(x -> atRest(x, perSecond)).sum();
        double cutoffAh = Math.abs(ampere) * (lastInterval(k, cellTime) + lastInterval(r, Sample::unixTimeSecond)) / 3600;
        double qSoak = Math.abs(k.get(k.size() - 1).stepCapacityAh()) + lost;
        double qRef = Math.abs(r.get(r.size() - 1).stepCapacityAh());
        double tolerance = cutoffAh + offsetAh + resting + NOISE_AH;
        // The charge the cell holds beyond the reference's: a discharge delivers it on top, a charge
        // takes that much less, and at q into the step the cell is where the reference was at q - shift.
        double shiftAh = -Math.signum(ampere) * apartAh;
        // What each cell had before its counters began; the same real charge in the soak lies
        // between q - refLate and q + soakLate of the reference's counted charge.
        double soakLate = uncountedStart(step, k, soakStarts, kills, perSecond);
        double refLate = uncountedStart(step, r, refStarts, List.of(), perSecond);
        tolerance += Math.max(soakLate, refLate);
        lateSoakSecond = Math.max(lateSoakSecond, soakLate / perSecond);
        lateRefSecond = Math.max(lateRefSecond, refLate / perSecond);
        String at = String.format(Locale.ROOT, "%s step %d (index %d, %.3f mA): capacity %.5f mAh + %.5f mAh the %d"
                + " kill(s) left uncounted, reference %.5f mAh + %.5f mAh for the charge the cell held apart from it"
                + " as the step began, tolerance %.5f mAh (cut-offs %.5f, start %.5f, resumes at rest %.5f, before"
                + " the counters began %.5f here and %.5f in the reference); %s", cell,
                step, r.get(0).stepIndex(), ampere * 1e3, qSoak * 1e3 - lost * 1e3, lost * 1e3, kills.size(),
                qRef * 1e3, shiftAh * 1e3, tolerance * 1e3, cutoffAh * 1e3, offsetAh * 1e3, resting * 1e3,
                soakLate * 1e3, refLate * 1e3, context);
        ahMargin = least(ahMargin, tolerance - Math.abs(qSoak - qRef - shiftAh), () -> at);
        double startVolt = r.get(0).voltageVolt();
        for (Sample s : k) {
            double before = kills.stream().filter(x -> x[0] <= s.unixTimeSecond())
                    .mapToDouble(x -> inCell(x, ampere, perSecond)).sum();
            double qError = offsetAh + NOISE_AH + kills.stream().filter(x -> x[0] <= s.unixTimeSecond())
                    .mapToDouble(x -> atRest(x, perSecond)).sum();
            double q = Math.abs(s.stepCapacityAh()) + before;
            // anywhere between the charge itself and where the reference's cell held as much (a
            // step's first moments follow the time since it began as much as the charge)
            double[] v = voltAt(r, q - shiftAh / 2 + (soakLate - refLate) / 2,
                    qError + Math.abs(shiftAh) / 2 + (soakLate + refLate) / 2);
            double low = v[0] - VOLT;
            double high = v[1] + VOLT;
            boolean settling = kills.stream().anyMatch(x -> x[0] <= s.unixTimeSecond()
                    && s.unixTimeSecond() - x[0] < settleSeconds);
            if (settling) {
                // Open circuit at the resume let the slow (diffusion) overpotential relax; it builds
                // up again with the cell's own time constant: until then the voltage lies toward
                // open circuit, never beyond where the step began.
                low = ampere > 0 ? Math.min(low, startVolt) : low;
                high = ampere < 0 ? Math.max(high, startVolt) : high;
            }
            if (s.unixTimeSecond() - k.get(0).unixTimeSecond() < settleSeconds) {
                // Kills in the step before (a rest lengthened by the time down) let the cell relax
                // further than in the reference: this step starts that much off the reference's
                // start and approaches its curve with the cell's own time constant.
                double shift = k.get(0).voltageVolt() - startVolt;
                low = Math.min(low, v[0] + Math.min(shift, 0) - VOLT);
                high = Math.max(high, v[1] + Math.max(shift, 0) + VOLT);
            }
            double beyond = Math.max(low - s.voltageVolt(), s.voltageVolt() - high);
            voltMargin = least(voltMargin, -beyond, () -> String.format(Locale.ROOT, "%s: at test time %.1f s, %.5f"
                    + " mAh into the step (%.5f mAh counted), %.4f V, where the reference had %.4f to %.4f V (± %.0f mV%s); %s", at,
                    s.testTimeSecond(), q * 1e3, s.stepCapacityAh() * 1e3, s.voltageVolt(), v[0], v[1], VOLT * 1e3,
                    settling ? ", down to where the step began while the overpotential builds again after a resume"
                    : "", at));
            current(s, ampere, at);
        }
        return qSoak - qRef;
    }

    /**
     * A rest (or the pause in one): at open circuit, within the voltages the reference's rest
     * went through, and as far beyond as its relaxation at the end goes on in the time the kills
     * added to this rest (a resumed rest runs again what its journal had not seen, and rests
     * from each kill to its first sample): the cell relaxes for longer. It relaxes from where the
     * current step before it ended, and that end may lie apart in the two runs by {@code startApart}
     * (read from the data): how far apart the two ends are, plus the voltage the step moved over
     * its last sample in either run (the cut-off is found to within a sample: one sample earlier
     * or later, on the steep end of a discharge, is 50 mV and the charge that goes with it, and
     * near empty, where diffusion is slowest, that history stays in the rest's relaxation; as
     * does what the resumes' open circuits let relax in that step). The overpotential decays
     * from there, so the rest lies no further apart than that.
     */
    private void rest(int step, List<Sample> k, List<Sample> r, double startApart) {
        double low = r.stream().mapToDouble(Sample::voltageVolt).min().orElseThrow();
        double high = r.stream().mapToDouble(Sample::voltageVolt).max().orElseThrow();
        double longer = uncounted.getOrDefault(step, List.of()).stream().mapToDouble(x -> x[1] + x[2]).sum();
        double rate = r.size() < 2 ? 0 : Math.abs(r.get(r.size() - 1).voltageVolt() - r.get(r.size() - 2).voltageVolt())
                / Math.max(1e-9, r.get(r.size() - 1).testTimeSecond() - r.get(r.size() - 2).testTimeSecond());
        double more = rate * longer + startApart;
        String at = String.format(Locale.ROOT, "%s step %d (index %d, a rest): the reference rested between %.4f and"
                + " %.4f V, relaxing %.3f mV/s at its end; this rest was %.0f s longer; the step before ended %.1f mV"
                + " apart; %s", cell, step, r.get(0).stepIndex(), low, high, rate * 1e3, longer, startApart * 1e3,
                context);
        for (Sample s : k) {
            double beyond = Math.max(low - more - VOLT - s.voltageVolt(), s.voltageVolt() - high - more - VOLT);
            voltMargin = least(voltMargin, -beyond, () -> String.format(Locale.ROOT, "%s: %.4f V at test time %.1f s",
                    at, s.voltageVolt(), s.testTimeSecond()));
            current(s, 0, at);
        }
        double q = Math.abs(k.get(k.size() - 1).stepCapacityAh() - r.get(r.size() - 1).stepCapacityAh());
        assertTrue(q <= NOISE_AH * 10, at + ": capacity " + q * 1e3 + " mAh apart");
    }

    private void current(Sample s, double ampere, String at) {
        assertTrue(Math.abs(s.currentAmpere() - ampere) <= AMPERE + 0.01 * Math.abs(ampere), String.format(Locale.ROOT,
                "%s: %.4f mA at test time %.1f s, the step's current %.4f mA", at, s.currentAmpere() * 1e3,
                s.testTimeSecond(), ampere * 1e3));
    }

    /** Every cycle of the reference, with its capacities as the steps' (the cycle rows are the record). */
    private void cycles() {
        List<CycleSummary> mine = soak.cycles();
        List<CycleSummary> theirs = ref.cycles();
        assertEquals(theirs.stream().map(CycleSummary::cycleCount).toList(),
                mine.stream().map(CycleSummary::cycleCount).toList(), cell + ": every cycle row, " + context);
        for (int i = 0; i < theirs.size(); i++) {
            report.add(String.format(Locale.ROOT, "cycle %d %.4f/%.4f mAh (reference %.4f/%.4f)",
                    theirs.get(i).cycleCount(), mine.get(i).chargeCapacityAh() * 1e3,
                    mine.get(i).dischargeCapacityAh() * 1e3, theirs.get(i).chargeCapacityAh() * 1e3,
                    theirs.get(i).dischargeCapacityAh() * 1e3));
        }
    }
}
