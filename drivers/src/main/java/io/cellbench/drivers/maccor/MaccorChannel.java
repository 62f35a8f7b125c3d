package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelLimits;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.maccor.MacNetMessages.DirectOutput;
import io.cellbench.drivers.maccor.MacNetMessages.SafetyLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel of a Maccor test system in MacNet direct mode: cellbench sets the output and
 * samples it; the cycler keeps its own safety limits and watchdog.
 *
 * <p><b>Commands.</b> MacNet's direct output has a current, a voltage, a power and a
 * resistance that are mutually limiting, and a mode: 'C' charges, 'D' discharges, 'R' rests
 * ({@link DirectOutputs} says what each command becomes). A charge-mode channel never
 * discharges, so a CV hold just after a CC charge cannot pull the cell down through its own
 * noise. The first command starts a direct-mode test on the channel with (6,7) (after a (6,5)
 * reset when a finished or suspended test is still on it); later ones are (6,8).
 *
 * <p><b>Set points (safety).</b> MacNet's help, (6,7): "Set points must be active, i.e. within
 * range, in the (6, 7) Start Direct Mode to be functional in the (6, 8) Set direct mode
 * output", and only three of the four can act at once. A channel started at rest has no
 * active power or resistance: a later constant-power step sent by (6,8) would have its power
 * ignored and the channel would source max_current. So the channel remembers which set
 * points its (6,7) activated, and a command that needs one that is not active ends the
 * direct-mode test ((6,5)) and starts a new one ((6,7)) with that command's output — every
 * set point an output uses was active at its test's start. Before the first start, the
 * channel's (3,1) specification is read, and a max_current or max_voltage beyond its ranges
 * is refused: a set point outside range would be ignored too.
 *
 * <p><b>Safety limits.</b> Before a command whose voltage window differs from the last one,
 * the channel's (6,10) limits are set to the window widened by safety_margin (within
 * safety_min_voltage..safety_max_voltage), so the cycler itself stops a cell that leaves the
 * window even if cellbench stalls. The echo of (6,10) is checked value by value.
 *
 * <p><b>Pacing and the watchdog.</b> MacNet refuses a second command to a channel within
 * 100 ms; commands to one channel are spaced by command_interval. With MacNetDirectModeWD set
 * in the cycler's System.ini, a direct-mode channel suspends when its output is not updated in
 * time. Status reads are not updates, and a protocol step can take hours without a new
 * setpoint, so the bank's keep-alive thread re-sends the last output of every channel whose
 * last (6,8) is older than watchdog_feed (see {@link MaccorBank}). When cellbench dies, the
 * feeding stops and the cycler suspends the channel. A read that finds the channel no longer
 * active fails with the state MacNet reports.
 *
 * <p><b>Readings.</b> (4,7) per {@link #read()}. Current is signed by the mode the channel was
 * told (C positive, D negative), which holds whether MacNet reports magnitudes or signed
 * values. The cell temperature is aux value {@code temperature_aux} of (4,4), read in the
 * same call when set.
 *
 * <p>Thread-safe; channels of one bank share its connection, one request at a time.
 */
public final class MaccorChannel implements CyclerChannel {

    /** A CV target this close below the last reading still counts as "at" the cell: charge mode. */
    private static final double CV_DIRECTION_TOLERANCE = 0.005;

    private final MaccorBank bank;
    private final MaccorSettings settings;
    private final int number;
    private final int wire;
    private final String name;
    /** Fair: a runner reading back to back must not starve the keep-alive thread. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean direct;
    private boolean closed;
    private final DirectOutputs outputs;
    private final ChannelLink link;
    private DirectOutput output;
    private SafetyLimits limits;
    /** The set points the running direct-mode test's (6,7) made active. */
    private Set<MacNetMessages.SetPoint> active = Set.of();
    /** The (3,1) ranges, once read. */
    private volatile long lastOutputNanos;
    private double lastVolt = Double.NaN;
    private volatile String feedFailure;

    MaccorChannel(MaccorBank bank, MacNetSession session, MaccorSettings settings, int number) {
        this.bank = bank;
        this.settings = settings;
        this.number = number;
        this.wire = number - 1;
        this.name = bank.name() + "/" + number;
        this.outputs = new DirectOutputs(settings);
        this.link = new ChannelLink(session, settings, name, number - 1);
    }

    @Override
    public void apply(ChannelCommand command) {
        Objects.requireNonNull(command, "command");
        limits().require(name, command);
        lock.lock();
        try {
            requireOpen(command.describe());
            if (command instanceof ChannelCommand.Voltage && Double.isNaN(lastVolt)) {
                readLocked(); // the mode of a CV hold depends on where the cell is
            }
            if (!direct) {
                link.spec().requireWithin(settings, name); // read once, before anything is sent for the first start
            }
            DirectOutput next = outputs.outputFor(command, lastVolt, CV_DIRECTION_TOLERANCE);
            if (direct && !active.containsAll(next.setPoints())) {
                // a set point the running test did not activate would be ignored: start a test that activates it
                endDirectTest();
            }
            SafetyLimits nextLimits = outputs.limitsFor(command, next, limits);
            if (!nextLimits.equals(limits)) {
                sendLimits(nextLimits);
            }
            if (!direct) {
                startDirect(next);
            } else {
                setOutput(next, MacNetMessages.SET_DIRECT);
            }
            output = next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ChannelReading read() {
        lock.lock();
        try {
            requireOpen("read");
            return readLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The full (4,7) status of the channel. */
    public MaccorStatus status() {
        lock.lock();
        try {
            requireOpen(MacNetMessages.READ_STATUS);
            return link.status();
        } finally {
            lock.unlock();
        }
    }

    /** The auxiliary values (4,4) mapped to this channel (temperatures, pressures...), in the cycler's order. */
    public double[] auxValues() {
        lock.lock();
        try {
            requireOpen(MacNetMessages.READ_AUX);
            return link.aux();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public double maxCurrentAmpere() {
        return settings.maxCurrent();
    }

    @Override
    public ChannelLimits limits() {
        return DirectOutputs.limits(settings);
    }

    /** The front-panel channel number (1-based). */
    public int number() {
        return number;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String identify() {
        return bank.identify() + ", channel " + number;
    }

    /** True while a direct-mode test started by cellbench runs on the channel. */
    public boolean inDirectMode() {
        lock.lock();
        try {
            return direct;
        } finally {
            lock.unlock();
        }
    }

    /** Rests the channel and resets it (the direct-mode test ends; no watchdog to feed). */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (!direct) {
                return;
            }
            direct = false;
            try {
                setOutput(outputs.rest(), MacNetMessages.SET_DIRECT);
            } finally {
                link.reset();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks the channel closed without a word to the cycler (its link is down). */
    void abandon() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-sends the last output when it is older than {@code period} (the keep-alive). Waits its
     * turn behind a read in progress (the lock is fair), so back-to-back reads cannot starve it.
     */
    void feed(long periodNanos) {
        lock.lock();
        try {
            if (closed || !direct || System.nanoTime() - lastOutputNanos < periodNanos) {
                return;
            }
            setOutput(output, MacNetMessages.SET_DIRECT + " (watchdog feed)");
            feedFailure = null;
        } catch (RuntimeException e) {
            feedFailure = e.getMessage(); // never let the keep-alive thread die: other channels need it
        } finally {
            lock.unlock();
        }
    }

    /** Why the last watchdog feed failed, or null when it did not. */
    String lastFeedFailure() {
        return feedFailure;
    }

    private ChannelReading readLocked() {
        MaccorStatus s = link.status();
        if (direct && s.state() != MaccorStatus.ACTIVE) {
            direct = false;
            String feed = feedFailure;
            throw new InstrumentException(name, MacNetMessages.READ_STATUS, "the channel left direct mode: MacNet"
                    + " reports it " + s.stateName() + " (Stat " + s.state() + "); the cycler's watchdog or a safety"
                    + " limit stopped it" + (feed == null ? "" : "; last watchdog feed failed: " + feed));
        }
        double celsius = Double.NaN;
        if (settings.temperatureAux() > 0) {
            double[] aux = link.aux();
            if (aux.length < settings.temperatureAux()) {
                throw new InstrumentException(name, MacNetMessages.READ_AUX, "temperature_aux is "
                        + settings.temperatureAux() + " but the channel has " + aux.length + " aux value(s)");
            }
            celsius = aux[settings.temperatureAux() - 1];
        }
        double ampere = s.currentAmpere();
        if (direct && output != null) {
            ampere = switch (output.mode()) {
                case 'C' -> Math.abs(ampere);
                case 'D' -> -Math.abs(ampere);
                default -> ampere;
            };
        }
        lastVolt = s.voltageVolt();
        return new ChannelReading(s.voltageVolt(), ampere, celsius);
    }

    private void startDirect(DirectOutput next) {
        MaccorStatus s = link.awaitNotActive();
        if (s.state() == MaccorStatus.ACTIVE) {
            throw new InstrumentException(name, MacNetMessages.START_DIRECT, "the channel is already running a test"
                    + " (Stat Active) and was not suspended within " + settings.activeWait().toMillis() + " ms"
                    + " (active_wait); cellbench does not take over a running test — stop it on the cycler");
        }
        if (s.state() == MaccorStatus.COMPLETED || s.state() == MaccorStatus.SUSPENDED) {
            link.reset();
        }
        JsonNode r = link.command(MacNetMessages.START_DIRECT,
                MacNetMessages.startDirect(wire, settings.testName(), next, settings.dataTime()));
        if (!MacNetResults.ok(r)) {
            throw new InstrumentException(name, MacNetMessages.START_DIRECT, MacNetResults.why(r,
                    MacNetResults.START_DIRECT));
        }
        direct = true;
        active = next.setPoints();
        lastOutputNanos = System.nanoTime();
    }

    /** Ends the direct-mode test ((6,5)): the next command starts a new one, with safety limits sent again. */
    private void endDirectTest() {
        direct = false;
        limits = null;
        link.reset();
    }

    /** What (3,1) says about this channel against the lab file's limits (for {@code cellbench probe}). */
    VerifiedFact rangeFact() {
        lock.lock();
        try {
            return ChannelSpec.fact(link::spec, number, settings);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<VerifiedFact> verified() {
        List<VerifiedFact> facts = new ArrayList<>(bank.systemFacts());
        facts.add(rangeFact());
        return facts;
    }

    private void setOutput(DirectOutput next, String command) {
        JsonNode r = link.command(command, MacNetMessages.setDirect(wire, next));
        if (!MacNetResults.ok(r)) {
            int result = r.path("Result").asInt(-1);
            if (result == 2 || result == 4) {
                direct = false;
            }
            throw new InstrumentException(name, command, MacNetResults.why(r, MacNetResults.SET_DIRECT));
        }
        lastOutputNanos = System.nanoTime();
    }

    private void sendLimits(SafetyLimits next) {
        JsonNode r = link.command(MacNetMessages.SAFETY_LIMITS, MacNetMessages.safetyLimits(wire, next));
        double[][] pairs = {
                {next.maxVolt(), r.path("VSafeMax").asDouble(Double.NaN)},
                {next.minVolt(), r.path("VSafeMin").asDouble(Double.NaN)},
                {next.chargeAmpere(), r.path("ISafeChg").asDouble(Double.NaN)},
                {next.dischargeAmpere(), r.path("ISafeDis").asDouble(Double.NaN)}};
        for (double[] p : pairs) {
            if (!(Math.abs(p[0] - p[1]) < 1e-3)) {
                limits = null;
                throw new InstrumentException(name, MacNetMessages.SAFETY_LIMITS, "the cycler did not take the safety"
                        + " limits: sent " + MacNetMessages.safetyLimits(wire, next) + ", it answered " + r);
            }
        }
        limits = next;
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new InstrumentException(name, what, "channel is closed");
        }
        if (bank.isClosed()) {
            throw new InstrumentException(name, what, "the cycler connection is closed");
        }
    }
}
