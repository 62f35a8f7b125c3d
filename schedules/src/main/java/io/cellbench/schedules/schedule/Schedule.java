package io.cellbench.schedules.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule file, parsed: which cells run which protocols, the pools of channels they may
 * share, and the interlocks that pause them (see docs/schedules.md).
 *
 * @param pools      pool name → its channels, in the order written (the order channels are handed out)
 * @param interlocks what pauses a cell until a condition clears; {@link Interlocks#NONE} when not set
 * @param fitCircuit the circuit every impedance sweep is fitted with during the run: the
 *                   schedule's {@code fit:}, else the one its cells' protocols name; null: none
 */
public record Schedule(String name, String source, List<ScheduledCell> cells,
                       Map<String, List<Wiring.Named>> pools, Interlocks interlocks, String fitCircuit) {
    public Schedule {
        cells = List.copyOf(cells);
        Map<String, List<Wiring.Named>> copy = new LinkedHashMap<>();
        (pools == null ? Map.<String, List<Wiring.Named>>of() : pools).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        pools = java.util.Collections.unmodifiableMap(copy);
        interlocks = interlocks == null ? Interlocks.NONE : interlocks;
    }

    /** A schedule without pools or interlocks. */
    public Schedule(String name, String source, List<ScheduledCell> cells) {
        this(name, source, cells, Map.of(), Interlocks.NONE);
    }

    /** A schedule that fits no circuit. */
    public Schedule(String name, String source, List<ScheduledCell> cells, Map<String, List<Wiring.Named>> pools,
                    Interlocks interlocks) {
        this(name, source, cells, pools, interlocks, null);
    }

    /** The same schedule with other cells (e.g. those left to resume). */
    public Schedule withCells(List<ScheduledCell> others) {
        return new Schedule(name, source, others, pools, interlocks, fitCircuit);
    }
}
