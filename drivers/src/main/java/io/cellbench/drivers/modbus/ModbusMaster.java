package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.ByteTransport;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Modbus master (client) talking to one unit: Modbus TCP over a socket, Modbus RTU over a
 * serial line (or an RTU-over-TCP gateway). The link is a {@link ModbusLine}: the master's own,
 * or — for a device from a lab file — the one every device on the same serial port or TCP
 * address shares ({@link #shared}), so that a press and a chamber on one RS-485 bus both work.
 * Deadlines, retries on a new link and reconnects are the line's (see {@link ModbusLine}).
 *
 * <p><b>Errors</b> are {@link InstrumentException}s naming the instrument and the operation,
 * e.g. {@code press-1: 'read holding 0x0010 x2': no answer from unit 1 within 1000 ms on tcp
 * 127.0.0.1:5020 (tried 3 times, on a new connection each retry)}.
 *
 * <p>Thread-safe: the line holds a lock per transaction; attaching and detaching the line hold
 * the master's own {@link ReentrantLock} (no {@code synchronized}: virtual threads call here).
 */
public final class ModbusMaster implements AutoCloseable {

    /** FC03/FC04 read at most 125 registers, FC01 2000 coils, FC16 writes at most 123 registers. */
    static final int MAX_READ_REGISTERS = 125;
    static final int MAX_WRITE_REGISTERS = 123;

    /** Where the master's line comes from, and where it goes back when the master closes. */
    private interface LineSource {
        ModbusLine attach();

        void detach(ModbusLine line);

        /** Where the line goes, for messages, without taking it: "tcp 127.0.0.1:502". */
        String endpoint();
    }

    private final String instrument;
    private final ModbusMode mode;
    private final int unit;
    private final Duration timeout;
    private final int retries;
    private final LineSource source;
    private final ReentrantLock lock = new ReentrantLock();
    private ModbusLine line;

    /**
     * A master with a line of its own over {@code transport}.
     *
     * @param unit    the unit (slave) id, 0..255 (RTU devices use 1..247; TCP devices often ignore it)
     * @param timeout how long one attempt waits for its whole answer
     * @param retries how many times a failed attempt is repeated on a new link (0 = never)
     */
    public ModbusMaster(String instrument, ByteTransport transport, ModbusMode mode, int unit, Duration timeout, int retries) {
        this(instrument, mode, unit, timeout, retries, own(new ModbusLine(Objects.requireNonNull(transport, "transport"),
                Objects.requireNonNull(mode, "mode"))));
    }

    private ModbusMaster(String instrument, ModbusMode mode, int unit, Duration timeout, int retries, LineSource source) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.mode = Objects.requireNonNull(mode, "mode");
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
        this.source = source;
    }

    /** A master on the line {@code link} names, shared with every other device on that port or address. */
    static ModbusMaster shared(String instrument, ModbusLinkSettings link) {
        return new ModbusMaster(instrument, link.mode(), link.unit(), link.timeout(), link.retries(), new LineSource() {
            @Override
            public ModbusLine attach() {
                return ModbusLines.attach(instrument, link);
            }

            @Override
            public void detach(ModbusLine l) {
                ModbusLines.detach(instrument, l);
            }

            @Override
            public String endpoint() {
                return ModbusLines.endpoint(link.transport());
            }
        });
    }

    private static LineSource own(ModbusLine line) {
        return new LineSource() {
            @Override
            public ModbusLine attach() {
                return line;
            }

            @Override
            public void detach(ModbusLine l) {
                l.close();
            }

            @Override
            public String endpoint() {
                return line.endpoint();
            }
        };
    }

    public String instrument() {
        return instrument;
    }

    public int unit() {
        return unit;
    }

    /** "Modbus TCP unit 1 at tcp 127.0.0.1:502" (a closed master does not take its line again to say so). */
    public String describe() {
        return (mode == ModbusMode.TCP ? "Modbus TCP" : "Modbus RTU") + " unit " + unit + " at " + source.endpoint();
    }

    public ModbusMode mode() {
        return mode;
    }

    /** Opens the link now (otherwise the first request does); on a shared line already open, nothing. */
    public void connect() {
        line().connect(instrument);
    }

    /** The other devices on this master's line (a shared RS-485 bus), by lab-file name. */
    List<String> neighbours() {
        ModbusLine l = attached();
        return l == null ? List.of() : ModbusLines.neighbours(instrument, l);
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

    /** How many times the line was opened again after a failure (tests, status lines); shared with its other devices. */
    public int reconnects() {
        ModbusLine l = attached();
        return l == null ? 0 : l.reconnects();
    }

    /** Transactions answered so far on the line. */
    public long transactions() {
        ModbusLine l = attached();
        return l == null ? 0 : l.transactions();
    }

    /** Lets go of the link (the last device on a shared line closes it); the next request takes it again. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (line != null) {
                source.detach(line);
                line = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The line while the master holds it, else null (nothing is taken). */
    private ModbusLine attached() {
        lock.lock();
        try {
            return line;
        } finally {
            lock.unlock();
        }
    }

    private ModbusLine line() {
        lock.lock();
        try {
            if (line == null) {
                line = source.attach();
            }
            return line;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code pdu} and returns the answer's PDU (see {@link ModbusLine#transact}). */
    private byte[] transact(String op, byte[] pdu) {
        return line().transact(instrument, unit, op, pdu, timeout.toNanos(), retries);
    }

    private InstrumentException bad(String op, String message) {
        line().markOutOfStep();
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
