package io.cellbench.drivers.modbus;

import io.cellbench.drivers.transport.ByteTransport;

/**
 * Modbus TCP: {@code transaction id (2) | protocol id 0 (2) | length (2) | unit (1) | PDU}. The
 * answer must echo the transaction id, protocol 0 and the unit; anything else (a late answer
 * to an earlier request, or noise) is refused, and the master reconnects before the next try.
 */
final class MbapFraming implements ModbusFraming {

    /** The largest PDU is 253 bytes, so the length field (unit + PDU) is at most 254. */
    private static final int MAX_LENGTH = 254;

    private int transaction;

    @Override
    public byte[] request(int unit, byte[] pdu) {
        transaction = (transaction + 1) & 0xFFFF;
        byte[] adu = new byte[7 + pdu.length];
        adu[0] = (byte) (transaction >>> 8);
        adu[1] = (byte) transaction;
        int length = pdu.length + 1;
        adu[4] = (byte) (length >>> 8);
        adu[5] = (byte) length;
        adu[6] = (byte) unit;
        System.arraycopy(pdu, 0, adu, 7, pdu.length);
        return adu;
    }

    @Override
    public byte[] answer(ByteTransport transport, int unit, long timeoutNanos) throws WireProblem {
        AnswerReader r = new AnswerReader(transport, unit, timeoutNanos, true);
        r.fill(7);
        int length = r.u16(4);
        if (r.u16(0) != transaction || r.u16(2) != 0 || length < 2 || length > MAX_LENGTH || r.u8(6) != unit) {
            throw new WireProblem(WireProblem.Kind.MALFORMED, "answer header " + r.hex()
                    + " is not the answer to this request (expected transaction " + transaction + ", protocol 0, unit "
                    + unit + ", length 2.." + MAX_LENGTH + ")");
        }
        r.fill(6 + length);
        return r.copy(7, 6 + length);
    }

    @Override
    public String protocol() {
        return "Modbus TCP";
    }

    @Override
    public boolean discardsStaleInput() {
        return true;
    }
}
