package io.cellbench.drivers.scpi;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.drivers.transport.WireText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A SCPI conversation with one instrument over {@link LineFraming}.
 *
 * <p><b>Atomic commands.</b> One {@link ReentrantLock} per session: a query's write and its
 * answer are never interleaved with another thread's command, and {@link #exclusive} makes a
 * whole sequence (a setpoint change and its error check) atomic. No {@code synchronized}, so
 * virtual threads do not pin their carriers here.
 *
 * <p><b>Retries.</b> A query that times out or loses its link is sent again, at most
 * {@code retries} more times, each time on a fresh link ({@link LineFraming#reconnect}):
 * on the old one a late answer to the first attempt would be read as the answer to the
 * second, and every answer after it would be off by one. Queries are taken to be free of
 * side effects worth worrying about (a repeated {@code :READ?} takes one more measurement; a
 * repeated {@code :SYST:ERR?} whose answer was lost loses that one entry).
 *
 * <p><b>Writes are never repeated.</b> A write that failed may still have reached the
 * instrument and been applied; sending it again is only safe when the caller knows it is
 * idempotent (an absolute setpoint is; {@code *RST}, a trigger or a buffer clear are not),
 * so the session leaves that decision to the driver. The link is marked for a reconnect and
 * the next command reconnects first.
 */
public final class ScpiSession implements AutoCloseable {

    /** More entries than this in one drain means the queue is not draining (a babbling device). */
    static final int MAX_ERROR_ENTRIES = 64;
    private static final String ERROR_QUERY = ":SYST:ERR?";

    private final LineFraming framing;
    private final Duration timeout;
    private final int retries;
    private final ReentrantLock lock = new ReentrantLock();
    private int reconnects;
    /** Sent first on every new link, before the command that needed it; null for none. */
    private String firstOnReconnect;

    /**
     * @param timeout the default answer timeout of a query
     * @param retries how many times a query that timed out is sent again (0 = never)
     */
    public ScpiSession(LineFraming framing, Duration timeout, int retries) {
        this.framing = Objects.requireNonNull(framing, "framing");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("query timeout must be > 0, got " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10, got " + retries);
        }
        this.retries = retries;
    }

    public String instrument() {
        return framing.instrument();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Opens the link. */
    public void connect() {
        lock.lock();
        try {
            framing.open("connect");
        } finally {
            lock.unlock();
        }
    }

    /** Sends a command that has no answer. Not repeated on failure (see the class comment). */
    public void write(String command) {
        lock.lock();
        try {
            if (framing.needsResync()) {
                reconnect(command);
            }
            framing.writeLine(command);
        } finally {
            lock.unlock();
        }
    }

    /** Sends a query and returns its answer, with the session's timeout. */
    public String query(String command) {
        return query(command, timeout);
    }

    /**
     * Sends a query and returns its answer line. Retries with a reconnect as the class
     * comment says; the final failure is a {@link TransportTimeoutException} or a
     * {@link LinkDownException} that names the instrument, the command and the attempts.
     */
    public String query(String command, Duration answerTimeout) {
        lock.lock();
        try {
            int attempts = retries + 1;
            InstrumentException last = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    if (framing.needsResync()) {
                        reconnect(command);
                    } else {
                        framing.discardInput(command);
                    }
                    framing.writeLine(command);
                    return framing.readLine(command, answerTimeout);
                } catch (TransportTimeoutException | LinkDownException e) {
                    last = e;
                }
            }
            String detail = detail(last, command);
            String tried = attempts == 1 ? "" : " (tried " + attempts + " times, on a new connection each retry)";
            throw last instanceof TransportTimeoutException
                    ? new TransportTimeoutException(instrument(), command, detail + tried)
                    : new LinkDownException(instrument(), command, detail + tried, last.getCause());
        } finally {
            lock.unlock();
        }
    }

    /** {@code *IDN?}: manufacturer, model, serial number, firmware. */
    public String identify() {
        String idn = query("*IDN?").strip();
        if (idn.isEmpty()) {
            throw new InstrumentException(instrument(), "*IDN?", "answered an empty line");
        }
        return idn;
    }

    /** {@code *OPC?}: waits until the instrument has finished every command sent before. */
    public void operationComplete(Duration answerTimeout) {
        String answer = query("*OPC?", answerTimeout).strip();
        if (!answer.equals("1") && !answer.equals("+1")) {
            throw new InstrumentException(instrument(), "*OPC?", "expected 1, got " + WireText.quote(answer));
        }
    }

    public void operationComplete() {
        operationComplete(timeout);
    }

    /** Drains the error queue ({@code :SYST:ERR?} until {@code 0,"No error"}), oldest first. */
    public List<ScpiError> errors() {
        lock.lock();
        try {
            List<ScpiError> out = new ArrayList<>();
            while (true) {
                String answer = query(ERROR_QUERY);
                ScpiError e = ScpiError.parse(answer);
                if (e == null) {
                    throw new InstrumentException(instrument(), ERROR_QUERY, "expected an error-queue entry such as"
                            + " 0,\"No error\", got " + WireText.quote(answer));
                }
                if (e.isNoError()) {
                    return out;
                }
                out.add(e);
                if (out.size() >= MAX_ERROR_ENTRIES) {
                    out.add(new ScpiError(0, "(stopped reading the error queue after " + MAX_ERROR_ENTRIES + " entries)"));
                    return out;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drains the error queue and throws when it held anything.
     *
     * @param context what was just done ("CC 1 mA, V ≤ 4.2 V"), named in the exception
     * @throws ScpiErrorException with the device's own error text
     */
    public void checkErrors(String context) {
        List<ScpiError> errors = errors();
        if (!errors.isEmpty()) {
            throw new ScpiErrorException(instrument(), context, errors);
        }
    }

    /** Runs {@code work} holding the session's lock: no other thread's command gets in between. */
    public <T> T exclusive(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void exclusive(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the link as out of step (the caller got an answer it could not use, e.g. garbage):
     * the next command reconnects first, so leftovers of the bad answer are not read as the
     * next one.
     */
    public void invalidate() {
        lock.lock();
        try {
            framing.markResync();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the link and opens a new one; its first line is {@link #firstOnReconnect(String)}'s, if any. */
    public void reconnect(String command) {
        lock.lock();
        try {
            reconnects++;
            framing.reconnect(command);
            if (firstOnReconnect != null) {
                framing.writeLine(firstOnReconnect);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes {@code command} (a write without an answer) the first line on every new link from
     * now on, before whatever command needed the link; {@code null} for none. A driver that
     * must not find its instrument doing something stale after a link came back (an output
     * left on after a fault) sends that command first.
     */
    public void firstOnReconnect(String command) {
        lock.lock();
        try {
            firstOnReconnect = command;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the link for now (e.g. to free a serial port); the next command reconnects. */
    public void disconnect() {
        lock.lock();
        try {
            framing.close();
        } finally {
            lock.unlock();
        }
    }

    /** How many times this session has reconnected (tests, status lines). */
    public int reconnects() {
        lock.lock();
        try {
            return reconnects;
        } finally {
            lock.unlock();
        }
    }

    /** Where the session goes: "tcp 127.0.0.1:5025". */
    public String endpoint() {
        return framing.transport().endpoint();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            framing.close();
        } finally {
            lock.unlock();
        }
    }

    /** The message of {@code e} without the "instrument: 'command': " prefix InstrumentException adds. */
    private static String detail(InstrumentException e, String command) {
        String prefix = e.instrument() + ": " + (e.command() == null ? "" : "'" + e.command() + "': ");
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
