package io.cellbench.schedules.schedule;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import io.cellbench.protocols.model.SourceLocation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a schedule that say where and when cells run: each cell's wiring
 * (channel or pool, analyzer, fixture, chamber, start condition), the {@code pools:} and the
 * {@code interlocks:}. One entry at a time; what needs all cells at once is {@link WiringCheck}.
 */
final class WiringReader {
    static final List<String> START_KEYS = List.of("after", "at");
    static final List<String> INTERLOCK_KEYS = List.of("pressure", "temperature");
    static final List<String> BAND_KEYS = List.of("setpoint", "tolerance", "resume_within", "settle");

    private final YamlDocument doc;
    private final ZoneId zone;

    WiringReader(YamlDocument doc, ZoneId zone) {
        this.doc = doc;
        this.zone = zone;
    }

    /** A cell's wiring from its keys; {@link Wiring#NONE}'s parts for the keys it leaves out. */
    Wiring cell(Map<String, Entry> k) {
        Integer mux = null;
        if (k.containsKey("mux_channel")) {
            String t = text(k.get("mux_channel").value(), "mux_channel");
            if (!t.matches("\\d{1,4}") || Integer.parseInt(t) < 1) {
                throw doc.error(k.get("mux_channel").value(), "mux_channel '" + t + "' is not a channel number",
                        "multiplexer channels count from 1");
            }
            mux = Integer.parseInt(t);
        }
        Wiring.Named channel = named(k, "channel");
        Wiring.Named pool = named(k, "pool");
        if (channel != null && pool != null) {
            throw doc.error(k.get("pool").key(), "this cell names both a channel and a pool",
                    "give 'channel: …' for a fixed channel or 'pool: …' to take the first free channel of a pool");
        }
        if (mux != null && !k.containsKey("eis")) {
            throw doc.error(k.get("mux_channel").key(), "'mux_channel' without 'eis'",
                    "name the analyzer whose multiplexer the cell is on: eis: …");
        }
        return new Wiring(channel, pool, named(k, "eis"), mux, named(k, "fixture"), named(k, "chamber"),
                start(k.get("start")));
    }

    private Wiring.StartCondition start(Entry e) {
        if (e == null) {
            return Wiring.StartCondition.NOW;
        }
        if (!(e.value() instanceof Mapping m)) {
            throw doc.error(e.value(), "'start' needs 'after' and/or 'at'",
                    "e.g. start: {after: [c01, c02], at: 2026-12-05T20:00:00Z}");
        }
        Map<String, Entry> k = doc.keys(m, START_KEYS, "start.");
        List<Wiring.Named> after = new ArrayList<>();
        Entry a = k.get("after");
        if (a != null) {
            List<YamlNode> ids = a.value() instanceof Sequence s ? s.items() : List.of(a.value());
            if (ids.isEmpty()) {
                throw doc.error(a.value(), "'start.after' names no cell", "e.g. after: c01, or after: [c01, c02]");
            }
            for (YamlNode id : ids) {
                after.add(new Wiring.Named(text(id, "start.after"), at(id)));
            }
        }
        Instant notBefore = null;
        Entry t = k.get("at");
        if (t != null) {
            notBefore = time(t.value());
        }
        return new Wiring.StartCondition(after, notBefore);
    }

