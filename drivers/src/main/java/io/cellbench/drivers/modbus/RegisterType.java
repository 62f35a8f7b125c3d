package io.cellbench.drivers.modbus;

/** How a value is stored in 16-bit registers. Each register is big-endian on the wire (the Modbus rule). */
public enum RegisterType {
    INT16("int16", 1, -32768, 32767),
    UINT16("uint16", 1, 0, 65535),
    INT32("int32", 2, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32("uint32", 2, 0, 4294967295L),
    FLOAT32("float32", 2, 0, 0),
    /** A coil: one bit, 0 or 1. */
    BIT("bit", 1, 0, 1);

    private final String settingName;
    private final int words;
    private final long min;
    private final long max;

    RegisterType(String settingName, int words, long min, long max) {
        this.settingName = settingName;
        this.words = words;
        this.min = min;
        this.max = max;
    }

    public String settingName() {
        return settingName;
    }

    /** Registers taken (1 or 2). */
    public int words() {
        return words;
    }

    /** Smallest raw value of an integer type. */
    public long min() {
        return min;
    }

    /** Largest raw value of an integer type. */
    public long max() {
        return max;
    }
}
