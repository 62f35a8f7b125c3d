package io.cellbench.core.data;

import java.util.Objects;

/**
 * What is known about a cell before it is tested. {@code nominalCapacityAh} turns C-rates
 * into currents; area and mass may be {@code NaN} when unknown.
 */
public record CellInfo(
        String id,
        String format,
        String chemistry,
        double nominalCapacityAh,
        double areaSquareMetre,
        double massKilogram,
        String notes) {

    public CellInfo {
        Objects.requireNonNull(id, "id");
        if (!(nominalCapacityAh > 0)) {
            throw new IllegalArgumentException("cell " + id + ": nominal capacity must be > 0 Ah");
        }
        format = format == null ? "" : format;
        chemistry = chemistry == null ? "" : chemistry;
        notes = notes == null ? "" : notes;
    }
}
