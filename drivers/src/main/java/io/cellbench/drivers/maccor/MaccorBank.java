package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.Terminator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Maccor test system reached over MacNet: one TCP connection to its JSON server (port
 * 57570) carries the requests of all its channels ({@link MaccorChannel}, named
 * {@code <bank>/<n>} as a lab file names them).
 *
 * <p><b>Keep-alive.</b> One daemon thread per bank wakes every quarter of watchdog_feed and
 * re-sends the last (6,8) output of each direct-mode channel that has had none for
 * watchdog_feed. A background thread rather than feeding on every call, because the runner may
 * go a whole step (hours of CC) with reads only, and reads are not output updates to the
 * cycler's watchdog. The feed waits its turn behind a read in progress (fair locks). When cellbench
 * dies the thread dies with it and the cycler suspends the channels — the point of the watchdog.
 */
public final class MaccorBank implements CyclerBank {

    private final String name;
    private final MacNetSession session;
    private final MaccorSettings settings;
    private final List<MaccorChannel> channels = new ArrayList<>();
    private final ScheduledExecutorService keepAlive;
    private final String identity;
    private final List<VerifiedFact> systemFacts = new ArrayList<>();
    private volatile boolean closed;

    private MaccorBank(String name, MacNetSession session, MaccorSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.session = session;
        this.settings = settings;
        JsonNode info = session.call(name, MacNetMessages.GENERAL_INFO, MacNetMessages.generalInfo(), true);
        int reported = info.path("TestChannels").asInt(-1);
        if (reported < 1) {
            throw new InstrumentException(name, MacNetMessages.GENERAL_INFO, "the cycler reports no test channels: "
                    + info);
        }
        int count = settings.channels() > 0 ? settings.channels() : reported;
        if (count > reported) {
            throw new InstrumentException(name, MacNetMessages.GENERAL_INFO, "the lab file asks for " + count
                    + " channels, but the cycler at " + session.endpoint() + " has " + reported);
        }
        identity = "Maccor MacNet " + info.path("SystemID").asText("?") + ", system type "
                + info.path("SystemType").asText("?") + ", " + reported + " test channels, "
                + info.path("AuxChannels").asText("?") + " aux channels";
        systemFacts.addAll(MacNetSystemFacts.of(info, readVersion(session, name)));
        for (int n = 1; n <= count; n++) {
            channels.add(new MaccorChannel(this, session, settings, n));
        }
        long period = settings.watchdogFeed().toNanos();
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + " MacNet watchdog feed");
            t.setDaemon(true);
            return t;
        });
        keepAlive.scheduleWithFixedDelay(() -> {
            for (MaccorChannel c : channels) {
                c.feed(period);
            }
        }, period / 4, Math.max(1_000_000, period / 4), TimeUnit.NANOSECONDS);
    }

    /** (1,1), or the error it was answered with (an older MacNet may not know it: not a reason to refuse). */
    private static Object readVersion(MacNetSession session, String name) {
        try {
            return session.call(name, MacNetMessages.VERSION_INFO, MacNetMessages.versionInfo(), true);
        } catch (MacNetErrorException e) {
            return e;
        }
    }

    /** What (1,1) and (1,2) said: the system, its type and the tester program's versions. */
    List<VerifiedFact> systemFacts() {
        return systemFacts;
    }

    /** The system facts, and channel 1's ranges from (3,1). */
    @Override
    public List<VerifiedFact> verified() {
        List<VerifiedFact> facts = new ArrayList<>(systemFacts);
        facts.add(channels.get(0).rangeFact());
        return facts;
    }

    /** Connects, reads (1,2) general information and (1,1) versions, and makes the channels. On failure the link is closed. */
    public static MaccorBank open(String name, MaccorSettings settings) {
        LineFraming framing = new LineFraming(name, settings.transport().create(settings.timeout().multipliedBy(2)),
                Terminator.CRLF);
        MacNetSession session = new MacNetSession(framing, settings.timeout(), settings.retries());
        try {
            session.connect();
            return new MaccorBank(name, session, settings);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public int channelCount() {
        return channels.size();
    }

    @Override
    public MaccorChannel channel(int number) {
        if (number < 1 || number > channels.size()) {
            throw new IllegalArgumentException(name + ": there is no channel " + number + "; channels are 1.."
                    + channels.size());
        }
        return channels.get(number - 1);
    }

    @Override
    public String name() {
        return name;
    }

    /** System id, type and channel counts from (1,2). */
    @Override
    public String identify() {
        return identity;
    }

    public MaccorSettings settings() {
        return settings;
    }

    /** Times the link was renewed after a failure. */
    public int reconnects() {
        return session.reconnects();
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * What a killed cellbench leaves behind, for tests: feeding stops and the connection drops
     * without a word to the channels. The cycler's watchdog must make them safe.
     */
    void vanish() {
        keepAlive.shutdownNow();
        closed = true;
        session.close();
    }

    /** Rests and resets every channel in direct mode, stops feeding and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        keepAlive.shutdownNow();
        try {
            keepAlive.awaitTermination(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> failures = new ArrayList<>();
        List<String> untried = new ArrayList<>();
        boolean linkDown = false;
        for (MaccorChannel c : channels) {
            if (linkDown) {
                if (c.inDirectMode()) {
                    untried.add(String.valueOf(c.number()));
                }
                c.abandon();
                continue;
            }
            try {
                c.close();
            } catch (LinkDownException e) {
                // the cycler is unreachable: a connect timeout per channel would only delay the error
                failures.add(e.getMessage());
                linkDown = true;
            } catch (InstrumentException e) {
                failures.add(e.getMessage());
            }
        }
        if (!untried.isEmpty()) {
            failures.add("channel(s) " + String.join(", ", untried) + " not tried (the link is down)");
        }
        closed = true;
        session.close();
        if (!failures.isEmpty()) {
            throw new InstrumentException(name, "close", "could not confirm every channel is at rest — check the"
                    + " cycler: " + String.join("; ", failures));
        }
    }
}
