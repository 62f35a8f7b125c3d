package io.cellbench.drivers;

/** A lab file's settings for an instrument are wrong; names the instrument and the setting. */
public final class DriverConfigException extends RuntimeException {
    private final String key;
    private final String problem;

    public DriverConfigException(InstrumentConfig config, String key, String problem) {
        super(config.origin() + ": instrument '" + config.name() + "' (" + config.driver() + "): setting '"
                + key + "' " + problem);
        this.key = key;
        this.problem = problem;
    }

    public DriverConfigException(String message) {
        super(message);
        this.key = null;
        this.problem = message;
    }

    /**
     * The setting that is wrong, or {@code null} when the problem is not one setting's (a lab
     * file reader points its error at this setting's line).
     */
    public String key() {
        return key;
    }

    /** What is wrong with the setting, without the instrument and the location. */
    public String problem() {
        return problem;
    }
}
