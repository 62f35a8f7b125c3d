package io.cellbench.compile;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What a compilation needs besides the protocol.
 *
 * @param capacityAh the cell's nominal capacity, which turns C-rates into currents;
 *                   {@code NaN} when unknown (a protocol with C-rates is then refused)
 * @param created    the time stamped into the file (Neware writes it in its header)
 * @param guid       the file's identity (Neware writes one in its header)
 */
public record CompileOptions(double capacityAh, LocalDateTime created, UUID guid) {

    public CompileOptions {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(guid, "guid");
        if (!Double.isNaN(capacityAh) && !(capacityAh > 0 && Double.isFinite(capacityAh))) {
            throw new IllegalArgumentException("nominal capacity must be > 0 Ah, got " + capacityAh);
        }
    }

    /** No capacity, stamped now, a fresh GUID. */
    public static CompileOptions now() {
        return new CompileOptions(Double.NaN, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID());
    }

    public CompileOptions withCapacityAh(double ah) {
        return new CompileOptions(ah, created, guid);
    }

    public boolean hasCapacity() {
        return !Double.isNaN(capacityAh);
    }
}
