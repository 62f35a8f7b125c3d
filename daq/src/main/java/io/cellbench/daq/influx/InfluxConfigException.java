package io.cellbench.daq.influx;

/** A setting of the InfluxDB configuration is missing or wrong; the message names where it came from. */
public final class InfluxConfigException extends Exception {

    public InfluxConfigException(String message) {
        super(message);
    }
}
