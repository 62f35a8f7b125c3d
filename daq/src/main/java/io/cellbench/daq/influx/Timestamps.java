package io.cellbench.daq.influx;

/**
 * Turns the lab's unix time in seconds (a double) into InfluxDB nanoseconds, the same way
 * every time: whole seconds and the fraction are converted apart (the fraction exactly),
 * and the fraction is rounded to the whole microsecond. A double holds today's unix time to
 * about 0.24 µs, so finer digits would be noise ({@code 1714521723.4} would become
 * {@code …723400000095}); the rounding is a pure function of the double, so a replayed
 * sample gets the identical timestamp and overwrites its earlier copy.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static long nanos(double unixTimeSecond) {
        if (Double.isNaN(unixTimeSecond) || Double.isInfinite(unixTimeSecond)) {
            throw new IllegalArgumentException("unix time is not a number: " + unixTimeSecond);
        }
        double whole = Math.floor(unixTimeSecond);
        double fraction = unixTimeSecond - whole; // exact (Sterbenz)
        return (long) whole * 1_000_000_000L + Math.round(fraction * 1e6) * 1_000L;
    }

    public static double seconds(long nanos) {
        long whole = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return whole + fraction / 1e9;
    }
}
