package io.cellbench.daq.influx;

/**
 * The tags that name one cell's series in InfluxDB: which run, which cell, on which cycler
 * channel and instrument. Null or empty parts are left out of the points.
 * Together with the measurement and the timestamp they identify a point, so a replayed
 * point overwrites itself instead of adding a duplicate.
 */
public record SeriesTags(String run, String cell, String channel, String instrument) {

    public static SeriesTags of(String run, String cell) {
        return new SeriesTags(run, cell, null, null);
    }

    /** The encoded tag set ({@code ,cell=A1,channel=3,run=r1}), keys in sorted order as InfluxDB prefers. */
    public String lineProtocol() {
        LineProtocol lp = new LineProtocol();
        lp.tag("cell", cell).tag("channel", channel).tag("instrument", instrument).tag("run", run);
        return lp.toString();
    }
}
