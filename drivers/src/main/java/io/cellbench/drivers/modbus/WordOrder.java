package io.cellbench.drivers.modbus;

/**
 * The order of the two registers of a 32-bit value. Modbus itself only says each register is
 * big-endian; devices disagree on the pair. {@code big} (high word first, "ABCD") is the
 * common one; {@code little} ("CDAB", word-swapped) is what many PLCs and transmitters use.
 */
public enum WordOrder {
    BIG("big"),
    LITTLE("little");

    private final String settingName;

    WordOrder(String settingName) {
        this.settingName = settingName;
    }

    public String settingName() {
        return settingName;
    }
}
