package io.cellbench.protocols;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import io.cellbench.protocols.grammar.SourceText;
import io.cellbench.protocols.grammar.StepGrammar;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One reading of one protocol file: the YAML structure, then limits, logging and steps. */
final class ProtocolReader {

    static final List<String> TOP_LEVEL_KEYS = List.of("name", "parameters", "limits", "logging", "fit", "steps");
    static final List<String> LIMIT_KEYS = List.of("voltage", "current", "temperature", "pressure");
    static final List<String> LOGGING_KEYS = List.of("period", "voltage_change", "current_change", "sample_period");

    /** The shortest sampling or recording period; cyclers record every 10 ms at the fastest. */
    static final double MIN_PERIOD_SECOND = 1e-3;

    private final SourceLines lines;
    private final Map<String, String> overrides;
    private final Problems problems = new Problems();
    private boolean voltageLimitRead = true;
    private Parameters parameters = Parameters.none();

    ProtocolReader(SourceLines lines) {
        this(lines, Map.of());
    }

    /** {@code overrides} replace declared parameter values (a schedule's per-cell settings). */
    ProtocolReader(SourceLines lines, Map<String, String> overrides) {
        this.lines = lines;
        this.overrides = overrides;
    }

    /** The names declared under {@code parameters:}, in file order. */
    List<String> parameterNames() {
        YamlNode root = YamlTree.read(lines);
        if (root instanceof Mapping top) {
            for (Entry e : top.entries()) {
                if ("parameters".equals(e.key().value()) && e.value() instanceof Mapping m) {
                    return m.entries().stream().map(x -> x.key().value()).toList();
                }
            }
        }
        return List.of();
    }

    Protocol read() {
        YamlNode root = YamlTree.read(lines);
        if (root == null) {
            throw YamlTree.error(lines, 1, 1, "the protocol file is empty",
                    "a protocol needs at least 'steps:' followed by a list of steps");
        }
        if (!(root instanceof Mapping top)) {
            throw at(root, "a protocol file is a mapping with 'name', 'limits', 'logging' and 'steps', not "
                    + YamlNode.kind(root), "start with 'name: …' and 'steps:' on lines of their own");
        }
        // Each part is read on its own, so every independent mistake is reported at once.
        Map<String, Entry> keys = keys(top, TOP_LEVEL_KEYS, "top-level key", "");
        String name = keys.containsKey("name") ? problems.attempt(() -> name(keys.get("name")), baseName(lines.file()))
                : baseName(lines.file());
        parameters = parameters(keys.get("parameters"));
        SafetyLimits limits = keys.containsKey("limits") ? limits(keys.get("limits")) : SafetyLimits.NONE;
        // A wrong limit is left open, so no step is held against it; but with the voltage window
        // unknown, "needs a voltage window" on every current step would be a problem that is not there.
        StepGrammar grammar = voltageLimitRead ? StepGrammar.forProtocol(limits) : new StepGrammar(limits);
        LoggingRule logging = keys.containsKey("logging") ? logging(keys.get("logging")) : LoggingRule.DEFAULT;
        String fit = keys.containsKey("fit") ? problems.attempt(() -> fit(keys.get("fit")), null) : null;
        Entry steps = keys.get("steps");
        List<Step> parsed = List.of();
        if (steps == null) {
            problems.add(at(top, "the protocol has no 'steps'",
                    "add 'steps:' followed by a list such as '  - Rest for 1 hour'"));
        } else {
            parsed = steps(steps.key(), steps.value(), grammar, false);
            for (ProtocolException e : ProtocolSize.problems(parsed, steps.key(), lines)) {
                problems.add(e);
            }
        }
        problems.throwIfAny();
        return new Protocol(name, lines.file(), limits, logging, parsed, fit);
    }

    // ---- steps -----------------------------------------------------------------------------

