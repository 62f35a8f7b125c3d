package io.cellbench.drivers.modbus;

/**
 * The Modbus data tables cellbench reads and writes. Holding registers (FC03 read, FC06/FC16
 * write) hold setpoints and often readings too; input registers (FC04) are read-only
 * readings; coils (FC01 read, FC05 write) are on/off switches such as "run" or "enable".
 */
public enum RegisterTable {
    HOLDING("holding", 0x03),
    INPUT("input", 0x04),
    COIL("coil", 0x01);

    private final String settingName;
    private final int readFunction;

    RegisterTable(String settingName, int readFunction) {
        this.settingName = settingName;
        this.readFunction = readFunction;
    }

    /** The lab-file spelling (and the word used in error messages). */
    public String settingName() {
        return settingName;
    }

    /** The function code that reads this table. */
    public int readFunction() {
        return readFunction;
    }

    public boolean writable() {
        return this != INPUT;
    }
}
