package io.cellbench.drivers.modbus;

import io.cellbench.drivers.transport.ByteTransport;

/**
 * Modbus RTU: {@code unit (1) | PDU | CRC-16 (2, low byte first)}. RTU frames carry no length,
 * so the answer is read in pieces whose size the function code and byte count announce:
 * an exception is 5 bytes, a read answer 5 + byte count, a write echo 8. The 3.5-character
 * silence between frames needs no handling here: the master sends only after the previous
 * answer was read whole, or after a reconnect that flushed the port.
 */
final class RtuFraming implements ModbusFraming {

    @Override
    public byte[] request(int unit, byte[] pdu) {
        byte[] adu = new byte[pdu.length + 3];
        adu[0] = (byte) unit;
        System.arraycopy(pdu, 0, adu, 1, pdu.length);
        int crc = Crc16.of(adu, 0, pdu.length + 1);
        adu[pdu.length + 1] = (byte) crc;
        adu[pdu.length + 2] = (byte) (crc >>> 8);
        return adu;
    }

    @Override
    public byte[] answer(ByteTransport transport, int unit, long timeoutNanos) throws WireProblem {
        AnswerReader r = new AnswerReader(transport, unit, timeoutNanos, false);
        r.fill(2);
        if (r.u8(0) != unit) {
            throw new WireProblem(WireProblem.Kind.MALFORMED, "answer " + r.hex() + " comes from unit " + r.u8(0)
                    + ", expected unit " + unit);
        }
        int function = r.u8(1);
        int total;
        if ((function & 0x80) != 0) {
            total = 5;
        } else if (function >= 1 && function <= 4) {
            r.fill(3);
            total = 5 + r.u8(2);
        } else if (function == 5 || function == 6 || function == 15 || function == 16) {
            total = 8;
        } else {
            throw new WireProblem(WireProblem.Kind.MALFORMED, "answer " + r.hex() + " has function code " + function
                    + ", which no request of cellbench asks for");
        }
        r.fill(total);
        int crc = Crc16.of(r.bytes(), 0, total - 2);
        int got = r.u8(total - 2) | r.u8(total - 1) << 8;
        if (crc != got) {
            throw new WireProblem(WireProblem.Kind.MALFORMED, String.format("answer %s fails its CRC (computed %04X,"
                    + " got %04X)", r.hex(), crc, got));
        }
        return r.copy(1, total - 2);
    }

    @Override
    public String protocol() {
        return "Modbus RTU";
    }

    @Override
    public boolean discardsStaleInput() {
        return false;
    }
}
