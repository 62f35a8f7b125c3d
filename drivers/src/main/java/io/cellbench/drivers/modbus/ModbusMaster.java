package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.ByteTransport;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Modbus master (client) talking to one unit over a {@link ByteTransport}: Modbus TCP over a
 * socket, Modbus RTU over a serial line (or an RTU-over-TCP gateway).
 *
 * <p><b>Never hangs.</b> Each attempt has one deadline for the whole answer ({@code timeout}),
 * however slowly it trickles in; the transports bound connects and writes. A call therefore
 * returns or throws within about {@code (retries + 1) × (timeout + connect timeout)}.
 *
 * <p><b>Retries.</b> An attempt that timed out, lost its link or got an answer that does not
 * fit the request (wrong transaction id, bad CRC, wrong length: noise, or a late answer to an
 * earlier request) is tried again, at most {@code retries} more times, each on a fresh link:
 * on the old one the late answer would be taken for the next. Everything cellbench sends is
 * safe to repeat — reads, and writes of absolute values (a setpoint, a run coil set on) — so
 * writes are retried too. A Modbus exception answer is not retried: the device refused the
 * request, and asking again would get the same answer.
 *
 * <p><b>Errors</b> are {@link InstrumentException}s naming the instrument and the operation,
 * e.g. {@code press-1: 'read holding 0x0010 x2': no answer within 1000 ms on tcp
 * 127.0.0.1:5020 (tried 3 times, on a new connection each retry)}.
 *
 * <p>Thread-safe: one {@link ReentrantLock} per master, so a request and its answer are never
 * interleaved with another thread's, and virtual threads do not pin their carrier here.
 */
public final class ModbusMaster implements AutoCloseable {

    /** FC03/FC04 read at most 125 registers, FC01 2000 coils, FC16 writes at most 123 registers. */
    static final int MAX_READ_REGISTERS = 125;
    static final int MAX_WRITE_REGISTERS = 123;
    /** Quiet time that ends a late answer on a serial line: far above 3.5 characters at any usual baud rate. */
    static final long SILENCE_NANOS = 30_000_000L;

