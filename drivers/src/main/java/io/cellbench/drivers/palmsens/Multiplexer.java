package io.cellbench.drivers.palmsens;

/**
 * A PalmSens multiplexer behind the potentiostat, as {@code mux_config} names it: type code 1
 * MUX8, 2 MUX16, 3 MUX8-R2 (PalmSens' MethodSCRIPT examples, "MUX" scripts).
 */
public enum Multiplexer {
    NONE("none", 0, 0),
    MUX8("mux8", 1, 8),
    MUX16("mux16", 2, 16),
    MUX8_R2("mux8-r2", 3, 8);

    private final String settingName;
    private final int typeCode;
    private final int channels;

    Multiplexer(String settingName, int typeCode, int channels) {
        this.settingName = settingName;
        this.typeCode = typeCode;
        this.channels = channels;
    }

    /** The lab-file spelling. */
    public String settingName() {
        return settingName;
    }

    /** The first argument of {@code mux_config}. */
    public int typeCode() {
        return typeCode;
    }

    /** The channels one unit switches. */
    public int channels() {
        return channels;
    }
}