    /** An ISO-8601 moment; without an offset, in the computer's time zone. */
    private Instant time(YamlNode node) {
        String t = text(node, "start.at");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeException notLocal) {
                throw doc.error(node, "'" + t + "' is not a time",
                        "write an ISO-8601 time: 2026-12-05T20:00:00Z, 2026-12-05T21:00+01:00, or 2026-12-05T21:00"
                                + " (without an offset: this computer's time zone, " + zone + ")");
            }
        }
    }

    /** {@code pools: {name: [channel, …]}}, in the order written. */
    Map<String, List<Wiring.Named>> pools(Entry e) {
        Map<String, List<Wiring.Named>> out = new LinkedHashMap<>();
        if (e == null) {
            return out;
        }
        if (!(e.value() instanceof Mapping m) || m.entries().isEmpty()) {
            throw doc.error(e.value(), "'pools' needs 'name: [channel, …]' entries", "e.g. pools: {bank-a: [bank/1, bank/2]}");
        }
        for (Entry p : m.entries()) {
            String name = p.key().value();
            if (out.containsKey(name)) {
                throw doc.error(p.key(), "pool '" + name + "' is given twice", "keep one of them");
            }
            if (!(p.value() instanceof Sequence s) || s.items().isEmpty()) {
                throw doc.error(p.value(), "pool '" + name + "' needs a list of channels", "e.g. " + name + ": [bank/1, bank/2]");
            }
            List<Wiring.Named> channels = new ArrayList<>();
            for (YamlNode c : s.items()) {
                String ch = text(c, "pools." + name);
                if (channels.stream().anyMatch(x -> x.name().equals(ch))) {
                    throw doc.error(c, "channel '" + ch + "' is in pool '" + name + "' twice", "list every channel once");
                }
                channels.add(new Wiring.Named(ch, at(c)));
            }
            out.put(name, channels);
        }
        return out;
    }

    /** {@code interlocks: {pressure: {…}, temperature: {…}}}. */
    Interlocks interlocks(Entry e) {
        if (e == null) {
            return Interlocks.NONE;
        }
        if (!(e.value() instanceof Mapping m)) {
            throw doc.error(e.value(), "'interlocks' needs 'pressure' and/or 'temperature'",
                    "e.g. interlocks: {pressure: {tolerance: 1 MPa, resume_within: 0.5 MPa, settle: 30 s}}");
        }
        Map<String, Entry> k = doc.keys(m, INTERLOCK_KEYS, "interlocks.");
        return new Interlocks(band(k.get("pressure"), Dimension.PRESSURE, "a pressure"),
                band(k.get("temperature"), Dimension.TEMPERATURE, "a temperature"));
    }

    private Interlocks.Band band(Entry e, Dimension dimension, String what) {
        if (e == null) {
            return null;
        }
        String prefix = "interlocks." + e.key().value() + ".";
        if (!(e.value() instanceof Mapping m)) {
            throw doc.error(e.value(), "'" + prefix.substring(0, prefix.length() - 1) + "' needs 'tolerance', "
                    + "'resume_within' and 'settle'", "e.g. {tolerance: 1 MPa, resume_within: 0.5 MPa, settle: 30 s}");
        }
        Map<String, Entry> k = doc.keys(m, BAND_KEYS, prefix);
        for (String required : List.of("tolerance", "resume_within", "settle")) {
            if (!k.containsKey(required)) {
                throw doc.error(m, "'" + prefix + required + "' is missing", "give tolerance, resume_within and settle");
            }
        }
        double setpoint = k.containsKey("setpoint") ? quantity(k.get("setpoint"), dimension, what) : Double.NaN;
        double tolerance = difference(k.get("tolerance"), dimension, what);
        double resume = difference(k.get("resume_within"), dimension, what);
        double settle = quantity(k.get("settle"), Dimension.TIME, "a time");
        if (resume > tolerance) {
            throw doc.error(k.get("resume_within").value(), "'" + prefix + "resume_within' is wider than the tolerance",
                    "the resume band lies inside the band that pauses the cell (hysteresis)");
        }
        if (settle < 0) {
            throw doc.error(k.get("settle").value(), "'" + prefix + "settle' is negative", "e.g. settle: 30 s");
        }
        return new Interlocks.Band(setpoint, tolerance, resume, settle);
    }

    /** A tolerance: a positive amount; for a temperature, °C and K differences are the same. */
    private double difference(Entry e, Dimension dimension, String what) {
        double v;
        if (dimension == Dimension.TEMPERATURE) {
            String t = text(e.value(), e.key().value());
            java.util.regex.Matcher mt = java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(°C|K|degC|℃)").matcher(t);
            if (!mt.matches()) {
                throw doc.error(e.value(), "'" + t + "' is not a temperature difference", "e.g. 2 °C");
            }
            v = Double.parseDouble(mt.group(1));
        } else {
            v = quantity(e, dimension, what);
        }
        if (!(v > 0)) {
            throw doc.error(e.value(), "'" + e.key().value() + "' must be above zero", "write a positive value with its unit");
        }
        return v;
    }

    private double quantity(Entry e, Dimension dimension, String what) {
        if (!(e.value() instanceof Scalar s) || s.value() == null) {
            throw doc.error(e.value(), "'" + e.key().value() + "' needs " + what, "write it after the key, with its unit");
        }
        return doc.quantity(s, dimension, what);
    }

    private Wiring.Named named(Map<String, Entry> k, String key) {
        Entry e = k.get(key);
        return e == null ? null : new Wiring.Named(text(e.value(), key), at(e.value()));
    }

    private SourceLocation at(YamlNode node) {
        return new SourceLocation(doc.file(), node.line(), node.column());
    }

    private String text(YamlNode node, String what) {
        if (!(node instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
            throw doc.error(node, "'" + what + "' needs a single value, not " + YamlNode.kind(node),
                    "write it after the key on the same line");
        }
        return s.value().strip();
    }
}
