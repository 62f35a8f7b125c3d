package io.cellbench.cli;

import io.cellbench.cli.format.OutputColumn;
import io.cellbench.core.data.CycleField;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.daq.impedance.FitReader;
import io.cellbench.daq.impedance.FittedSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.arrow.memory.BufferAllocator;

/**
 * R_bulk, R_gb and R_int in the per-cycle summary of {@code data cycles}: the fitted R0, R1 and R2
 * (the bundled solid-state circuit's names) of the last sweep fitted during each cycle, from the
 * cells' fits.arrows. Shown only for a run directory whose cells have fits; NaN (empty, "-") for a
 * cycle without a sweep.
 */
final class CycleResistances {
    private final Map<String, Map<Integer, FittedSweep>> byCell = new HashMap<>();

    private CycleResistances() {
    }

    /** The fits of the run directory's cells, or null when none has any. */
    static CycleResistances read(Path runDirectory, List<String> cells, BufferAllocator allocator,
                                 List<String> warnings) throws IOException {
        CycleResistances r = new CycleResistances();
        for (String cell : cells) {
            if (FitReader.hasFits(runDirectory, cell)) {
                r.byCell.put(cell, FitReader.lastPerCycle(FitReader.read(runDirectory, cell, allocator, warnings)));
            }
        }
        return r.byCell.isEmpty() ? null : r;
    }

    /** The summary's columns, then R_bulk, R_gb and R_int. */
    List<OutputColumn<CycleOutputColumns.Row>> columns(OutputFormat format) {
        List<OutputColumn<CycleOutputColumns.Row>> all = new ArrayList<>(CycleOutputColumns.forFormat(format));
        boolean people = format == OutputFormat.TABLE;
        all.add(col(CycleField.BULK_RESISTANCE, people ? "R_bulk Ohm" : null, FittedSweep::bulkOhm));
        all.add(col(CycleField.GRAIN_BOUNDARY_RESISTANCE, people ? "R_gb Ohm" : null, FittedSweep::grainBoundaryOhm));
        all.add(col(CycleField.INTERFACE_RESISTANCE, people ? "R_int Ohm" : null, FittedSweep::interfaceOhm));
        return all;
    }

    /** The column as cycles.arrows names it; read from fits.arrows, so a running or killed run shows it too. */
    private OutputColumn<CycleOutputColumns.Row> col(CycleField field, String tableHeader,
                                                     ToDoubleFunction<FittedSweep> value) {
        String header = tableHeader != null ? tableHeader : field.term().label();
        return OutputColumn.of(field.columnName(), header, 3, r -> {
            FittedSweep s = byCell.getOrDefault(r.cellId(), Map.of()).get(r.c().cycleCount());
            return s == null ? Double.NaN : value.applyAsDouble(s);
        });
    }
}
