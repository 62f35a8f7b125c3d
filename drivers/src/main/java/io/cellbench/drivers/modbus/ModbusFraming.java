package io.cellbench.drivers.modbus;

import io.cellbench.drivers.transport.ByteTransport;

/**
 * How a Modbus request (a PDU: function code and data) travels: Modbus TCP wraps it in the
 * 7-byte MBAP header ({@link MbapFraming}), Modbus RTU puts the unit id before it and a CRC
 * after it ({@link RtuFraming}). Not thread-safe: {@link ModbusLine} holds a lock per transaction.
 */
sealed interface ModbusFraming permits MbapFraming, RtuFraming {

    /** The application data unit that carries {@code pdu} to {@code unit}. */
    byte[] request(int unit, byte[] pdu);

    /** Reads the answer to the last request and returns its PDU (function code first). */
    byte[] answer(ByteTransport transport, int unit, long timeoutNanos) throws WireProblem;

    /** "Modbus TCP" or "Modbus RTU". */
    String protocol();

    /**
     * Whether stale bytes can be thrown away cheaply before a request (a socket can say what
     * is waiting; a serial port is instead flushed by the reconnect after any failure).
     */
    boolean discardsStaleInput();
}
