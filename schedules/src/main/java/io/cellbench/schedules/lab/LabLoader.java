package io.cellbench.schedules.lab;

import io.cellbench.drivers.DriverConfigException;
import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.DriverFactory.Capability;
import io.cellbench.drivers.Drivers;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import io.cellbench.protocols.grammar.StepGrammar;
import io.cellbench.protocols.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads lab files. Every problem is a {@link ProtocolException} with file:line:column, a
 * caret under the offending text and a hint, as for protocols and schedules: an unknown
 * driver lists the drivers on the class path, and a driver's complaint about a setting
 * ({@link DriverConfigException}) points at that setting's line. Settings are checked with
 * {@link DriverFactory#check} — nothing is connected.
 */
public final class LabLoader {
    static final List<String> TOP_KEYS = List.of("lab", "instruments", "channels", "virtual_time");
    /** Names become parts of channel references ("bank/3") and of messages: no '/', no spaces. */
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private final YamlDocument doc;

    private LabLoader(YamlDocument doc) {
        this.doc = doc;
    }

    public static LabFile load(Path file) {
        return new LabLoader(YamlDocument.read(file)).read();
    }

    /** Reads a lab file given as text ({@code fileName} is used in messages). */
    public static LabFile parse(String yaml, String fileName) {
        return new LabLoader(YamlDocument.parse(yaml, fileName)).read();
    }

    /** True when a YAML file looks like a lab file (it has a top-level {@code instruments:} key). */
    public static boolean looksLikeLab(YamlNode root) {
        return root instanceof Mapping m && m.entries().stream().anyMatch(e -> "instruments".equals(e.key().value()));
    }

    private LabFile read() {
        if (!(doc.root() instanceof Mapping top)) {
            throw error(doc.root(), "a lab file is a mapping with 'lab', 'instruments' and 'channels'",
                    "start with 'lab: …' and 'instruments:' on lines of their own (see docs/drivers.md)");
        }
        Map<String, Entry> keys = keys(top, TOP_KEYS, "");
        String name = keys.containsKey("lab") ? text(keys.get("lab").value(), "lab") : doc.file();
        Entry list = keys.get("instruments");
        if (!(list.value() instanceof Mapping instruments) || instruments.entries().isEmpty()) {
            throw error(list.value() == null || list.value() instanceof Scalar s && s.value() == null
                    ? list.key() : list.value(), "'instruments' needs one 'name:' entry per instrument",
                    "e.g.\n  smu-1:\n    driver: keithley-2450\n    host: 192.168.1.21");
        }
        Map<String, LabInstrument> out = new LinkedHashMap<>();
        for (Entry e : instruments.entries()) {
            String instrument = name(e.key(), "an instrument");
            if (out.containsKey(instrument)) {
                throw error(e.key(), "instrument '" + instrument + "' is listed twice", "give each instrument its own name");
            }
            out.put(instrument, instrument(instrument, e));
        }
        Map<String, ChannelRef> channels = new LinkedHashMap<>();
        Entry ch = keys.get("channels");
        if (ch != null && !(ch.value() instanceof Scalar s && s.value() == null)) {
            if (!(ch.value() instanceof Mapping cm)) {
                throw error(ch.value(), "'channels' needs 'name: instrument' lines",
                        "e.g. 'cell-a: smu-1' or 'cell-b: bank/3' (channel 3 of a multi-channel cycler)");
            }
            for (Entry e : cm.entries()) {
                String channel = name(e.key(), "a channel");
                if (channels.containsKey(channel)) {
                    throw error(e.key(), "channel '" + channel + "' is listed twice", "give each channel its own name");
                }
                if (out.containsKey(channel) && !channel.equals(text(e.value(), "channels." + channel))) {
                    throw error(e.key(), "channel '" + channel + "' has the name of an instrument",
                            "a schedule could not tell them apart: rename the channel");
                }
                channels.put(channel, channel(e, out));
            }
        }
        Entry time = keys.get("virtual_time");
        return new LabFile(name, doc.file(), out, channels, time == null ? null : virtualTime(time));
    }

    /** {@code virtual_time: {speed: N, since: INSTANT, lab_time: INSTANT}}, as a scaled virtual lab writes it. */
    private VirtualTime virtualTime(Entry e) {
        String example = "e.g. 'virtual_time: {speed: 100, since: 2026-11-22T18:02:11.123Z, lab_time:"
                + " 2026-11-22T18:02:11.123Z}', as 'cellbench virtual-lab --speed 100' writes it; real instruments"
                + " live in real time and need no virtual_time";
        if (!(e.value() instanceof Mapping m)) {
            throw error(e.value() == null ? e.key() : e.value(), "'virtual_time' needs 'speed', 'since' and 'lab_time'",
                    example);
        }
        Map<String, Entry> keys = doc.keys(m, List.of("speed", "since", "lab_time"), "virtual_time.");
        for (String key : List.of("speed", "since", "lab_time")) {
            if (!keys.containsKey(key)) {
                throw error(e.key(), "'virtual_time' has no '" + key + "'", example);
            }
        }
        Entry speedEntry = keys.get("speed");
        double speed;
        try {
            speed = Double.parseDouble(text(speedEntry.value(), "virtual_time.speed"));
        } catch (NumberFormatException x) {
            speed = Double.NaN;
        }
        if (!(speed >= VirtualTime.MIN_SPEED && speed <= VirtualTime.MAX_SPEED)) {
            throw error(speedEntry.value(), "'virtual_time.speed' must be a number from " + VirtualTime.MIN_SPEED
                    + " to " + (long) VirtualTime.MAX_SPEED + " (lab seconds per wall-clock second)", example);
        }
        return new VirtualTime(speed, instant(keys.get("since"), example), instant(keys.get("lab_time"), example));
    }

    private double instant(Entry e, String example) {
        String text = text(e.value(), "virtual_time." + e.key().value());
        try {
            java.time.Instant t = java.time.Instant.parse(text);
            return t.getEpochSecond() + t.getNano() * 1e-9;
        } catch (java.time.format.DateTimeParseException x) {
            throw error(e.value(), "'virtual_time." + e.key().value() + "' must be a UTC time such as"
                    + " 2026-11-22T18:02:11.123Z, got '" + text + "'", example);
        }
    }

    private LabInstrument instrument(String name, Entry e) {
        if (!(e.value() instanceof Mapping m)) {
            throw error(e.value() == null || e.value() instanceof Scalar s && s.value() == null ? e.key() : e.value(),
                    "instrument '" + name + "' needs 'driver:' and its settings as indented 'key: value' lines",
                    "e.g.\n  " + name + ":\n    driver: keithley-2450\n    host: 192.168.1.21");
        }
        Entry driverEntry = null;
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        for (Entry s : m.entries()) {
            String key = s.key().value();
            if (nodes.containsKey(key) || (driverEntry != null && "driver".equals(key))) {
                throw error(s.key(), "'" + key + "' is given twice for instrument '" + name + "'", "keep one of them");
            }
            if ("driver".equals(key)) {
                driverEntry = s;
                continue;
            }
            nodes.put(key, s.value());
            settings.put(key, value(s.value(), name + "." + key));
        }
        if (driverEntry == null) {
            throw error(e.key(), "instrument '" + name + "' has no 'driver'",
                    "add 'driver: …'; drivers here: " + String.join(", ", Drivers.all().keySet()));
        }
        String driverName = text(driverEntry.value(), name + ".driver");
        Map<String, DriverFactory> all = Drivers.all();
        DriverFactory driver = all.get(driverName);
        if (driver == null) {
            List<String> names = List.copyOf(all.keySet());
            String guess = StepGrammar.closestWord(driverName, names);
            throw error(driverEntry.value(), "unknown driver '" + driverName + "'",
                    (guess != null ? "did you mean '" + guess + "'? " : "") + "drivers on this installation: "
                            + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        SourceLocation at = new SourceLocation(doc.file(), e.key().line(), e.key().column());
        InstrumentConfig config = new InstrumentConfig(name, driverName, settings, at.toString());
        try {
            driver.check(config);
        } catch (DriverConfigException x) {
            String what = "instrument '" + name + "' (" + driverName + "): ";
            String docs = "see docs/drivers.md, '" + driverName + "'";
            if (x.key() == null) {
                throw error(driverEntry.value(), what + x.problem(), docs);
            }
            YamlNode node = find(m, x.key());
            String problem = what + "setting '" + x.key() + "' " + x.problem();
            if (node == m && x.problem().startsWith("is missing")) {
                throw error(e.key(), problem, "add '" + x.key() + ": …' under '" + name + "' (" + docs + ")");
            }
            throw error(node == m ? e.key() : node, problem, docs);
        } catch (RuntimeException x) {
            // a driver that let another exception out of its settings (a record's own check):
            // still a message at the entry, never a stack trace
            throw error(e.key(), "instrument '" + name + "' (" + driverName + "): " + x.getMessage(),
                    "see docs/drivers.md, '" + driverName + "'");
        }
        return new LabInstrument(name, driver, config, at);
    }

    private ChannelRef channel(Entry e, Map<String, LabInstrument> instruments) {
        String text = text(e.value(), "channels." + e.key().value());
        SourceLocation at = new SourceLocation(doc.file(), e.value().line(), e.value().column());
        ChannelRef ref = ChannelRef.parse(text, at);
        if (ref == null) {
            throw error(e.value(), "'" + text + "' is not a channel",
                    "write an instrument's name ('smu-1'), a channel of a multi-channel cycler ('bank/3', from 1) or"
                            + " a Neware channel's address ('nw/27-1-1-3')");
        }
        LabInstrument i = instruments.get(ref.instrument());
        List<String> cyclers = instruments.values().stream().filter(LabCheck::cycler).map(LabInstrument::name).toList();
        if (i == null) {
            String guess = StepGrammar.closestWord(ref.instrument(), cyclers);
            throw error(e.value(), "no instrument '" + ref.instrument() + "' in this lab file",
                    (guess != null ? "did you mean '" + guess + "'? " : "") + "cyclers here: "
                            + (cyclers.isEmpty() ? "none" : String.join(", ", cyclers)));
        }
        if (!LabCheck.cycler(i)) {
            throw error(e.value(), "instrument '" + i.name() + "' (" + i.driver().name() + ") is not a cycler",
                    "cyclers here: " + (cyclers.isEmpty() ? "none" : String.join(", ", cyclers)));
        }
        return ref;
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * The node of a setting a driver names ("port", or "registers.force.type" inside nested
     * mappings); the deepest node found on the way when the setting itself is not written.
     */
    static YamlNode find(Mapping entry, String key) {
        YamlNode value = entry;
        YamlNode named = entry; // what to point at: the value if it is one, else its key
        for (String part : key.split("\\.")) {
            if (!(value instanceof Mapping mapping)) {
                return named;
            }
            Entry hit = mapping.entries().stream().filter(e -> part.equals(e.key().value())).findFirst().orElse(null);
            if (hit == null) {
                return named;
            }
            value = hit.value();
            named = value instanceof Scalar s && s.value() != null ? value : hit.key();
        }
        return named;
    }

    /** An error with carets under the whole of a scalar, or at a node's first character. */
    private ProtocolException error(YamlNode node, String problem, String hint) {
        if (node instanceof Scalar s && s.value() != null && !s.value().isEmpty()) {
            return doc.text(s).error(0, doc.text(s).text().length(), problem, hint);
        }
        return doc.error(node, problem, hint);
    }

    /** A setting as a driver reads it: text, a list or a mapping (see InstrumentConfig). */
    private Object value(YamlNode node, String what) {
        return switch (node) {
            case Scalar s -> {
                if (s.value() == null) {
                    throw error(s, "'" + what + "' has no value", "write a value after the ':' or remove the line");
                }
                yield s.value().strip();
            }
            case Sequence s -> {
                List<Object> items = new ArrayList<>();
                for (YamlNode item : s.items()) {
                    items.add(value(item, what + "[]"));
                }
                yield List.copyOf(items);
            }
            case Mapping m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Entry e : m.entries()) {
                    if (map.put(e.key().value(), value(e.value(), what + "." + e.key().value())) != null) {
                        throw error(e.key(), "'" + what + "." + e.key().value() + "' is given twice", "keep one of them");
                    }
                }
                yield map;
            }
        };
    }

    private String name(Scalar key, String what) {
        String n = key.value() == null ? "" : key.value();
        if (!n.matches(NAME)) {
            throw error(key, "'" + n + "' cannot be the name of " + what,
                    "use letters, digits, '.', '_' and '-', starting with a letter or digit ('/' marks a channel number)");
        }
        return n;
    }

    private Map<String, Entry> keys(Mapping m, List<String> allowed, String prefix) {
        Map<String, Entry> out = doc.keys(m, allowed, prefix);
        if (!out.containsKey("instruments")) {
            throw error(m, "the lab file has no 'instruments'", "add 'instruments:' with one entry per instrument");
        }
        return out;
    }

    private String text(YamlNode node, String what) {
        if (!(node instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
            throw error(node, "'" + what + "' needs a single value, not " + YamlNode.kind(node),
                    "write it after the key on the same line");
        }
        return s.value().strip();
    }
}
