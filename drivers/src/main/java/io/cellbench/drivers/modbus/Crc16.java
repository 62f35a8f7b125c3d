package io.cellbench.drivers.modbus;

/** The CRC of a Modbus RTU frame: CRC-16/MODBUS (polynomial 0xA001 reflected, start 0xFFFF), low byte first on the wire. */
public final class Crc16 {
    private Crc16() {
    }

    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
