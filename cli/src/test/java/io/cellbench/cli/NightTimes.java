package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's times: the run's own (test time and unix time, which count the downtime) and the
 * cells' (which stood still from each kill until the next process spoke to them, see
 * {@link LabTimeWhileDown}).
 */
final class NightTimes {
    private final HostileNightSoakTest.Night night;
    private final String cell;
    private final List<Double> resumes;

    NightTimes(HostileNightSoakTest.Night night, String cell, List<Double> resumes) {
        this.night = night;
        this.cell = cell;
        this.resumes = resumes;
    }

    /**
     * No sample twice and no time going backwards, over every segment: test time and unix time
     * strictly increasing, unix time less test time the run's start throughout (test time counts
     * the downtime), and the step and cycle counts never going back.
     */
    static void continuous(String cell, List<Sample> samples, String context) {
        assertTrue(samples.size() > 10, cell + " has data, " + context);
        double start = samples.get(0).unixTimeSecond() - samples.get(0).testTimeSecond();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            String at = String.format(Locale.ROOT, "%s sample %d: from %s to %s, %s", cell, i, a, b, context);
            assertTrue(b.testTimeSecond() > a.testTimeSecond(), "test time strictly increasing (no sample twice): " + at);
            assertTrue(b.unixTimeSecond() > a.unixTimeSecond(), "unix time strictly increasing: " + at);
            assertTrue(Math.abs(b.unixTimeSecond() - b.testTimeSecond() - start) < 1e-3, "test time counts from the"
                    + " run's start in every segment: " + at);
            assertTrue(b.stepCount() >= a.stepCount() && b.cycleCount() >= a.cycleCount(), "counts never go back: " + at);
        }
    }

    /**
     * The lab seconds the cells' time was behind the clock of the process that took the sample:
     * what they had stood still, and how far a step of the wall clock put that process ahead.
     */
    private double behind(Sample s) {
        int segment = (int) resumes.stream().filter(r -> r <= s.unixTimeSecond() + 1e-6).count();
        return segment < night.kills.size() ? night.kills.get(segment).behind() : night.finalStood + night.finalAhead;
    }

    /** The cells' time of a sample of the soak. */
    double cellTime(Sample s) {
        return s.unixTimeSecond() - behind(s);
    }

    /**
     * Per kill: the unix time of the resume after it, the lab seconds the cell went on under its
     * last command that the resumed counters do not count (from the journal's position, as read
     * at the kill, to the kill, both in the cells' time), the cells' time at the kill, and the
     * charge (Ah, signed: + into the cell) the channel really put in from that position until the
     * next process changed the channel's command (its driver's reset at open), read from the
     * simulator ({@link #carriedOnAh}); then the cells' time of the next process's first current
     * command and its current (NaN and 0 when none), for the charge it put in before the resumed
     * counters went on.
     */
    List<double[]> relived() {
        List<double[]> out = new ArrayList<>();
        List<SimulatedCyclerChannel.Commanded> history = night.lab.instrument(NightInputs.channelOf(cell))
                .commandHistory();
        for (int k = 0; k < night.kills.size() && k < resumes.size(); k++) {
            NightPlan.Kill kill = night.kills.get(k);
            double journaled = kill.journaled().get(cell) - kill.behind();
            double relived = kill.cellTime() - journaled;
            assertTrue(relived > -0.01, String.format(Locale.ROOT, "%s: the journal (cells' time %.3f) is not after the"
                    + " kill (%.3f) at kill %d", cell, journaled, kill.cellTime(), kill.index()));
            SimulatedCyclerChannel.Commanded resumed = history.stream().filter(c -> c.unixSecond() > kill.cellTime()
                    && c.command() instanceof ChannelCommand.Current i && i.ampere() != 0).findFirst().orElse(null);
            out.add(new double[] {resumes.get(k), relived, kill.cellTime(), carriedOnAh(history, journaled,
                    kill.cellTime()), resumed == null ? Double.NaN : resumed.unixSecond(),
                    resumed == null ? 0 : ((ChannelCommand.Current) resumed.command()).ampere()});
        }
        return out;
    }

    /**
     * The charge (Ah, + into the cell) the channel's commands put in from the journal's position
     * ({@code from}, cells' time) until the next process's first command after the {@code kill}:
     * what the resumed counters never see, read from the simulator's command history rather than
     * assumed from the step. Two parts the step's current does not explain: a kill just after a
     * step's journaled start may come before the step's command was sent (the cell had the old
     * step's current, past its cut-off), and after the kill the old command goes on until the
     * next process resets the output. The cells' time starts again with that process's first
     * request to any instrument of the lab, and a cell's own instrument is reset only once its
     * driver has connected and asked *IDN? and *LANG?, after whatever the process said to the
     * other instruments first. Commands that source no current (a rest, the driver's own off
     * states at an open) put in nothing.
     */
    static double carriedOnAh(List<SimulatedCyclerChannel.Commanded> history, double from, double kill) {
        double ah = 0;
        for (int i = 0; i < history.size(); i++) {
            SimulatedCyclerChannel.Commanded c = history.get(i);
            if (c.unixSecond() > kill) {
                break; // the next process's first command: the old one ended here
            }
            double end = i + 1 < history.size() ? history.get(i + 1).unixSecond() : kill;
            double span = end - Math.max(c.unixSecond(), from);
            if (span > 0 && c.command() instanceof ChannelCommand.Current current) {
                ah += current.ampere() * span / 3600;
            }
        }
        return ah;
    }
}
