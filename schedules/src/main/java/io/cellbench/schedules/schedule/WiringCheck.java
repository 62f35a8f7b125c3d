package io.cellbench.schedules.schedule;

import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks what needs every cell at once: pools named exist, start conditions name known cells
 * without a cycle, and no channel or multiplexer channel serves two cells that could run at
 * the same time (two cells may share one only when one starts after the other). Fills in
 * the multiplexer channels left out (see docs/schedules.md).
 */
final class WiringCheck {
    private final YamlDocument doc;
    private final List<ScheduledCell> cells;
    private final Map<String, Integer> index = new HashMap<>();

    private WiringCheck(YamlDocument doc, List<ScheduledCell> cells) {
        this.doc = doc;
        this.cells = cells;
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i).info().id(), i);
        }
    }

    /** The cells, checked, with multiplexer channels filled in. */
    static List<ScheduledCell> check(YamlDocument doc, List<ScheduledCell> cells, Map<String, List<Wiring.Named>> pools) {
        WiringCheck c = new WiringCheck(doc, cells);
        c.pools(pools);
        boolean[][] before = c.startOrder();
        c.notAtOnce(before, w -> w.channel() == null ? null : w.channel().name(), w -> w.channel(),
                (name, other) -> "channel '" + name + "' is also the channel of cell " + other,
                "use a pool (pools: {bank: [" + "…" + "]} and pool: bank), or start one after the other "
                        + "(start: {after: …})");
        List<ScheduledCell> out = c.assignMux();
        new WiringCheck(doc, out).notAtOnce(before,
                w -> w.eis() == null ? null : w.eis().name() + "#" + w.muxChannel(),
                w -> w.eis(),
                (key, other) -> "multiplexer channel " + key.substring(key.lastIndexOf('#') + 1) + " of '"
                        + key.substring(0, key.lastIndexOf('#')) + "' is also used by cell " + other,
                "give each cell its own mux_channel, or start one after the other");
        return out;
    }

    private void pools(Map<String, List<Wiring.Named>> pools) {
        for (ScheduledCell cell : cells) {
            Wiring.Named pool = cell.wiring().pool();
            if (pool != null && !pools.containsKey(pool.name())) {
                throw error(pool.at(), "unknown pool '" + pool.name() + "'", pools.isEmpty()
                        ? "declare it at the top: pools: {" + pool.name() + ": [channel, …]}"
                        : "pools: " + String.join(", ", pools.keySet()));
            }
        }
    }

    /** before[i][j]: cell j starts only after cell i has ended (directly or through others). */
    private boolean[][] startOrder() {
        int n = cells.size();
        boolean[][] before = new boolean[n][n];
        for (int j = 0; j < n; j++) {
            for (Wiring.Named after : cells.get(j).wiring().start().after()) {
                Integer i = index.get(after.name());
                if (i == null) {
                    throw error(after.at(), "start.after names cell '" + after.name() + "', which is not in this schedule",
                            "cells: " + String.join(", ", index.keySet().stream().sorted().toList()));
                }
                before[i][j] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (before[i][k]) {
                    for (int j = 0; j < n; j++) {
                        before[i][j] |= before[k][j];
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (before[j][j]) {
                ScheduledCell cell = cells.get(j);
                throw error(cell.wiring().start().after().get(0).at(), "the start conditions make a cycle: cell "
                        + cell.info().id() + " would wait for itself (" + cycle(j) + ")",
                        "a cell can only start after cells that do not wait for it");
            }
        }
        return before;
    }

    private String cycle(int from) {
        List<String> path = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int at = from;
        while (seen.add(at)) {
            path.add(cells.get(at).info().id());
            int next = -1;
            for (Wiring.Named a : cells.get(at).wiring().start().after()) {
                int i = index.get(a.name());
                if (reaches(i, from)) {
                    next = i;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            at = next;
        }
        path.add(cells.get(at).info().id());
        return String.join(" waits for ", path);
    }

    private boolean reaches(int i, int target) {
        if (i == target) {
            return true;
        }
        Set<Integer> seen = new HashSet<>();
        List<Integer> todo = new ArrayList<>(List.of(i));
        while (!todo.isEmpty()) {
            int k = todo.removeLast();
            if (!seen.add(k)) {
                continue;
            }
            for (Wiring.Named a : cells.get(k).wiring().start().after()) {
                int x = index.get(a.name());
                if (x == target) {
                    return true;
                }
                todo.add(x);
            }
        }
        return false;
    }

    /** Two cells with the same key must be ordered by their start conditions. */
    private void notAtOnce(boolean[][] before, Function<Wiring, String> key, Function<Wiring, Wiring.Named> where,
                           java.util.function.BiFunction<String, String, String> problem, String hint) {
        Map<String, List<Integer>> users = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String k = key.apply(cells.get(i).wiring());
            if (k != null) {
                users.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        users.forEach((k, list) -> {
            for (int a = 0; a < list.size(); a++) {
                for (int b = a + 1; b < list.size(); b++) {
                    int i = list.get(a);
                    int j = list.get(b);
                    if (!before[i][j] && !before[j][i]) {
                        ScheduledCell first = cells.get(i);
                        throw error(where.apply(cells.get(j).wiring()).at(), problem.apply(k, first.info().id()
                                + " (line " + first.at().line() + ") and neither starts after the other"), hint);
                    }
                }
            }
        });
    }

    /**
     * Cells that name an analyzer but no multiplexer channel get the lowest channel no other
     * cell of that analyzer names, in schedule order.
     */
    private List<ScheduledCell> assignMux() {
        Map<String, Set<Integer>> taken = new HashMap<>();
        for (ScheduledCell c : cells) {
            Wiring w = c.wiring();
            if (w.eis() != null && w.muxChannel() != null) {
                taken.computeIfAbsent(w.eis().name(), x -> new TreeSet<>()).add(w.muxChannel());
            }
        }
        List<ScheduledCell> out = new ArrayList<>();
        for (ScheduledCell c : cells) {
            Wiring w = c.wiring();
            if (w.eis() == null || w.muxChannel() != null) {
                out.add(c);
                continue;
            }
            Set<Integer> used = taken.computeIfAbsent(w.eis().name(), x -> new TreeSet<>());
            int mux = 1;
            while (used.contains(mux)) {
                mux++;
            }
            used.add(mux);
            out.add(new ScheduledCell(c.at(), c.info(), c.protocol(), c.simulation(),
                    new Wiring(w.channel(), w.pool(), w.eis(), mux, w.fixture(), w.chamber(), w.start())));
        }
        return out;
    }

    private io.cellbench.protocols.ProtocolException error(SourceLocation at, String problem, String hint) {
        Objects.requireNonNull(at, "a wiring name without a location");
        return doc.error(new YamlNode.Scalar(null, at.line(), at.column()), problem, hint);
    }
}
