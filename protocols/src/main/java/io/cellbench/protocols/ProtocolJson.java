package io.cellbench.protocols;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.List;
import java.util.Locale;

/**
 * The normalized JSON form of a protocol: what a protocol means, independent of how it was
 * written ("C/20" and "0.05C", "2 h" and "120 min" give the same JSON). Values are SI — A, V,
 * W, Ohm, s, Ah, Wh, Pa, Hz — with temperature in °C and C-rate in C; magnitudes are
 * positive. Every step object has the keys {@code line, kind, control, value, duration_s,
 * until, period_s, times, steps, text}; kind-specific keys follow (see docs/protocols.md).
 */
public final class ProtocolJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper(io.cellbench.core.format.PlainJson.factory());
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ProtocolJson() {
    }

    /** Pretty-printed JSON (two-space indent, \n line ends, no trailing newline). */
    public static String toJson(Protocol protocol) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(toTree(protocol));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Any JSON tree printed as {@link #toJson} prints a protocol (two-space indents, "\n" line ends). */
    public static String write(com.fasterxml.jackson.databind.JsonNode tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public static ObjectNode toTree(Protocol protocol) {
        ObjectNode root = F.objectNode();
        root.put("protocol", protocol.name());
        root.set("limits", limits(protocol.limits()));
        root.set("logging", logging(protocol.logging()));
        if (protocol.fitCircuit() != null) { // only when named: protocol.json of every other protocol stays as it was
            root.put("fit", protocol.fitCircuit());
        }
        root.set("steps", steps(protocol.steps()));
        return root;
    }

    private static ObjectNode limits(SafetyLimits l) {
        ObjectNode o = F.objectNode();
        o.set("voltage", range(l.voltage()));
        o.set("current", range(l.current()));
        o.set("temperature", range(l.temperatureCelsius()));
        o.set("pressure", range(l.pressure()));
        return o;
    }

    private static ArrayNode range(Range r) {
        ArrayNode a = F.arrayNode();
        a.add(finiteOrNull(r.min()));
        a.add(finiteOrNull(r.max()));
        return a;
    }

    private static ObjectNode logging(LoggingRule r) {
        ObjectNode o = F.objectNode();
        o.set("period_s", finiteOrNull(r.periodSecond()));
        o.set("voltage_change", finiteOrNull(r.deltaVolt()));
        o.set("current_change", finiteOrNull(r.deltaAmpere()));
        o.set("sample_period_s", finiteOrNull(r.samplePeriodSecond()));
        return o;
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode a = F.arrayNode();
        steps.forEach(s -> a.add(step(s)));
        return a;
    }

    private static ObjectNode step(Step s) {
        ObjectNode o = F.objectNode();
        o.put("line", s.at() == null ? 0 : s.at().line());
        switch (s) {
            case Step.Drive d -> {
                common(o, lower(d.kind()), lower(d.control()), d.value(), d.durationSecond(), d.until(),
                        d.periodSecond(), 1, List.of(), d.text());
                if (d.thenHold() == null) {
                    o.putNull("then_hold");
                } else {
                    ObjectNode h = o.putObject("then_hold");
                    h.put("value", d.thenHold().volt());
                    h.set("until", until(d.thenHold().until()));
                }
            }
            case Step.Rest r -> common(o, "rest", null, null, r.durationSecond(), r.until(), r.periodSecond(), 1,
                    List.of(), r.text());
            case Step.Eis e -> {
                boolean potentiostatic = e.mode() == Step.EisMode.POTENTIOSTATIC;
                common(o, "eis", potentiostatic ? "voltage" : "current", e.amplitude(), null, List.of(), null, 1,
                        List.of(), e.text());
                o.put("mode", lower(e.mode()));
                o.put("from_hz", e.startHz());
                o.put("to_hz", e.endHz());
                o.put("amplitude", e.amplitude());
                o.put("points_per_decade", e.pointsPerDecade());
            }
            case Step.SetPressure p -> {
                common(o, "set_pressure", null, p.pascal(), null, List.of(), null, 1, List.of(), p.text());
                o.put("wait_until_stable", p.waitUntilStable());
            }
            case Step.SetTemperature t -> {
                common(o, "set_temperature", null, t.celsius(), null, List.of(), null, 1, List.of(), t.text());
                o.put("wait_until_stable", t.waitUntilStable());
            }
            case Step.Repeat r -> common(o, "repeat", null, null, null, List.of(), null, r.times(), r.steps(),
                    r.text());
        }
        return o;
    }

    private static void common(ObjectNode o, String kind, String control, Double value, Double duration,
                               List<Termination> until, Double period, int times, List<Step> steps, String text) {
        o.put("kind", kind);
        o.put("control", control);
        o.put("value", value);
        o.put("duration_s", duration);
        o.set("until", until(until));
        o.put("period_s", period);
        o.put("times", times);
        o.set("steps", steps(steps));
        o.put("text", text);
    }

    private static ArrayNode until(List<Termination> terms) {
        ArrayNode a = F.arrayNode();
        for (Termination t : terms) {
            ObjectNode o = a.addObject();
            o.put("quantity", lower(t.measure()));
            o.put("op", t.op().symbol());
            o.put("value", t.value());
        }
        return a;
    }

    private static com.fasterxml.jackson.databind.JsonNode finiteOrNull(double v) {
        return Double.isFinite(v) ? F.numberNode(v) : F.nullNode();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