    private List<Step> steps(Scalar owner, YamlNode node, StepGrammar grammar, boolean block) {
        if (block && node instanceof Scalar s && s.value() != null) {
            // "- Repeat 3 times: Rest for 1 hour": a block of one step
            return sentence(s, grammar);
        }
        if (!(node instanceof Sequence seq) || seq.items().isEmpty()) {
            boolean empty = node instanceof Sequence || node instanceof Scalar s && s.value() == null;
            String problem = !empty ? "'" + owner.value() + "' needs a list of steps, not " + YamlNode.kind(node)
                    : block ? "'" + owner.value() + "' has no steps to repeat"
                    : "the list of steps is empty";
            problems.add(at(node instanceof Scalar s && s.value() == null ? owner : node, problem,
                    "put each step on its own line under '" + owner.value() + ":', indented, starting with '- ',"
                            + " e.g. '  - Rest for 1 hour'"));
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            switch (item) {
                case Scalar s when s.value() == null -> problems.add(at(s, "empty step",
                        "write a step after '- ', or remove the line"));
                case Scalar s -> out.addAll(sentence(s, grammar));
                case Mapping m -> {
                    Step repeat = repeat(m, grammar);
                    if (repeat != null) {
                        out.add(repeat);
                    }
                }
                case Sequence inner -> problems.add(at(inner, "a list inside the list of steps",
                        "a block of steps needs a key: '- Repeat 3 times:' followed by the indented steps"));
            }
        }
        return out;
    }

    /** The steps of one sentence; none when it is wrong (the problem is kept). */
    private List<Step> sentence(Scalar s, StepGrammar grammar) {
        SourceText text = ScalarSource.of(lines, s);
        if (parameters.usesBroken(text)) {
            return List.of(); // its parameter's own declaration is the problem, reported there
        }
        return problems.attempt(() -> grammar.parse(parameters.apply(text)), List.of());
    }

    /** A "Repeat N times:" block, or null when its header is wrong (problems in its steps are still reported). */
    private Step repeat(Mapping m, StepGrammar grammar) {
        if (m.entries().size() != 1) {
            Scalar second = m.entries().get(1).key();
            problems.add(key(second, "two keys in one list item ('" + m.entries().getFirst().key().value() + "' and '"
                    + second.value() + "')", "start each step or 'Repeat N times:' with its own '- '"));
            return null;
        }
        Entry e = m.entries().getFirst();
        Scalar key = e.key();
        SourceText header = ScalarSource.of(lines, key);
        if (!StepGrammar.isRepeatHeader(key.value())) {
            problems.add(header.error(0, key.value().length(), "'" + key.value() + "' is followed by ':', which makes it a YAML key",
                    "only 'Repeat N times:' takes a list of steps; remove the ':' or put the step in quotes"));
            return null;
        }
        Integer times = problems.attempt(() -> StepGrammar.repeatCount(header), null);
        List<Step> inner = steps(key, e.value(), grammar, true);
        return times == null ? null : new Step.Repeat(header.location(0), key.value().strip(), times, inner);
    }

    // ---- name, parameters, limits, logging -------------------------------------------------

