package io.cellbench.plot;

import io.cellbench.core.data.Sample;
import io.cellbench.daq.run.CycleRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One cell's samples, streamed, as the envelopes of the quantities a plot against time may draw
 * (memory bounded by the number of quantities, not the run's length), and which of all the
 * candidates had any value at all (for saying what was recorded when a quantity was not).
 */
final class TimeTraces implements BiConsumer<Sample, double[]> {
    private final List<TimeQuantity> candidates;
    private final boolean[] seen;
    private final Map<TimeQuantity, TimeEnvelope> envelopes = new LinkedHashMap<>();
    private final CycleRange cycles;
    private long samples;

    TimeTraces(List<TimeQuantity> candidates, Set<TimeQuantity> wanted, CycleRange cycles, int spans) {
        this.candidates = candidates;
        this.seen = new boolean[candidates.size()];
        this.cycles = cycles;
        for (TimeQuantity q : wanted) {
            envelopes.put(q, new TimeEnvelope(spans));
        }
    }

    @Override
    public void accept(Sample s, double[] aux) {
        if (!cycles.contains(s.cycleCount()) || !Double.isFinite(s.testTimeSecond())) {
            return;
        }
        samples++;
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i] && Double.isFinite(candidates.get(i).value(s, aux))) {
                seen[i] = true;
            }
        }
        double t = s.testTimeSecond();
        envelopes.forEach((q, e) -> e.add(t, q.value(s, aux)));
    }

    /** Samples of the chosen cycles read. */
    long samples() {
        return samples;
    }

    boolean recorded(TimeQuantity q) {
        int i = candidates.indexOf(q);
        return i >= 0 && seen[i];
    }

    /** The points kept of {@code q} (test time in s, value as recorded); empty when not collected or never recorded. */
    Curve curve(TimeQuantity q) {
        TimeEnvelope e = envelopes.get(q);
        return e == null ? new Curve(new double[0], new double[0]) : e.curve();
    }
}
