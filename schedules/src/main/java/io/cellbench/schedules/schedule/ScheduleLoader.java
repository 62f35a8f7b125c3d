package io.cellbench.schedules.schedule;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.Problems;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.schedules.lab.Located;
import io.cellbench.schedules.runner.ProtocolCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads schedule files (see docs/schedules.md). Every problem is a {@link ProtocolException}
 * with file:line:column — in the schedule, or in a protocol it names.
 */
public final class ScheduleLoader {
    static final List<String> TOP_KEYS = List.of("name", "fit", "pools", "interlocks", "cells");
    static final List<String> CELL_KEYS = List.of("id", "format", "chemistry", "nominal_capacity", "area", "mass",
            "notes", "protocol", "parameters", "simulation", "channel", "pool", "eis", "mux_channel", "fixture",
            "chamber", "start");
    static final List<String> SIMULATION_KEYS = List.of("preset", "seed", "pressure");
    static final List<String> PRESETS = List.of("coin", "pouch");

    private final YamlDocument doc;
    private final Path dir;
    private final WiringReader wiring;

    private ScheduleLoader(YamlDocument doc, Path dir, java.time.ZoneId zone) {
        this.doc = doc;
        this.dir = dir;
        this.wiring = new WiringReader(doc, zone);
    }

    public static Schedule load(Path file) {
        return load(file, java.time.ZoneId.systemDefault());
    }

    /** As {@link #load(Path)}, reading start times written without an offset in {@code zone}. */
    public static Schedule load(Path file, java.time.ZoneId zone) {
        Path dir = file.toAbsolutePath().getParent();
        return new ScheduleLoader(YamlDocument.read(file), dir, zone).read();
    }

    /** True when a YAML file looks like a schedule (it has a top-level {@code cells:} key). */
    public static boolean looksLikeSchedule(YamlNode root) {
        return root instanceof Mapping m && m.entries().stream().anyMatch(e -> "cells".equals(e.key().value()));
    }

