package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.ByteTransport;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One link to Modbus devices — a serial line or a TCP connection — with its framing, carrying
 * one transaction at a time. A press and a chamber controller on one RS-485 bus are two unit
 * ids on one line: the port is opened once, and their requests take turns, as a Modbus master
 * must (Modbus over Serial Line V1.02, §2.2: the master starts one transaction at a time; a
 * unit answers only requests carrying its address). {@link ModbusLines} hands out the lines.
 *
 * <p><b>Never hangs.</b> Each attempt has one deadline for the whole answer, however slowly it
 * trickles in; the transports bound connects and writes. A transaction therefore returns or
 * throws within about {@code (retries + 1) × (timeout + connect timeout)}, plus the turns of
 * the other devices on the line before it.
 *
 * <p><b>Retries.</b> An attempt that timed out, lost its link or got an answer that does not
 * fit the request (wrong transaction id, bad CRC, wrong length: noise, or a late answer to an
 * earlier request) is tried again, at most {@code retries} more times, each on a fresh link:
 * on the old one the late answer would be taken for the next. Everything cellbench sends is
 * safe to repeat — reads, and writes of absolute values (a setpoint, a run coil set on) — so
 * writes are retried too. A Modbus exception answer is not retried here: the device refused
 * the request; whether and when to ask again is the caller's ({@link ModbusExceptionResponse#busy()}).
 *
 * <p>Thread-safe: one {@link ReentrantLock} per line, so a request and its answer are never
 * interleaved with another device's or thread's, and virtual threads do not pin their carrier.
 */
final class ModbusLine {

    /** Quiet time that ends a late answer on a serial line: far above 3.5 characters at any usual baud rate. */
    static final long SILENCE_NANOS = 30_000_000L;
    /** How long {@link #connect} waits for a reopened serial line to be quiet (no caller's timeout applies). */
    private static final long CONNECT_SILENCE_BOUND_NANOS = 1_000_000_000L;

