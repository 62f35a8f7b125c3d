package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.ByteTransport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection to a BTS server, shared by every channel of it: requests one at a time
 * (BTS answers a client's requests in turn), a login after every connect, and a fresh
 * connection after any failure (a late reply to a timed-out request must not be taken for the
 * next one's). Queries are sent again on a fresh connection up to {@code retries} times;
 * commands that act (start, stop, …) are not: the caller checks what happened instead.
 */
final class BtsSession implements AutoCloseable {
    private final String instrument;
    private final NewareBtsSettings settings;
    private final ByteTransport transport;
    private final BtsFraming framing;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean ready;

    BtsSession(String instrument, NewareBtsSettings settings, ByteTransport transport) {
        this.instrument = instrument;
        this.settings = settings;
        this.transport = transport;
        this.framing = new BtsFraming(instrument, transport);
    }

    String instrument() {
        return instrument;
    }

    /** Connects and logs in; throws naming the instrument when BTS cannot be reached or refuses the login. */
    void open() {
        lock.lock();
        try {
            connect();
        } finally {
            lock.unlock();
        }
    }

    /** A request that only reads: sent again on a fresh connection when the link fails or the reply is spoilt. */
    BtsReply query(String command, String body, String replyPrefix) {
        lock.lock();
        try {
            InstrumentException last = null;
            for (int attempt = 0; attempt <= settings.retries(); attempt++) {
                try {
                    return exchange(command, body, replyPrefix);
                } catch (InstrumentException e) {
                    last = e;
                }
            }
            throw last;
        } finally {
            lock.unlock();
        }
    }

    /** A request that acts: sent once. */
    BtsReply command(String command, String body, String replyPrefix) {
        lock.lock();
        try {
            return exchange(command, body, replyPrefix);
        } finally {
            lock.unlock();
        }
    }

    private BtsReply exchange(String command, String body, String replyPrefix) {
        if (!ready) {
            connect();
        }
        try {
            framing.send(command, body);
            return BtsReply.parse(instrument, command, framing.receive(command, settings.timeout()), replyPrefix);
        } catch (InstrumentException e) {
            drop();
            throw e;
        }
    }

    private void connect() {
        drop();
        try {
            transport.open();
        } catch (java.io.IOException e) {
            throw new io.cellbench.drivers.transport.LinkDownException(instrument, "connect", transport.endpoint() + ": "
                    + e.getMessage() + " (is BTS Client running with its API activated, listening on this port?)", e);
        }
        try {
            framing.send("connect", BtsRequests.connect(settings.username(), settings.password()));
            BtsReply r = BtsReply.parse(instrument, "connect", framing.receive("connect", settings.timeout()), "connect");
            var result = r.element("result");
            String answer = result == null ? "" : BtsReply.text(result);
            if (!answer.equalsIgnoreCase("ok")) {
                throw new InstrumentException(instrument, "connect", "BTS refused the login as '" + settings.username()
                        + "' (answer '" + answer + "'): check username and password_env/password_file, and that the"
                        + " API is activated in BTS Client");
            }
        } catch (InstrumentException e) {
            drop();
            throw e;
        }
        ready = true;
    }

    private void drop() {
        ready = false;
        transport.close();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }
}
