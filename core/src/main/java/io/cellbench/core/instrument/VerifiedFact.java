package io.cellbench.core.instrument;

/**
 * Something a driver checked on the device itself when it connected (its identity, command
 * language or mode, firmware, the baud rate that answered), for {@code cellbench probe}.
 *
 * @param what    what was checked, in the lab's words ("command language", "baud rate")
 * @param value   what the device answered ("SCPI", "921600 (the EmStat4 default)")
 * @param warning {@code null} when the value is what the driver expects; otherwise what is wrong
 *                and what to do about it ("the 2450 is in TSP mode: set it to SCPI …")
 */
public record VerifiedFact(String what, String value, String warning) {

    public static VerifiedFact ok(String what, String value) {
        return new VerifiedFact(what, value, null);
    }

    public static VerifiedFact warn(String what, String value, String warning) {
        return new VerifiedFact(what, value, warning);
    }

    public boolean isWarning() {
        return warning != null;
    }
}
