package io.cellbench.cli;

import io.cellbench.core.UserError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One end of a {@code --from}/{@code --to} range. A plain number is test time in seconds
 * (since the cell's test started: the same for every cell, and what a protocol speaks);
 * anything else must be an ISO-8601 date-time with a zone ({@code 2024-05-01T12:00:00Z},
 * {@code 2024-05-01T14:00:00+02:00}), compared with the samples' unix time.
 */
sealed interface TimeBound {

    record TestTime(double seconds) implements TimeBound {
    }

    record At(Instant instant) implements TimeBound {
        double unixSeconds() {
            return instant.getEpochSecond() + instant.getNano() * 1e-9;
        }
    }

    /** Null for an absent option. */
    static TimeBound parse(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return new TestTime(Double.parseDouble(t));
        }
        try {
            return new At(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return new At(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e2) {
                throw new UserError(option + " takes test time in seconds (e.g. 3600) or an ISO-8601 time with a zone"
                        + " (e.g. 2024-05-01T12:00:00Z or 2024-05-01T14:00:00+02:00); got '" + text + "'");
            }
        }
    }

    /** {@code from} is inclusive. */
    static boolean atOrAfter(TimeBound from, double testTimeSecond, double unixTimeSecond) {
        return switch (from) {
            case null -> true;
            case TestTime t -> testTimeSecond >= t.seconds();
            case At a -> unixTimeSecond >= a.unixSeconds();
        };
    }

    /** {@code to} is exclusive. */
    static boolean before(TimeBound to, double testTimeSecond, double unixTimeSecond) {
        return switch (to) {
            case null -> true;
            case TestTime t -> testTimeSecond < t.seconds();
            case At a -> unixTimeSecond < a.unixSeconds();
        };
    }
}
