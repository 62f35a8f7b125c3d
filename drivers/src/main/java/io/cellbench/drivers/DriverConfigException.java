package io.cellbench.drivers;

/** A lab file's settings for an instrument are wrong; names the instrument and the setting. */
public final class DriverConfigException extends RuntimeException {
    public DriverConfigException(InstrumentConfig config, String key, String problem) {
        super(config.origin() + ": instrument '" + config.name() + "' (" + config.driver() + "): setting '"
                + key + "' " + problem);
    }

    public DriverConfigException(String message) {
        super(message);
    }
}
