package io.cellbench.drivers.modbus;

/** How Modbus frames look on the link: TCP (MBAP header) or RTU (unit id and CRC). */
public enum ModbusMode {
    /** Modbus TCP, the default over {@code transport: tcp}. */
    TCP("tcp"),
    /** Modbus RTU, the default over {@code transport: serial}; also over TCP for RTU-over-TCP gateways. */
    RTU("rtu");

    private final String settingName;

    ModbusMode(String settingName) {
        this.settingName = settingName;
    }

    public String settingName() {
        return settingName;
    }

    ModbusFraming framing() {
        return this == TCP ? new MbapFraming() : new RtuFraming();
    }
}
