package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.instrument.InstrumentException;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One channel's MacNet functions on the bank's shared session: reads (4,7), (4,4) and (3,1),
 * the wait for a test to leave Active, and commands paced by command_interval. Not thread-safe: its {@link MaccorChannel} calls it
 * under the channel's lock.
 */
final class ChannelLink {

    private final MacNetSession session;
    private final MaccorSettings settings;
    private final String name;
    private final int number;
    private final int wire;
    private ChannelSpec spec;
    private long lastCommandNanos;
    private boolean anyCommand;

    /** @param wire the 0-based channel number MacNet uses */
    ChannelLink(MacNetSession session, MaccorSettings settings, String name, int wire) {
        this.session = session;
        this.settings = settings;
        this.name = name;
        this.wire = wire;
        this.number = wire + 1;
    }

    /** (4,7). */
    MaccorStatus status() {
        JsonNode r = session.call(name, MacNetMessages.READ_STATUS, MacNetMessages.readStatus(wire), true);
        for (String field : new String[] {"Stat", "Current", "Voltage"}) {
            if (!r.path(field).isNumber()) {
                throw new InstrumentException(name, MacNetMessages.READ_STATUS, "answer has no number '" + field
                        + "': " + r);
            }
        }
        return MaccorStatus.of(number, r);
    }

    /** (4,4). */
    double[] aux() {
        JsonNode r = session.call(name, MacNetMessages.READ_AUX, MacNetMessages.readAux(wire), true);
        JsonNode values = r.path("AuxValues");
        if (!values.isArray()) {
            throw new InstrumentException(name, MacNetMessages.READ_AUX, "answer has no 'AuxValues' list: " + r);
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    /** (3,1), read once: the ranges the set points must be within. */
    ChannelSpec spec() {
        if (spec == null) {
            spec = ChannelSpec.of(session.call(name, MacNetMessages.CHANNEL_SPEC, MacNetMessages.channelSpec(wire), true));
        }
        return spec;
    }

    /**
     * The channel's status once it is not Active, or Active after active_wait. MacNet's (4,7)
     * does not say who started a test, so a direct-mode test a killed cellbench left behind
     * cannot be told from an operator's: cellbench takes over neither. The orphan stops by
     * itself: nobody feeds it, so the cycler's watchdog (MacNetDirectModeWD) suspends it, and a
     * resumed run waits for that instead of failing the cell. An operator's test stays Active
     * and is refused after the wait.
     */
    MaccorStatus awaitNotActive() {
        long deadline = System.nanoTime() + settings.activeWait().toNanos();
        MaccorStatus s = status();
        while (s.state() == MaccorStatus.ACTIVE && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(Math.min(250_000_000L, Math.max(0, deadline - System.nanoTime())));
            s = status();
        }
        return s;
    }

    /** (6,5): ends the test on the channel. */
    void reset() {
        JsonNode r = command(MacNetMessages.RESET, MacNetMessages.reset(wire));
        if (!MacNetResults.ok(r)) {
            throw new InstrumentException(name, MacNetMessages.RESET, MacNetResults.why(r, Map.of()));
        }
    }

    /**
     * Sends a (6,x) command once command_interval has passed since the answer to the last
     * one. Timed from the answer, not the request: the cycler took the last command somewhere
     * in between, so the gap it sees is never shorter than the interval.
     */
    JsonNode command(String command, ObjectNode params) {
        long interval = settings.commandInterval().toNanos();
        if (anyCommand) {
            long wait;
            while ((wait = lastCommandNanos + interval - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        try {
            return session.call(name, command, params, false);
        } finally {
            anyCommand = true;
            lastCommandNanos = System.nanoTime();
        }
    }
}