    private Parameters parameters(Entry e) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        Mapping declared = e == null ? null : problems.attempt(() -> mapping(e, "pressure: 5 MPa"), null);
        for (Entry p : declared == null ? List.<Entry>of() : declared.entries()) {
            String k = p.key().value();
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(key(p.key(), "parameter name '" + k + "' is not a plain word",
                        "use letters, digits and '_', e.g. stack_pressure"));
            } else if (!(p.value() instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
                problems.add(at(p.value() instanceof Scalar ? p.key() : p.value(),
                        "parameter '" + k + "' needs a default value", "e.g. " + k + ": 5 MPa"));
                broken.add(k);
            } else if (values.put(k, s.value().strip()) != null) {
                problems.add(key(p.key(), "parameter '" + k + "' is given twice", "keep one of them"));
            }
        }
        for (var o : overrides.entrySet()) {
            if (!values.containsKey(o.getKey()) && !broken.contains(o.getKey())) {
                problems.add(YamlTree.error(lines, e == null ? 1 : e.key().line(), e == null ? 1 : e.key().column(),
                        "parameter '" + o.getKey() + "' is set for this protocol but not declared in it",
                        values.isEmpty() ? "declare it: parameters: {" + o.getKey() + ": <default>}"
                                : "declared parameters: " + String.join(", ", values.keySet())));
            }
            values.put(o.getKey(), o.getValue());
            broken.remove(o.getKey());
        }
        return new Parameters(values, broken);
    }

    private String name(Entry e) {
        if (!(e.value() instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
            throw at(e.value() instanceof Scalar ? e.key() : e.value(), "'name' needs a single line of text, not "
                    + YamlNode.kind(e.value()), "e.g. name: SSB formation and cycling");
        }
        return s.value().strip();
    }

    private String fit(Entry e) {
        if (!(e.value() instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
            throw at(e.value() instanceof Scalar ? e.key() : e.value(), "'fit' needs a circuit on one line, not "
                    + YamlNode.kind(e.value()), FitCircuit.HINT);
        }
        return FitCircuit.read(ScalarSource.of(lines, s));
    }

    private SafetyLimits limits(Entry e) {
        Mapping m = problems.attempt(() -> mapping(e, "voltage: [1.9 V, 3.8 V]"), null);
        if (m == null) {
            voltageLimitRead = false;
            return SafetyLimits.NONE;
        }
        Map<String, Entry> keys = keys(m, LIMIT_KEYS, "limit", "limits.");
        int before = problems.count();
        Range voltage = problems.attempt(() -> range(keys.get("voltage"), Dimension.VOLTAGE, "[1.9 V, 3.8 V]"),
                Range.UNBOUNDED);
        voltageLimitRead = problems.count() == before;
        return new SafetyLimits(
                voltage,
                problems.attempt(() -> range(keys.get("current"), Dimension.CURRENT, "[-10 mA, 10 mA]"), Range.UNBOUNDED),
                problems.attempt(() -> range(keys.get("temperature"), Dimension.TEMPERATURE, "[0 °C, 80 °C]"),
                        Range.UNBOUNDED),
                problems.attempt(() -> range(keys.get("pressure"), Dimension.PRESSURE, "[1 MPa, 100 MPa]"), Range.UNBOUNDED));
    }

    private Range range(Entry e, Dimension dimension, String example) {
        if (e == null) {
            return Range.UNBOUNDED;
        }
        String key = "limits." + e.key().value();
        if (!(e.value() instanceof Sequence seq) || seq.items().size() != 2) {
            throw at(e.value() instanceof Scalar s && s.value() == null ? e.key() : e.value(),
                    key + " takes [min, max]", "e.g. " + e.key().value() + ": " + example
                            + " (write ~ for no limit on one side)");
        }
        int before = problems.count();
        double min = problems.attempt(() -> bound(seq.items().get(0), dimension, key, Double.NEGATIVE_INFINITY), 0.0);
        double max = problems.attempt(() -> bound(seq.items().get(1), dimension, key, Double.POSITIVE_INFINITY), 0.0);
        if (problems.count() != before) {
            return Range.UNBOUNDED;
        }
        if (!(min < max)) {
            throw at(seq.items().get(1), key + ": the upper limit is not above the lower limit",
                    "write [min, max], e.g. " + example);
        }
        return new Range(min, max);
    }

    private double bound(YamlNode node, Dimension dimension, String key, double none) {
        if (!(node instanceof Scalar s)) {
            throw at(node, key + " takes two values, not " + YamlNode.kind(node), "e.g. [1.9 V, 3.8 V]");
        }
        if (s.value() == null) {
            return none;
        }
        return StepGrammar.value(ScalarSource.of(lines, s), dimension, "a " + dimension.label() + " limit");
    }

    private LoggingRule logging(Entry e) {
        Mapping m = problems.attempt(() -> mapping(e, "period: 10 s"), null);
        if (m == null) {
            return LoggingRule.DEFAULT;
        }
        Map<String, Entry> keys = keys(m, LOGGING_KEYS, "logging key", "logging.");
        LoggingRule d = LoggingRule.DEFAULT;
        int before = problems.count();
        double period = problems.attempt(() -> threshold(keys.get("period"), Dimension.TIME, d.periodSecond(), true),
                d.periodSecond());
        double dv = problems.attempt(() -> threshold(keys.get("voltage_change"), Dimension.VOLTAGE, d.deltaVolt(), true),
                d.deltaVolt());
        double di = problems.attempt(() -> threshold(keys.get("current_change"), Dimension.CURRENT, d.deltaAmpere(), true),
                d.deltaAmpere());
        double sample = problems.attempt(() -> threshold(keys.get("sample_period"), Dimension.TIME,
                d.samplePeriodSecond(), false), d.samplePeriodSecond());
        if (sample > period && problems.count() == before) {
            Entry at = keys.containsKey("sample_period") ? keys.get("sample_period") : keys.get("period");
            problems.add(at(at.value(), "sample_period (" + seconds(sample) + ") is longer than period ("
                            + seconds(period) + ")",
                    "the runner cannot record more often than it reads the instrument: shorten sample_period"));
        }
        return new LoggingRule(period, dv, di, sample);
    }

    private double threshold(Entry e, Dimension dimension, double otherwise, boolean mayBeOff) {
        if (e == null) {
            return otherwise;
        }
        String key = "logging." + e.key().value();
        if (!(e.value() instanceof Scalar s)) {
            throw at(e.value(), key + " takes one value, not " + YamlNode.kind(e.value()), "e.g. period: 10 s");
        }
        String v = s.value() == null ? "" : s.value().strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("off") || v.equals("none") || v.equals("false")) {
            if (!mayBeOff) {
                throw at(s.value() == null ? e.key() : s, key + " cannot be off",
                        "the runner must read the instrument: e.g. sample_period: 1 s");
            }
            return Double.POSITIVE_INFINITY;
        }
        SourceText src = ScalarSource.of(lines, s);
        double value = StepGrammar.value(src, dimension, "a " + dimension.label());
        if (!(value > 0)) {
            throw src.error(0, s.value().length(), key + " must be above zero",
                    mayBeOff ? "write 'off' to disable this rule" : "e.g. sample_period: 1 s");
        }
        if (dimension == Dimension.TIME && value < MIN_PERIOD_SECOND) {
            throw src.error(0, s.value().length(), key + " " + s.value().strip() + " is shorter than 1 ms",
                    "no cycler records faster than every 10 ms; e.g. " + e.key().value() + ": 100 ms");
        }
        return value;
    }

    // ---- structure helpers -----------------------------------------------------------------

    private Mapping mapping(Entry e, String example) {
        if (!(e.value() instanceof Mapping m)) {
            throw at(e.value() instanceof Scalar s && s.value() == null ? e.key() : e.value(),
                    "'" + e.key().value() + "' needs indented 'key: value' lines, not " + YamlNode.kind(e.value()),
                    "e.g.\n" + e.key().value() + ":\n  " + example);
        }
        return m;
    }

    /** The mapping's entries by key; unknown and repeated keys are problems (and left out). */
    private Map<String, Entry> keys(Mapping m, List<String> allowed, String what, String prefix) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
            String k = e.key().value();
            if (!allowed.contains(k)) {
                String guess = StepGrammar.closestWord(k, allowed);
                String list = "Allowed: " + String.join(", ", allowed);
                problems.add(key(e.key(), "unknown " + what + " '" + prefix + k + "'",
                        guess != null ? "did you mean '" + guess + "'? " + list : list));
            } else if (out.containsKey(k)) {
                problems.add(key(e.key(), "'" + prefix + k + "' is given twice", "keep one of them (line "
                        + out.get(k).key().line() + ")"));
            } else {
                out.put(k, e);
            }
        }
        return out;
    }

    private ProtocolException key(Scalar key, String problem, String hint) {
        return ScalarSource.of(lines, key).error(0, key.value().length(), problem, hint);
    }

    private ProtocolException at(YamlNode node, String problem, String hint) {
        return YamlTree.error(lines, node.line(), node.column(), problem, hint);
    }

    private static String seconds(double s) {
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private static String baseName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
