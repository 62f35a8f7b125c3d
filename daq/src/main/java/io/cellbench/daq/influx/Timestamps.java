package io.cellbench.daq.influx;

/**
 * Turns the lab's unix time in seconds (a double) into InfluxDB nanoseconds, the same way
 * every time: whole seconds and the fraction are converted apart, so the fraction keeps
 * all the precision the double has (about 0.2 µs today) and the rounding is a pure function
 * of the double. A replayed sample therefore gets the identical timestamp and overwrites
 * its earlier copy.
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
        return (long) whole * 1_000_000_000L + Math.round(fraction * 1e9);
    }

    public static double seconds(long nanos) {
        long whole = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return whole + fraction / 1e9;
    }
}
