package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.maccor.MacNetMessages.DirectOutput;
import io.cellbench.drivers.maccor.MacNetMessages.SafetyLimits;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel of a Maccor test system in MacNet direct mode: cellbench sets the output and
 * samples it; the cycler keeps its own safety limits and watchdog.
 *
 * <p><b>Commands.</b> MacNet's direct output has a current, a voltage, a power and a
 * resistance that are mutually limiting, and a mode: 'C' charges, 'D' discharges, 'R' rests.
 * <ul>
 * <li>CC with a voltage clamp: charge {@code C, Current=I, Voltage=max} (the channel charges at
 *     I until the cell reaches max, then holds it); discharge {@code D, Current=|I|, Voltage=min}.</li>
 * <li>CV with a current limit: {@code C} (or {@code D} when the cell is above the target),
 *     {@code Current=limit, Voltage=V}. A charge-mode channel never discharges, so a hold just
 *     after a CC charge cannot pull the cell down through its own noise.</li>
 * <li>CP: {@code Power=|P|} with the window's edge as voltage and max_current as current;
 *     constant load: {@code D, Resistance=R} down to safety_min_voltage.</li>
 * <li>Rest: {@code R} (or 0 A charge, see {@link MaccorSettings.Rest}).</li>
 * </ul>
 * The first command starts a direct-mode test on the channel with (6,7) (after a (6,5) reset
 * when a finished or suspended test is still on it); later ones are (6,8). Unused limits are
 * sent as 65536 (outside any range: ignored), an unused resistance as 0.
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
    private final MacNetSession session;
    private final MaccorSettings settings;
    private final int number;
    private final int wire;
    private final String name;
    /** Fair: a runner reading back to back must not starve the keep-alive thread. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean direct;
    private boolean closed;
    private DirectOutput output;
    private SafetyLimits limits;
    private volatile long lastOutputNanos;
    private long lastCommandNanos;
    private boolean anyCommand;
    private double lastVolt = Double.NaN;
    private volatile String feedFailure;

    MaccorChannel(MaccorBank bank, MacNetSession session, MaccorSettings settings, int number) {
        this.bank = bank;
        this.session = session;
        this.settings = settings;
        this.number = number;
        this.wire = number - 1;
        this.name = bank.name() + "/" + number;
    }

    @Override
    public void apply(ChannelCommand command) {
        Objects.requireNonNull(command, "command");
        String problem = check(command);
        if (problem != null) {
            throw new InstrumentException(name, command.describe(), problem);
        }
        lock.lock();
        try {
            requireOpen(command.describe());
            if (command instanceof ChannelCommand.Voltage && Double.isNaN(lastVolt)) {
                readLocked(); // the mode of a CV hold depends on where the cell is
            }
            DirectOutput next = outputFor(command);
            SafetyLimits nextLimits = limitsFor(command, next);
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
            return readStatus();
        } finally {
            lock.unlock();
        }
    }

    /** The auxiliary values (4,4) mapped to this channel (temperatures, pressures...), in the cycler's order. */
    public double[] auxValues() {
        lock.lock();
        try {
            requireOpen(MacNetMessages.READ_AUX);
            return readAux();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public double maxCurrentAmpere() {
        return settings.maxCurrent();
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
                setOutput(restOutput(), MacNetMessages.SET_DIRECT);
            } finally {
                expectOk(MacNetMessages.RESET, command(MacNetMessages.RESET, MacNetMessages.reset(wire)));
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
        MaccorStatus s = readStatus();
        if (direct && s.state() != MaccorStatus.ACTIVE) {
            direct = false;
            String feed = feedFailure;
            throw new InstrumentException(name, MacNetMessages.READ_STATUS, "the channel left direct mode: MacNet"
                    + " reports it " + s.stateName() + " (Stat " + s.state() + "); the cycler's watchdog or a safety"
                    + " limit stopped it" + (feed == null ? "" : "; last watchdog feed failed: " + feed));
        }
        double celsius = Double.NaN;
        if (settings.temperatureAux() > 0) {
            double[] aux = readAux();
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

    private MaccorStatus readStatus() {
        JsonNode r = session.call(name, MacNetMessages.READ_STATUS, MacNetMessages.readStatus(wire), true);
        for (String field : new String[] {"Stat", "Current", "Voltage"}) {
            if (!r.path(field).isNumber()) {
                throw new InstrumentException(name, MacNetMessages.READ_STATUS, "answer has no number '" + field
                        + "': " + r);
            }
        }
        return MaccorStatus.of(number, r);
    }

    private double[] readAux() {
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

    private void startDirect(DirectOutput next) {
        MaccorStatus s = awaitNotActive();
        if (s.state() == MaccorStatus.ACTIVE) {
            throw new InstrumentException(name, MacNetMessages.START_DIRECT, "the channel is already running a test"
                    + " (Stat Active) and was not suspended within " + settings.activeWait().toMillis() + " ms"
                    + " (active_wait); cellbench does not take over a running test — stop it on the cycler");
        }
        if (s.state() == MaccorStatus.COMPLETED || s.state() == MaccorStatus.SUSPENDED) {
            expectOk(MacNetMessages.RESET, command(MacNetMessages.RESET, MacNetMessages.reset(wire)));
        }
        JsonNode r = command(MacNetMessages.START_DIRECT,
                MacNetMessages.startDirect(wire, settings.testName(), next, settings.dataTime()));
        expectOk(MacNetMessages.START_DIRECT, r);
        direct = true;
        lastOutputNanos = System.nanoTime();
    }

    /**
     * The channel's status once it is not Active, or Active after active_wait. MacNet's (4,7)
     * does not say who started a test, so a direct-mode test a killed cellbench left behind
     * cannot be told from an operator's: cellbench takes over neither. The orphan stops by
     * itself: nobody feeds it, so the cycler's watchdog (MacNetDirectModeWD) suspends it, and a
     * resumed run waits for that instead of failing the cell. An operator's test stays Active
     * and is refused after the wait.
     */
    private MaccorStatus awaitNotActive() {
        long deadline = System.nanoTime() + settings.activeWait().toNanos();
        MaccorStatus s = readStatus();
        while (s.state() == MaccorStatus.ACTIVE && System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(Math.min(250_000_000L, Math.max(0, deadline - System.nanoTime())));
            s = readStatus();
        }
        return s;
    }

    private void setOutput(DirectOutput next, String command) {
        JsonNode r = command(command, MacNetMessages.setDirect(wire, next));
        expectOk(command, r);
        lastOutputNanos = System.nanoTime();
    }

    private void sendLimits(SafetyLimits next) {
        JsonNode r = command(MacNetMessages.SAFETY_LIMITS, MacNetMessages.safetyLimits(wire, next));
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

    /**
     * Sends a (6,x) command once command_interval has passed since the answer to the last
     * one. Timed from the answer, not the request: the cycler took the last command somewhere
     * in between, so the gap it sees is never shorter than the interval.
     */
    private JsonNode command(String command, com.fasterxml.jackson.databind.node.ObjectNode params) {
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

    /** MacNet's {@code Result}: "OK" (or 0) when done; (6,8) numbers its refusals. */
    private void expectOk(String command, JsonNode r) {
        JsonNode result = r.path("Result");
        if (result.isTextual() && result.asText().equals("OK") || result.isNumber() && result.asInt() == 0) {
            return;
        }
        String why = result.isNumber() ? switch (result.asInt()) {
            case 1 -> "illegal system type (direct mode works on system type 0 only)";
            case 2 -> "the channel is not active";
            case 3 -> "command sent too fast (MacNet needs 100 ms between commands; raise command_interval)";
            case 4 -> "direct mode is not active (the watchdog or a safety limit may have suspended the channel)";
            case 5 -> "direct mode is not ready yet";
            default -> "refused with result " + result.asInt();
        } : "refused: " + (result.isMissingNode() ? "no 'Result' in " + r : result.asText());
        if (result.isNumber() && (result.asInt() == 2 || result.asInt() == 4)) {
            direct = false;
        }
        throw new InstrumentException(name, command, why);
    }

    private DirectOutput outputFor(ChannelCommand command) {
        double maxA = settings.maxCurrent();
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> restOutput();
            case ChannelCommand.Current c when c.ampere() == 0 -> restOutput();
            case ChannelCommand.Current c -> c.ampere() > 0
                    ? out('C', c.ampere(), c.maxVolt(), MacNetMessages.IGNORE, 0)
                    : out('D', -c.ampere(), c.minVolt(), MacNetMessages.IGNORE, 0);
            case ChannelCommand.Voltage v -> out(v.volt() >= lastVolt - CV_DIRECTION_TOLERANCE ? 'C' : 'D',
                    v.maxAmpere(), v.volt(), MacNetMessages.IGNORE, 0);
            case ChannelCommand.Power p -> p.watt() > 0
                    ? out('C', maxA, p.maxVolt(), p.watt(), 0)
                    : out('D', maxA, p.minVolt(), -p.watt(), 0);
            case ChannelCommand.Resistance r -> out('D', maxA, settings.safetyMinVolt(), MacNetMessages.IGNORE, r.ohm());
        };
    }

    private DirectOutput restOutput() {
        return settings.rest() == MaccorSettings.Rest.MODE_R
                ? new DirectOutput('R', 0, 0, MacNetMessages.IGNORE, 0, 4)
                : new DirectOutput('C', 0, settings.maxVoltage(), MacNetMessages.IGNORE, 0, 4);
    }

    private static DirectOutput out(char mode, double ampere, double volt, double watt, double ohm) {
        return new DirectOutput(mode, ampere, volt, watt, ohm, currentRange(ampere));
    }

    /** The range for a current, by pymacnet's thresholds (150 µA, 5 mA, 150 mA); 4 is the largest. */
    static int currentRange(double ampere) {
        double a = Math.abs(ampere);
        return a == 0 ? 4 : a < 150e-6 ? 1 : a < 5e-3 ? 2 : a < 0.150 ? 3 : 4;
    }

    /** The (6,10) limits for a command: its voltage window widened by the margin; otherwise the last ones. */
    private SafetyLimits limitsFor(ChannelCommand command, DirectOutput next) {
        double margin = settings.safetyMargin();
        SafetyLimits base = limits != null ? limits : window(settings.safetyMinVolt(), settings.safetyMaxVolt(), 0);
        return switch (command) {
            case ChannelCommand.Current c when c.ampere() != 0 -> window(c.minVolt(), c.maxVolt(), margin);
            case ChannelCommand.Power p -> window(p.minVolt(), p.maxVolt(), margin);
            case ChannelCommand.Voltage v -> next.mode() == 'C'
                    ? window(Math.min(base.minVolt() + margin, v.volt()), v.volt(), margin)
                    : window(v.volt(), Math.max(base.maxVolt() - margin, v.volt()), margin);
            default -> base;
        };
    }

    private SafetyLimits window(double minVolt, double maxVolt, double margin) {
        double lo = Math.max(settings.safetyMinVolt(), minVolt - margin);
        double hi = Math.min(settings.safetyMaxVolt(), maxVolt + margin);
        double a = settings.safetyCurrent();
        double w = a * settings.safetyMaxVolt();
        return new SafetyLimits(round(hi), round(lo), a, a, round(w), round(w));
    }

    /** Limits go on the wire with 0.1 mV resolution (no 4.2500000000001 in a transcript). */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new InstrumentException(name, what, "channel is closed");
        }
        if (bank.isClosed()) {
            throw new InstrumentException(name, what, "the cycler connection is closed");
        }
    }

    /** Why the channel refuses {@code command} before sending anything, or null. */
    private String check(ChannelCommand command) {
        double maxA = settings.maxCurrent();
        double maxV = settings.maxVoltage();
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> null;
            case ChannelCommand.Current c -> !Double.isFinite(c.ampere()) || Math.abs(c.ampere()) > maxA
                    ? "current " + c.ampere() + " A is outside ±" + maxA + " A (max_current)"
                    : badWindow(c.minVolt(), c.maxVolt(), maxV);
            case ChannelCommand.Voltage v -> !Double.isFinite(v.volt()) || v.volt() < 0 || v.volt() > maxV
                    ? "voltage " + v.volt() + " V is outside 0.." + maxV + " V (max_voltage)"
                    : !(v.maxAmpere() > 0) || v.maxAmpere() > maxA
                    ? "current limit " + v.maxAmpere() + " A must be > 0 and at most " + maxA + " A (max_current)"
                    : null;
            case ChannelCommand.Power p -> !Double.isFinite(p.watt()) || p.watt() == 0
                    ? "power must be a non-zero number of watts, got " + p.watt()
                    : badWindow(p.minVolt(), p.maxVolt(), maxV);
            case ChannelCommand.Resistance r -> !(r.ohm() > 0) || Double.isInfinite(r.ohm())
                    ? "load resistance must be > 0 Ω, got " + r.ohm()
                    : null;
        };
    }

    private static String badWindow(double minVolt, double maxVolt, double maxV) {
        if (!Double.isFinite(minVolt) || !Double.isFinite(maxVolt) || !(minVolt < maxVolt)) {
            return "voltage window " + minVolt + " .. " + maxVolt + " V must be finite with min < max";
        }
        if (maxVolt > maxV) {
            return "voltage window ends at " + maxVolt + " V, above " + maxV + " V (max_voltage)";
        }
        return null;
    }
}
