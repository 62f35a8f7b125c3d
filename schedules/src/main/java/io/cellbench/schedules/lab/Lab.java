package io.cellbench.schedules.lab;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.Instrument;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.NativeProgramCycler;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.runner.ProgramLink;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The instruments of a lab file at run time. Each instrument is opened when a cell first
 * needs it, and only once: an impedance analyzer, a chamber or a multi-channel cycler serves
 * every cell wired to it through one connection. A cell holds its channel while it runs (a
 * second cell on the same channel is refused) and leaves it at open circuit when it ends;
 * {@link #close} closes everything that was opened, each instrument safely on its own.
 *
 * <p>Before an instrument (or a channel of a multi-channel cycler) is opened it is locked
 * across processes ({@link InstrumentLocks}): a second process is refused, naming this one,
 * rather than opening, and resetting, an instrument in use.
 */
public final class Lab implements InstrumentProvider, AutoCloseable {
    private final LabFile file;
    private final LabClock clock;
    private final Consumer<String> warnings;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final List<Slot> openOrder = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> claims = new ConcurrentHashMap<>();
    private final Map<String, SharedAnalyzer> analyzers = new ConcurrentHashMap<>();
    private final InstrumentLocks locks;
    private volatile boolean closed;

    /**
     * @param clock    the run's clock ({@link io.cellbench.core.time.SystemLabClock} for real
     *                 instruments; a test's shared fast clock for simulators)
     * @param warnings where problems while closing go (they never hide a run's outcome)
     */
    public Lab(LabFile file, LabClock clock, Consumer<String> warnings) {
        this(file, clock, warnings, "cellbench");
    }

    /**
     * @param holder what this process does with the instruments, as a refusal in another
     *               process names it ("run /lab/runs/b7", "probe")
     */
    public Lab(LabFile file, LabClock clock, Consumer<String> warnings, String holder) {
        this.locks = new InstrumentLocks(holder);
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        for (String name : file.instruments().keySet()) {
            slots.put(name, new Slot(file.instruments().get(name)));
        }
    }

    public LabFile file() {
        return file;
    }

    /**
     * The instrument named {@code name}, connected on first use.
     *
     * @throws InstrumentException naming the instrument when it cannot be reached, or when the
     *                             lab has no such instrument
     */
    public Instrument instrument(String name) {
        return open(name, 0);
    }

    /** The instrument, locked as a whole ({@code channel} 0) or for one channel of a multi-channel cycler. */
    private Instrument open(String name, int channel) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new InstrumentException(name, null, "not in lab file " + file.source() + "; its instruments: "
                    + String.join(", ", file.instruments().keySet()));
        }
        String key = InstrumentLocks.key(slot.entry, channel);
        locks.acquire(key, channel > 0 ? name + "/" + channel : name);
        try {
            return slot.get();
        } catch (RuntimeException e) {
            locks.release(key);
            throw e;
        }
    }

    /** The cycler channel a schedule or the command line means by {@code name} ("ch-1", "smu-1", "bank/3"). */
    public CyclerChannel channel(String name) {
        ChannelRef ref = file.channel(name);
        if (ref == null) {
            throw new InstrumentException(name, null, "no such channel in lab file " + file.source() + "; channels: "
                    + String.join(", ", LabCheck.channelNames(file)));
        }
        return channel(ref);
    }

    private CyclerChannel channel(ChannelRef ref) {
        if (ref.delegated()) {
            throw new InstrumentException(ref.text(), null, "runs programs of its own (delegated control): cellbench"
                    + " cannot drive it step by step");
        }
        // a channel of a multi-channel cycler is locked by itself: runs may share the cycler, never a channel
        Instrument i = open(ref.instrument(), ref.number());
        if (i instanceof CyclerBank bank) {
            if (ref.number() == 0) {
                throw new InstrumentException(i.name(), null, "is a cycler with " + bank.channelCount()
                        + " channels: name one of them, e.g. '" + i.name() + "/1'");
            }
            if (ref.number() > bank.channelCount()) {
                throw new InstrumentException(i.name(), null, "has no channel " + ref.number() + " (it has "
                        + bank.channelCount() + ")");
            }
            return bank.channel(ref.number());
        }
        if (i instanceof CyclerChannel c) {
            if (ref.number() > 1) {
                throw new InstrumentException(i.name(), null, "is a single channel: '" + ref.text()
                        + "' does not exist (write '" + i.name() + "')");
            }
            return c;
        }
        throw new InstrumentException(i.name(), null, "is not a cycler channel");
    }

    /** The channel of a cycler that runs its own programs a schedule or the command line means by {@code name} ("nw-1"). */
    public NativeProgramChannel programChannel(String name) {
        ChannelRef ref = file.channel(name);
        if (ref == null || !ref.delegated()) {
            throw new InstrumentException(name, null, "is not a channel of a cycler that runs its own programs in lab"
                    + " file " + file.source());
        }
        return program(ref).channel();
    }

    /** A channel of a cycler that runs its own programs ({@code nw/27-1-1-3}). */
    private ProgramLink program(ChannelRef ref) {
        Instrument i = open(ref.instrument(), 0);
        if (!(i instanceof NativeProgramCycler cycler)) {
            throw new InstrumentException(i.name(), null, "does not run programs of its own: name its channels by"
                    + " number ('" + i.name() + "/1'), not '" + ref.text() + "'");
        }
        try {
            return new ProgramLink(cycler.programChannel(ref.address()));
        } catch (IllegalArgumentException e) {
            throw new InstrumentException(i.name(), null, e.getMessage());
        }
    }

    @Override
    public CellInstruments open(ScheduledCell cell) {
        if (closed) {
            throw new IllegalStateException("the lab is closed");
        }
        String id = cell.info().id();
        Wiring w = cell.wiring();
        if (w.channel() == null) {
            throw new InstrumentException(file.name(), null, "cell " + id + " names no channel"
                    + (w.pool() == null ? "" : " (pool '" + w.pool().name() + "' was not assigned)"));
        }
        ChannelRef ref = file.channel(w.channel().name());
        if (ref == null) {
            throw new InstrumentException(w.channel().name(), null, "cell " + id + ": no such channel in lab file "
                    + file.source());
        }
        String key = ref.delegated() || ref.number() > 0 ? ref.text() : ref.instrument();
        String holder = claims.putIfAbsent(key, id);
        if (holder != null) {
            throw new InstrumentException(key, null, "cell " + id + ": the channel is in use by cell " + holder);
        }
        try {
            ProgramLink program = ref.delegated() ? program(ref) : null;
            CyclerChannel channel = program != null ? null : channel(ref);
            EisAnalyzer eis = null;
            if (w.eis() != null) {
                Instrument i = instrument(w.eis().name());
                if (!(i instanceof EisAnalyzer a)) {
                    throw new InstrumentException(i.name(), null, "is not an impedance analyzer (cell " + id + ")");
                }
                eis = analyzers.computeIfAbsent(i.name(), n -> new SharedAnalyzer(a)).forCell(id);
            }
            PressureFixture fixture = w.fixture() == null ? null
                    : as(w.fixture(), PressureFixture.class, "a pressure fixture", id);
            TemperatureChamber chamber = w.chamber() == null ? null
                    : as(w.chamber(), TemperatureChamber.class, "a temperature chamber", id);
            EisAnalyzer view = eis;
            AutoCloseable release = () -> {
                try {
                    if (view != null) {
                        view.abort();
                    }
                    if (channel != null) { // a program channel is left as its runner left it (running on, or ended)
                        channel.apply(new ChannelCommand.OpenCircuit());
                    }
                } catch (RuntimeException e) {
                    warnings.accept("cell " + id + ": could not leave " + key + " at open circuit: " + e.getMessage());
                } finally {
                    claims.remove(key, id);
                }
            };
            return new CellInstruments(clock, channel, eis, w.muxChannel() == null ? 0 : w.muxChannel(), fixture,
                    chamber, release, program);
        } catch (RuntimeException e) {
            claims.remove(key, id);
            throw e;
        }
    }

    private <T> T as(Wiring.Named named, Class<T> type, String what, String cell) {
        Instrument i = instrument(named.name());
        if (!type.isInstance(i)) {
            throw new InstrumentException(i.name(), null, "is not " + what + " (cell " + cell + ")");
        }
        return type.cast(i);
    }

    /** One line per cell for the run's metadata: which lab instruments serve it. */
    public static String describe(ScheduledCell cell, LabFile lab) {
        Wiring w = cell.wiring();
        StringBuilder sb = new StringBuilder("lab '" + lab.name() + "':");
        if (w.channel() != null) {
            ChannelRef ref = lab.channel(w.channel().name());
            sb.append(" channel ").append(w.channel().name());
            if (ref != null) {
                LabInstrument i = lab.instruments().get(ref.instrument());
                if (!ref.text().equals(w.channel().name())) {
                    sb.append(" = ").append(ref.text());
                }
                sb.append(" (").append(i.driver().name()).append(')');
            }
        } else if (w.pool() != null) {
            sb.append(" a channel of pool ").append(w.pool().name());
        }
        if (w.eis() != null) {
            sb.append(", EIS ").append(w.eis().name()).append(w.muxChannel() == null ? "" : " mux " + w.muxChannel());
        }
        if (w.fixture() != null) {
            sb.append(", fixture ").append(w.fixture().name());
        }
        if (w.chamber() != null) {
            sb.append(", chamber ").append(w.chamber().name());
        }
        return sb.toString();
    }

    /** Closes every instrument that was opened, the last opened first; a failure is a warning. */
    @Override
    public void close() {
        closed = true;
        List<Slot> opened;
        synchronized (openOrder) {
            opened = new ArrayList<>(openOrder);
        }
        Collections.reverse(opened);
        for (Slot s : opened) {
            s.close();
        }
        slots.values().forEach(Slot::close); // one that finished opening while the list was copied
        locks.close();
    }

    /** One instrument, opened at most once at a time; a failed open is tried again by the next cell. */
    private final class Slot {
        private final LabInstrument entry;
        private final ReentrantLock lock = new ReentrantLock();
        private Instrument instrument;

        Slot(LabInstrument entry) {
            this.entry = entry;
        }

        Instrument get() {
            lock.lock();
            try {
                if (closed) {
                    throw new InstrumentException(entry.name(), null, "the lab is closed");
                }
                if (instrument == null) {
                    instrument = entry.driver().open(entry.config());
                    openOrder.add(this);
                }
                return instrument;
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                if (instrument != null) {
                    try {
                        instrument.close();
                    } catch (RuntimeException e) {
                        warnings.accept("closing " + entry.name() + " (" + entry.driver().name() + ") failed: "
                                + e.getMessage());
                    }
                    instrument = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