    private final ByteTransport transport;
    private final ModbusFraming framing;
    private final boolean serial;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] scratch = new byte[512];
    /** Unit ids that have answered on this line (with data or an exception): they exist. */
    private final Set<Integer> answered = new TreeSet<>();
    private boolean needsReconnect = true;
    private int reconnects;
    private long transactions;

    ModbusLine(ByteTransport transport, ModbusMode mode) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.framing = mode.framing();
        this.serial = transport.endpoint().startsWith("serial ");
    }

    String endpoint() {
        return transport.endpoint();
    }

    /** Opens the link now unless it is open and in step (otherwise the first request does). */
    void connect(String instrument) {
        lock.lock();
        try {
            if (needsReconnect || !transport.isOpen()) {
                reopen(CONNECT_SILENCE_BOUND_NANOS);
            }
        } catch (WireProblem p) {
            throw new LinkDownException(instrument, "connect", p.getMessage(), p.getCause());
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code pdu} to {@code unit} and returns the answer's PDU, retrying as the class comment says. */
    byte[] transact(String instrument, int unit, String op, byte[] pdu, long timeoutNanos, int retries) {
        lock.lock();
        try {
            int attempts = retries + 1;
            WireProblem last = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    byte[] answer = attempt(instrument, unit, op, pdu, timeoutNanos);
                    transactions++;
                    return answer;
                } catch (WireProblem p) {
                    needsReconnect = true;
                    last = p;
                }
            }
            String tried = attempts == 1 ? "" : " (tried " + attempts + " times, on a new connection each retry)";
            throw switch (last.kind) {
                case TIMEOUT -> new TransportTimeoutException(instrument, op, last.getMessage() + tried + unitHint(unit));
                case CLOSED -> new LinkDownException(instrument, op, last.getMessage() + tried, last.getCause());
                case MALFORMED -> new InstrumentException(instrument, op, last.getMessage() + tried);
            };
        } finally {
            lock.unlock();
        }
    }

    /** The next request reconnects first (the caller got an answer it could not use). */
    void markOutOfStep() {
        lock.lock();
        try {
            needsReconnect = true;
        } finally {
            lock.unlock();
        }
    }

    int reconnects() {
        lock.lock();
        try {
            return reconnects;
        } finally {
            lock.unlock();
        }
    }

    long transactions() {
        lock.lock();
        try {
            return transactions;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the link; the next request opens it again. */
    void close() {
        lock.lock();
        try {
            transport.close();
            needsReconnect = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Why a unit that never answered may be silent: most often its address. A wrong 'unit_id'
     * looks exactly like a dead device, so say which setting to check.
     */
    private String unitHint(int unit) {
        if (answered.contains(unit)) {
            return "";
        }
        String hint = "; unit " + unit + " has not answered on this line: check 'unit_id' (" + unit + ") against the"
                + " Modbus address set on the device";
        Set<Integer> others = new TreeSet<>(answered);
        others.remove(unit);
        if (!others.isEmpty()) {
            String list = others.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return hint + " (unit" + (others.size() == 1 ? " " : "s ") + list + (others.size() == 1 ? " answers" : " answer")
                    + " on this line, so " + (serial ? "its baud rate and parity are right)" : "the link works)");
        }
        return hint + (serial ? ", and 'baud', 'parity' and 'stop_bits' against its serial settings"
                : " (behind a Modbus TCP gateway, the address of the serial device), and 'host' and 'port'");
    }

    private byte[] attempt(String instrument, int unit, String op, byte[] pdu, long timeoutNanos) throws WireProblem {
        if (needsReconnect || !transport.isOpen()) {
            reopen(timeoutNanos);
        } else if (framing.discardsStaleInput()) {
            discardStale();
        }
        byte[] adu = framing.request(unit, pdu);
        try {
            transport.write(adu, 0, adu.length);
        } catch (IOException e) {
            throw new WireProblem(WireProblem.Kind.CLOSED, "sending failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
        byte[] answer = framing.answer(transport, unit, timeoutNanos);
        int function = answer[0] & 0xFF;
        if (function == ((pdu[0] & 0xFF) | 0x80)) {
            if (answer.length != 2) {
                throw new WireProblem(WireProblem.Kind.MALFORMED, "exception answer of wrong length: "
                        + AnswerReader.hex(answer, 0, answer.length));
            }
            answered.add(unit);
            throw new ModbusExceptionResponse(instrument, op, answer[1] & 0xFF);
        }
        if (function != (pdu[0] & 0xFF)) {
            throw new WireProblem(WireProblem.Kind.MALFORMED, "answer has function code " + function + ", expected "
                    + (pdu[0] & 0xFF) + ": " + AnswerReader.hex(answer, 0, answer.length));
        }
        answered.add(unit);
        return answer;
    }

    /** Opens the link again; on a serial line, then waits at most {@code silenceBoundNanos} for it to be quiet. */
    private void reopen(long silenceBoundNanos) throws WireProblem {
        boolean wasOpened = transport.isOpen() || transactions > 0 || reconnects > 0;
        try {
            transport.reconnect();
        } catch (IOException e) {
            throw new WireProblem(WireProblem.Kind.CLOSED, (wasOpened ? "reconnect to " : "connect to ")
                    + transport.endpoint() + " failed: " + e.getMessage(), e);
        }
        if (wasOpened) {
            reconnects++;
            if (!framing.discardsStaleInput()) {
                awaitSilence(silenceBoundNanos);
            }
        }
        needsReconnect = false;
    }

    /**
     * On a serial line a reopened port still receives what a device sends late (the rest of an
     * answer that timed out): wait until the line has been quiet for {@link #SILENCE_NANOS}, at
     * most {@code boundNanos} (one answer timeout), so those bytes are not read as the next answer.
     */
    private void awaitSilence(long boundNanos) throws WireProblem {
        long deadline = System.nanoTime() + boundNanos;
        try {
            while (System.nanoTime() - deadline < 0) {
                if (transport.read(scratch, 0, scratch.length, SILENCE_NANOS) == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new WireProblem(WireProblem.Kind.CLOSED, "link failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    private void discardStale() throws WireProblem {
        try {
            while (transport.available() > 0) {
                if (transport.read(scratch, 0, scratch.length, 0) <= 0) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new WireProblem(WireProblem.Kind.CLOSED, "link failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
    }
}