    private final String instrument;
    private final ByteTransport transport;
    private final ModbusMode mode;
    private final ModbusFraming framing;
    private final int unit;
    private final Duration timeout;
    private final int retries;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] scratch = new byte[512];
    private boolean needsReconnect = true;
    private int reconnects;
    private long transactions;

    /**
     * @param unit    the unit (slave) id, 0..255 (RTU devices use 1..247; TCP devices often ignore it)
     * @param timeout how long one attempt waits for its whole answer
     * @param retries how many times a failed attempt is repeated on a new link (0 = never)
     */
    public ModbusMaster(String instrument, ByteTransport transport, ModbusMode mode, int unit, Duration timeout, int retries) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.framing = mode.framing();
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("unit id must be 0..255, got " + unit);
        }
        this.unit = unit;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10, got " + retries);
        }
        this.retries = retries;
    }

    public String instrument() {
        return instrument;
    }

    /** "Modbus TCP unit 1 at tcp 127.0.0.1:502". */
    public String describe() {
        return framing.protocol() + " unit " + unit + " at " + transport.endpoint();
    }

    public ModbusMode mode() {
        return mode;
    }

    /** Opens the link now (otherwise the first request does). */
    public void connect() {
        lock.lock();
        try {
            open("connect");
        } finally {
            lock.unlock();
        }
    }

    /** Holding or input registers (FC03/FC04), {@code count} of them from {@code address}. */
    public short[] readRegisters(RegisterTable table, int address, int count) {
        if (table == RegisterTable.COIL) {
            throw new IllegalArgumentException("coils are read with readCoils");
        }
        checkRange(address, count, MAX_READ_REGISTERS);
        String op = operation("read", table, address, count);
        byte[] answer = transact(op, new byte[] {(byte) table.readFunction(), hi(address), lo(address), hi(count), lo(count)});
        if (answer.length != 2 + 2 * count || (answer[1] & 0xFF) != 2 * count) {
            throw bad(op, "expected " + (2 * count) + " data bytes, got the answer " + AnswerReader.hex(answer, 0, answer.length));
        }
        short[] words = new short[count];
        for (int i = 0; i < count; i++) {
            words[i] = (short) ((answer[2 + 2 * i] & 0xFF) << 8 | answer[3 + 2 * i] & 0xFF);
        }
        return words;
    }

    /** Coils (FC01), {@code count} of them from {@code address}. */
    public boolean[] readCoils(int address, int count) {
        checkRange(address, count, 2000);
        String op = operation("read", RegisterTable.COIL, address, count);
        byte[] answer = transact(op, new byte[] {0x01, hi(address), lo(address), hi(count), lo(count)});
        int bytes = (count + 7) / 8;
        if (answer.length != 2 + bytes || (answer[1] & 0xFF) != bytes) {
            throw bad(op, "expected " + bytes + " data bytes, got the answer " + AnswerReader.hex(answer, 0, answer.length));
        }
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = (answer[2 + i / 8] >> (i % 8) & 1) != 0;
        }
        return out;
    }

    /** Writes holding registers: FC06 for one, FC16 for several. */
    public void writeRegisters(int address, short[] words) {
        checkRange(address, words.length, MAX_WRITE_REGISTERS);
        String op = operation("write", RegisterTable.HOLDING, address, words.length) + " = "
                + AnswerReader.hex(toBytes(words), 0, 2 * words.length);
        byte[] request;
        if (words.length == 1) {
            request = new byte[] {0x06, hi(address), lo(address), hi(words[0]), lo(words[0])};
        } else {
            request = new byte[6 + 2 * words.length];
            request[0] = 0x10;
            request[1] = hi(address);
            request[2] = lo(address);
            request[3] = hi(words.length);
            request[4] = lo(words.length);
            request[5] = (byte) (2 * words.length);
            System.arraycopy(toBytes(words), 0, request, 6, 2 * words.length);
        }
        byte[] answer = transact(op, request);
        int echo = 5; // FC06 echoes address and value, FC16 address and count
        if (answer.length != echo || !Arrays.equals(answer, 0, echo, request, 0, echo)) {
            throw bad(op, "expected the echo " + AnswerReader.hex(request, 0, echo) + ", got "
                    + AnswerReader.hex(answer, 0, answer.length));
        }
    }

    /** Sets one coil (FC05). */
    public void writeCoil(int address, boolean on) {
        checkRange(address, 1, 1);
        String op = String.format(Locale.ROOT, "write coil 0x%04X %s", address, on ? "on" : "off");
        byte[] request = {0x05, hi(address), lo(address), (byte) (on ? 0xFF : 0x00), 0x00};
        byte[] answer = transact(op, request);
        if (!Arrays.equals(answer, request)) {
            throw bad(op, "expected the echo " + AnswerReader.hex(request, 0, request.length) + ", got "
                    + AnswerReader.hex(answer, 0, answer.length));
        }
    }

    /** How many times the link was opened again after a failure (tests, status lines). */
    public int reconnects() {
        lock.lock();
        try {
            return reconnects;
        } finally {
            lock.unlock();
        }
    }

    /** Transactions answered so far. */
    public long transactions() {
        lock.lock();
        try {
            return transactions;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the link; the next request opens it again. */
    @Override
    public void close() {
        lock.lock();
        try {
            transport.close();
            needsReconnect = true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code pdu} and returns the answer's PDU, retrying as the class comment says. */
    private byte[] transact(String op, byte[] pdu) {
        lock.lock();
        try {
            int attempts = retries + 1;
            WireProblem last = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    byte[] answer = attempt(op, pdu);
                    transactions++;
                    return answer;
                } catch (WireProblem p) {
                    needsReconnect = true;
                    last = p;
                }
            }
            String tried = attempts == 1 ? "" : " (tried " + attempts + " times, on a new connection each retry)";
            throw switch (last.kind) {
                case TIMEOUT -> new TransportTimeoutException(instrument, op, last.getMessage() + tried);
                case CLOSED -> new LinkDownException(instrument, op, last.getMessage() + tried, last.getCause());
                case MALFORMED -> new InstrumentException(instrument, op, last.getMessage() + tried);
            };
        } finally {
            lock.unlock();
        }
    }

    private byte[] attempt(String op, byte[] pdu) throws WireProblem {
        if (needsReconnect || !transport.isOpen()) {
            reopen();
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
        byte[] answer = framing.answer(transport, unit, timeout.toNanos());
        int function = answer[0] & 0xFF;
        if (function == ((pdu[0] & 0xFF) | 0x80)) {
            if (answer.length != 2) {
                throw new WireProblem(WireProblem.Kind.MALFORMED, "exception answer of wrong length: "
                        + AnswerReader.hex(answer, 0, answer.length));
            }
            throw new ModbusExceptionResponse(instrument, op, answer[1] & 0xFF);
        }
        if (function != (pdu[0] & 0xFF)) {
            throw new WireProblem(WireProblem.Kind.MALFORMED, "answer has function code " + function + ", expected "
                    + (pdu[0] & 0xFF) + ": " + AnswerReader.hex(answer, 0, answer.length));
        }
        return answer;
    }

    private void reopen() throws WireProblem {
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
                awaitSilence();
            }
        }
        needsReconnect = false;
    }

    /**
     * On a serial line a reopened port still receives what the device sends late (the rest of
     * an answer that timed out): wait until the line has been quiet for {@link #SILENCE_NANOS},
     * at most one timeout, so those bytes are not read as the next answer.
     */
    private void awaitSilence() throws WireProblem {
        long deadline = System.nanoTime() + timeout.toNanos();
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

    private void open(String op) {
        try {
            reopen();
        } catch (WireProblem p) {
            throw new LinkDownException(instrument, op, p.getMessage(), p.getCause());
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

    private InstrumentException bad(String op, String message) {
        lock.lock();
        try {
            needsReconnect = true;
        } finally {
            lock.unlock();
        }
        return new InstrumentException(instrument, op, message);
    }

    /** "read holding 0x0010 x2". */
    static String operation(String verb, RegisterTable table, int address, int count) {
        return String.format(Locale.ROOT, "%s %s 0x%04X x%d", verb, table.settingName(), address, count);
    }

    private static void checkRange(int address, int count, int max) {
        if (count < 1 || count > max) {
            throw new IllegalArgumentException("count must be 1.." + max + ", got " + count);
        }
        if (address < 0 || address + count - 1 > 0xFFFF) {
            throw new IllegalArgumentException("addresses must be within 0..65535, got " + address + " x" + count);
        }
    }

    private static byte[] toBytes(short[] words) {
        byte[] b = new byte[2 * words.length];
        for (int i = 0; i < words.length; i++) {
            b[2 * i] = hi(words[i]);
            b[2 * i + 1] = lo(words[i]);
        }
        return b;
    }

    private static byte hi(int v) {
        return (byte) (v >>> 8);
    }

    private static byte lo(int v) {
        return (byte) v;
    }
}
