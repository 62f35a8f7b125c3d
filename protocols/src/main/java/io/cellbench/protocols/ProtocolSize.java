package io.cellbench.protocols;

import io.cellbench.protocols.grammar.PhysicalBounds;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How much a protocol asks for once its repeats are expanded: how many steps it runs and the
 * least time its stated durations add up to. Nested repeats multiply, so a few lines can ask
 * for more steps than a run could ever finish ("Repeat 2 times" nested 200 deep) or for
 * centuries of data; such a protocol is refused where it is written rather than started.
 */
public final class ProtocolSize {

    /** The most steps a protocol may run: 5,000 cycles of 10 steps each fit 20 times over. */
    public static final long MAX_STEPS = 1_000_000;

    /** The longest a protocol may run, counting the times its steps state (see {@link #statedSeconds}). */
    public static final double MAX_SECONDS = PhysicalBounds.MAX_SECONDS;

    private ProtocolSize() {
    }

    /** The steps run, each repeat's as many times as it repeats (a double: nested repeats overflow a long). */
    public static double steps(List<Step> steps) {
        return sum(steps, ProtocolSize::steps);
    }

    private static double sum(List<Step> steps, ToDoubleFunction<Step> each) {
        return steps.stream().mapToDouble(each).sum();
    }

    private static double steps(Step s) {
        return s instanceof Step.Repeat r ? r.times() * steps(r.steps()) : 1;
    }

    /**
     * The time the steps take at least by what they state: each step's shortest time limit
     * ("for", a time cut-off; the hold's added for CC-CV), one period per point for a sweep, and
     * nothing for a step that ends only on voltage, current or capacity.
     */
    public static double statedSeconds(List<Step> steps) {
        return sum(steps, ProtocolSize::statedSeconds);
    }

    private static double statedSeconds(Step s) {
        return switch (s) {
            case Step.Rest r -> timeLimit(r.durationSecond(), r.until());
            case Step.Drive d -> timeLimit(d.durationSecond(), d.until())
                    + (d.thenHold() == null ? 0 : timeLimit(null, d.thenHold().until()));
            case Step.Eis e -> sweepSeconds(e);
            case Step.SetPressure p -> 0;
            case Step.SetTemperature t -> 0;
            case Step.Repeat r -> r.times() * statedSeconds(r.steps());
        };
    }

    private static double timeLimit(Double duration, List<Termination> until) {
        double t = duration == null ? Double.POSITIVE_INFINITY : duration;
        for (Termination term : until) {
            if (term.measure() == Termination.Measure.TIME) {
                t = Math.min(t, term.value());
            }
        }
        return Double.isInfinite(t) ? 0 : t;
    }

    /** One period of each frequency of the sweep: the least any analyzer needs. */
    private static double sweepSeconds(Step.Eis e) {
        double lo = Math.min(e.startHz(), e.endHz());
        double hi = Math.max(e.startHz(), e.endHz());
        int points = (int) Math.ceil(Math.log10(hi / lo) * e.pointsPerDecade()) + 1;
        double t = 0;
        for (int i = 0; i < points; i++) {
            t += 1 / (lo * Math.pow(hi / lo, (double) i / Math.max(1, points - 1)));
        }
        return t;
    }

    /** What is too large, at the innermost repeat (or step) that is too large by itself, else at {@code stepsKey}. */
    static List<ProtocolException> problems(List<Step> steps, YamlNode.Scalar stepsKey, SourceLines lines) {
        List<ProtocolException> out = new ArrayList<>();
        if (steps(steps) > MAX_STEPS) {
            Step at = culprit(steps, ProtocolSize::steps, MAX_STEPS);
            out.add(error(lines, at, stepsKey, (at == null ? "the protocol runs " : "this repeat runs ")
                            + count(at == null ? steps(steps) : steps(at)) + " steps; a protocol may run at most "
                            + count(MAX_STEPS),
                    "each repeat multiplies the steps inside it: lower the counts, or split the test into protocols"
                            + " run one after another"));
        }
        if (statedSeconds(steps) > MAX_SECONDS) {
            Step at = culprit(steps, ProtocolSize::statedSeconds, MAX_SECONDS);
            String what = at == null ? "the protocol runs" : at instanceof Step.Repeat ? "this repeat runs" : "this step runs";
            out.add(error(lines, at, stepsKey, what + " for at least " + duration(at == null ? statedSeconds(steps)
                            : statedSeconds(at)) + " by the times its steps state; a protocol may run at most 5 years",
                    "check each 'for' and time cut-off with its unit, and the repeat counts"));
        }
        return out;
    }

    private static Step culprit(List<Step> steps, ToDoubleFunction<Step> measure, double max) {
        for (Step s : steps) {
            if (measure.applyAsDouble(s) > max) {
                Step inner = s instanceof Step.Repeat r ? culprit(r.steps(), measure, max) : null;
                return inner != null ? inner : s;
            }
        }
        return null;
    }

    private static ProtocolException error(SourceLines lines, Step at, YamlNode.Scalar stepsKey, String problem,
                                           String hint) {
        return at == null ? YamlTree.error(lines, stepsKey.line(), stepsKey.column(), problem, hint)
                : YamlTree.error(lines, at.at().line(), at.at().column(), problem, hint);
    }

    private static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%.1e", n);
    }

    private static String duration(double s) {
        double years = s / (365.25 * 86400);
        return years >= 1e6 ? String.format(Locale.ROOT, "%.1e years", years)
                : String.format(Locale.ROOT, "%,.1f years", years);
    }
}
