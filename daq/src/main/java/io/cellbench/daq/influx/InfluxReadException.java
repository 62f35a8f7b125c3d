package io.cellbench.daq.influx;

/** Reading from InfluxDB failed (the server's message is kept; never credentials). */
public final class InfluxReadException extends RuntimeException {

    public InfluxReadException(String message) {
        super(message);
    }
}
