package io.cellbench.schedules.execution;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A lab for schedule tests: every cell gets a virtual clock and a simple linear cell on its
 * channel; the EIS analyzer and the chamber named in the schedule are one shared fake each.
 * A cell's channel reads can be held back with a gate, so a test decides who gets where first.
 */
final class TestLab implements InstrumentProvider {
    static final double T0 = 1_800_000_000.0;

    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final SharedAnalyzer analyzer = new SharedAnalyzer();
    final SharedChamber chamber = new SharedChamber();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    /** Makes a cell's pressure fixture (for cells that name one) in the cell's clock. */
    volatile java.util.function.Function<VirtualClock, io.cellbench.core.instrument.PressureFixture> fixtures = c -> null;
    /** Real time each channel read takes, so cells overlap in real time. */
    volatile long readNanos;

    /** Holds back {@code cell}'s channel reads until {@link #letGo}. */
    void gate(String cell) {
        gates.put(cell, new CountDownLatch(1));
    }

    void letGo(String cell) {
        gates.get(cell).countDown();
    }

    @Override
    public CellInstruments open(ScheduledCell cell) {
        String id = cell.info().id();
        VirtualClock clock = new VirtualClock(T0);
        log.add("open " + id + (cell.wiring().channel() == null ? "" : " on " + cell.wiring().channel().name()));
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        LinearCell channel = new LinearCell(id, clock, gates.get(id), readNanos);
        var w = cell.wiring();
        return new CellInstruments(clock, channel, w.eis() == null ? null : analyzer,
                w.muxChannel() == null ? 0 : w.muxChannel(), w.fixture() == null ? null : fixtures.apply(clock),
                w.chamber() == null ? null : chamber, () -> {
                    open.decrementAndGet();
                    log.add("close " + id);
                });
    }

    static Schedule schedule(Path dir, String yaml, Map<String, String> protocols) throws IOException {
        for (var p : protocols.entrySet()) {
            Files.writeString(dir.resolve(p.getKey()), p.getValue());
        }
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, yaml);
        return ScheduleLoader.load(file);
    }

    /** Runs {@code runner} on a thread of its own; its outcomes land in {@code out}. */
    static Thread start(ScheduleRunner runner, AtomicReference<Map<String, Outcome>> out) {
        return Thread.ofPlatform().start(() -> {
            try {
                out.set(runner.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Polls (real time) until {@code condition} holds; fails after {@link Await#HANG_GUARD}. */
    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(what, condition::getAsBoolean);
    }

    /** 3.0 V at rest, +3.6 V per mAh, 10 Ω; only open circuit and constant current. */
    static final class LinearCell implements CyclerChannel {
        private final String name;
        private final VirtualClock clock;
        private final CountDownLatch gate;
        private final long readNanos;
        private ChannelCommand command = new ChannelCommand.OpenCircuit();
        private double chargeAh;
        private double last;

        LinearCell(String cell, VirtualClock clock, CountDownLatch gate, long readNanos) {
            this.name = "ch-" + cell;
            this.clock = clock;
            this.gate = gate;
            this.readNanos = readNanos;
            this.last = clock.nowUnixSeconds();
        }

        private double current() {
            return command instanceof ChannelCommand.Current c ? c.ampere() : 0;
        }

        private void advance() {
            double now = clock.nowUnixSeconds();
            chargeAh += current() * (now - last) / 3600;
            last = now;
        }

        @Override
        public void apply(ChannelCommand c) {
            advance();
            command = c;
        }

        @Override
        public ChannelReading read() {
            if (gate != null) {
                try {
                    if (!gate.await(Await.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                        throw new InstrumentException(name, "read", "the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InstrumentException(name, "read", "interrupted");
                }
            }
            if (readNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(readNanos);
            }
            advance();
            double i = current();
            return new ChannelReading(3.0 + 3600 * chargeAh + 10 * i, i, Double.NaN);
        }

        @Override
        public double maxCurrentAmpere() {
            return 0.1;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String identify() {
            return "test linear cell";
        }

        @Override
        public void close() {
            apply(new ChannelCommand.OpenCircuit());
        }
    }

    /** One analyzer for every cell: counts how many sweeps overlap; a sweep takes real time. */
    static final class SharedAnalyzer implements EisAnalyzer {
        final AtomicInteger sweeping = new AtomicInteger();
        final AtomicInteger maxSweeping = new AtomicInteger();
        final List<Integer> muxOrder = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, CountDownLatch> blocked = new ConcurrentHashMap<>();
        volatile long sweepNanos = 5_000_000;

        @Override
        public List<ImpedancePoint> measure(int mux, EisRequest request) {
            maxSweeping.accumulateAndGet(sweeping.incrementAndGet(), Math::max);
            try {
                muxOrder.add(mux);
                CountDownLatch b = blocked.get(mux);
                if (b != null && !b.await(Await.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                    throw new InstrumentException("eis", "sweep", "the test never let the sweep go on");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(sweepNanos);
                List<ImpedancePoint> points = new ArrayList<>();
                for (double f : request.frequencies()) {
                    points.add(new ImpedancePoint(f, 10 + mux, -1.0 / f));
                }
                return points;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstrumentException("eis", "sweep", "interrupted");
            } finally {
                sweeping.decrementAndGet();
            }
        }

        @Override
        public void abort() {
        }

        @Override
        public String name() {
            return "eis";
        }

        @Override
        public String identify() {
            return "test analyzer";
        }

        @Override
        public void close() {
        }
    }

    /** One chamber for every cell, at its set point at once; records every set. */
    static final class SharedChamber implements TemperatureChamber {
        final List<Double> sets = Collections.synchronizedList(new ArrayList<>());
        private volatile double setpoint = 25;
        /** Real time a set takes (a chamber's controller over a slow serial bus). */
        volatile long setNanos;

        @Override
        public double readTemperatureCelsius() {
            return setpoint;
        }

        @Override
        public double setpointCelsius() {
            return setpoint;
        }

        @Override
        public void setTemperatureCelsius(double celsius) {
            if (setNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(setNanos);
            }
            sets.add(celsius);
            setpoint = celsius;
        }

        @Override
        public String name() {
            return "oven";
        }

        @Override
        public String identify() {
            return "test chamber";
        }

        @Override
        public void close() {
        }
    }

    /** Keeps every event of every cell, in the order they came. */
    static final class Events implements RunListener {
        final List<RunEvent> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void on(RunEvent e) {
            all.add(e);
        }

        @Override
        public void close() {
        }

        List<String> notices(String cell) {
            synchronized (all) {
                return all.stream().filter(e -> e instanceof RunEvent.Notice n && n.cellId().equals(cell))
                        .map(e -> ((RunEvent.Notice) e).message()).toList();
            }
        }

        <T extends RunEvent> List<T> of(Class<T> type, String cell) {
            synchronized (all) {
                return all.stream().filter(type::isInstance).map(type::cast).filter(e -> e.cellId().equals(cell))
                        .toList();
            }
        }

        int indexOf(java.util.function.Predicate<RunEvent> p) {
            synchronized (all) {
                for (int i = 0; i < all.size(); i++) {
                    if (p.test(all.get(i))) {
                        return i;
                    }
                }
                return -1;
            }
        }
    }
}