    private Schedule read() {
        if (!(doc.root() instanceof Mapping top)) {
            throw doc.error(doc.root(), "a schedule file is a mapping with 'name' and 'cells'",
                    "start with 'name: …' and 'cells:' on lines of their own");
        }
        Map<String, Entry> keys = doc.keys(top, TOP_KEYS, "");
        String name = keys.containsKey("name") ? text(keys.get("name").value(), "name") : doc.file();
        Entry cells = keys.get("cells");
        if (cells == null || !(cells.value() instanceof Sequence list) || list.items().isEmpty()) {
            throw doc.error(cells == null ? top : cells.key(), "the schedule has no cells",
                    "add 'cells:' followed by a list of '- id: …' entries");
        }
        // Each cell is read on its own, so every cell's mistakes are reported at once.
        Problems problems = new Problems();
        List<ScheduledCell> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int index = 0;
        for (YamlNode item : list.items()) {
            int at = index++;
            ScheduledCell cell = problems.attempt(() -> cell(item, at), null);
            if (cell == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(cell.info().id(), cell.at().line());
            if (earlier != null) {
                problems.add(doc.error(item, "cell id '" + cell.info().id() + "' is used twice",
                        "every cell needs its own id (the other is on line " + earlier + ")"));
            }
            out.add(cell);
        }
        String named = keys.containsKey("fit") ? problems.attempt(() -> ScheduleFit.named(doc, keys.get("fit")), null)
                : null;
        problems.throwIfAny();
        // every cell was read, so out holds one cell per item of the list
        String fit = keys.containsKey("fit") ? named : ScheduleFit.ofProtocols(doc, out, list);
        Map<String, List<Wiring.Named>> pools = wiring.pools(keys.get("pools"));
        Interlocks interlocks = wiring.interlocks(keys.get("interlocks"));
        return new Schedule(name, doc.file(), WiringCheck.check(doc, out, pools), pools, interlocks, fit);
    }

    private ScheduledCell cell(YamlNode node, int index) {
        if (!(node instanceof Mapping m)) {
            throw doc.error(node, "a cell is a mapping of 'key: value' lines", "e.g. '- id: coin-1' then indented keys");
        }
        Map<String, Entry> k = doc.keys(m, CELL_KEYS, "cells[].");
        String id = required(k, "id", m);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw doc.error(k.get("id").value(), "cell id '" + id + "' cannot be used as a folder name",
                    "use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        String format = optional(k, "format", "");
        double capacityAh = quantity(k.get("nominal_capacity"), Dimension.CHARGE, "a nominal capacity", m, true);
        double areaM2 = quantity(k.get("area"), Dimension.AREA, "an area", m, false);
        double massKg = quantity(k.get("mass"), Dimension.MASS, "a mass", m, false);
        CellInfo info = new CellInfo(id, format, optional(k, "chemistry", ""), capacityAh, areaM2, massKg,
                optional(k, "notes", ""));
        Protocol protocol = protocol(k, m);
        onThisCell(protocol, info, k.get("protocol"));
        ScheduledCell.Simulation sim = simulation(k.get("simulation"), format, index);
        return new ScheduledCell(new SourceLocation(doc.file(), m.line(), m.column()), info, protocol, sim,
                wiring.cell(k));
    }

    private Protocol protocol(Map<String, Entry> k, Mapping cell) {
        String ref = required(k, "protocol", cell);
        Path file = dir.resolve(ref);
        if (!Files.isRegularFile(file)) {
            throw doc.error(k.get("protocol").value(), "protocol file '" + ref + "' not found",
                    "paths are relative to the schedule's folder (" + dir + ")");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Entry p = k.get("parameters");
        if (p != null) {
            if (!(p.value() instanceof Mapping pm)) {
                throw doc.error(p.value(), "'parameters' needs 'name: value' entries", "e.g. parameters: {pressure: 15 MPa}");
            }
            List<String> declared = ProtocolLoader.parameterNames(file);
            for (Entry e : pm.entries()) {
                if (!declared.contains(e.key().value())) {
                    String name = e.key().value();
                    throw doc.error(e.key(), "protocol '" + ref + "' has no parameter '" + name + "'",
                            (declared.isEmpty() ? "it declares none: " : "it declares " + String.join(", ", declared)
                                    + ": ") + "remove '" + name + "' (or 'parameters:') from this cell, or declare '"
                                    + name + "' in " + ref + " (parameters: {" + name + ": <default>}) and write {"
                                    + name + "} in its steps; see docs/protocols.md, Parameters");
                }
                params.put(e.key().value(), text(e.value(), "parameters." + e.key().value()));
            }
        }
        return ProtocolLoader.load(file, params);
    }

    /**
     * What the runner would refuse when the cell starts, found now: the runner's own check of
     * the protocol on this cell (its capacity turns C-rates into currents for the safety window),
     * so {@code validate} and {@code run} refuse the same schedules, before anything runs.
     */
    private void onThisCell(Protocol protocol, CellInfo info, Entry protocolKey) {
        Problems problems = new Problems();
        String cell = "cell '" + info.id() + "'";
        for (ProtocolCheck.Problem p : ProtocolCheck.forCell(protocol, info, "of " + cell, Double.POSITIVE_INFINITY)
                .located()) {
            problems.add(p.step() == null || p.step().at() == null
                    ? doc.error(protocolKey.value(), cell + ": " + p.message(),
                            "the run would refuse this cell when it starts: change " + protocol.source())
                    : Located.error(p.step().at(), null, cell + ": " + p.message(),
                            "the run would refuse this cell when it starts: change the step or limits in "
                                    + p.step().at().file() + ", or the cell's nominal_capacity"));
        }
        problems.throwIfAny();
    }

    private ScheduledCell.Simulation simulation(Entry e, String format, int index) {
        String preset = PRESETS.contains(format.toLowerCase(Locale.ROOT)) ? format.toLowerCase(Locale.ROOT) : "coin";
        long seed = index + 1;
        double pressure = 1e6; // a hand-tightened fixture before the protocol sets the pressure
        if (e != null) {
            if (!(e.value() instanceof Mapping m)) {
                throw doc.error(e.value(), "'simulation' needs 'key: value' entries", "e.g. simulation: {preset: coin, seed: 1}");
            }
            Map<String, Entry> k = doc.keys(m, SIMULATION_KEYS, "simulation.");
            if (k.containsKey("preset")) {
                preset = text(k.get("preset").value(), "simulation.preset").toLowerCase(Locale.ROOT);
                if (!PRESETS.contains(preset)) {
                    throw doc.error(k.get("preset").value(), "unknown simulation preset '" + preset + "'",
                            "presets: " + String.join(", ", PRESETS));
                }
            }
            if (k.containsKey("seed")) {
                String s = text(k.get("seed").value(), "simulation.seed");
                try {
                    seed = Long.parseLong(s);
                } catch (NumberFormatException x) {
                    throw doc.error(k.get("seed").value(), "seed '" + s + "' is not a whole number", "e.g. seed: 7");
                }
            }
            pressure = k.containsKey("pressure")
                    ? quantity(k.get("pressure"), Dimension.PRESSURE, "a pressure", m, true) : pressure;
        }
        return new ScheduledCell.Simulation(preset, seed, pressure);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String required(Map<String, Entry> k, String key, Mapping owner) {
        Entry e = k.get(key);
        if (e == null) {
            throw doc.error(owner, "this cell has no '" + key + "'", "add '" + key + ": …' to the cell");
        }
        return text(e.value(), key);
    }

    private String optional(Map<String, Entry> k, String key, String otherwise) {
        Entry e = k.get(key);
        return e == null ? otherwise : text(e.value(), key);
    }

    private String text(YamlNode node, String what) {
        if (!(node instanceof Scalar s) || s.value() == null || s.value().isBlank()) {
            throw doc.error(node, "'" + what + "' needs a single value, not " + YamlNode.kind(node),
                    "write it after the key on the same line, e.g. " + what + ": …");
        }
        return s.value().strip();
    }

    private double quantity(Entry e, Dimension dimension, String what, Mapping owner, boolean required) {
        if (e == null) {
            if (required) {
                throw doc.error(owner, "this cell has no " + what, "e.g. nominal_capacity: 2 mAh");
            }
            return Double.NaN;
        }
        if (!(e.value() instanceof Scalar s) || s.value() == null) {
            throw doc.error(e.value(), "'" + e.key().value() + "' needs " + what, "e.g. nominal_capacity: 2 mAh");
        }
        double v = doc.quantity(s, dimension, what);
        if (dimension == Dimension.AREA || dimension == Dimension.MASS || dimension == Dimension.CHARGE) {
            if (!(v > 0)) {
                throw doc.error(s, "'" + e.key().value() + "' must be above zero", "e.g. nominal_capacity: 2 mAh,"
                        + " area: 0.785 cm2, mass: 25 mg");
            }
        }
        return v;
    }
}
