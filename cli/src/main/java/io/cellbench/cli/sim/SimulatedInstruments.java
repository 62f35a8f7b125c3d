package io.cellbench.cli.sim;

import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.PacedClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.session.SimulatorFactory;
import java.util.Map;

/**
 * Simulated instruments for every cell of a schedule: a cycler channel, an EIS analyzer, a
 * motorised pressure fixture and a chamber around one simulated solid-state cell.
 * <p>
 * Every cell gets its own clock: at full speed a {@link VirtualClock}, so each runs as fast
 * as its thread can compute; at a finite speed a {@link PacedClock}, so the run can be
 * watched live and a cell never skips ahead of its own sampling.
 */
public final class SimulatedInstruments implements InstrumentProvider {
    /** Simulated instruments for a session (schedules' RunSession), carried through the journal by {@link SimulatedState}. */
    public static final SimulatorFactory FACTORY = new SimulatorFactory() {
        @Override
        public InstrumentProvider open(double startUnixSecond, double speed, Map<String, Double> cellStarts) {
            return new SimulatedInstruments(startUnixSecond, speed, cellStarts);
        }

        @Override
        public String describe(ScheduledCell cell) {
            return SimulatedInstruments.describe(cell);
        }

        @Override
        public InstrumentState state() {
            return new SimulatedState();
        }
    };

    private final double startUnixSecond;
    private final double speed;
    private final Map<String, Double> cellStarts;
    private final long createdNanos = System.nanoTime();

    /** @param speed simulated seconds per real second, or infinity for as fast as possible */
    public SimulatedInstruments(double startUnixSecond, double speed) {
        this(startUnixSecond, speed, Map.of());
    }

    /**
     * For a resumed run: at full speed, each cell's virtual clock starts where the cell's
     * data stopped ({@code cellStarts}, unix seconds), so the interruption lasts no simulated
     * time; at a finite speed, all cells share a clock that reads {@code startUnixSecond} now.
     */
    public SimulatedInstruments(double startUnixSecond, double speed, Map<String, Double> cellStarts) {
        this.startUnixSecond = startUnixSecond;
        this.speed = speed;
        this.cellStarts = Map.copyOf(cellStarts);
    }

    @Override
    public CellInstruments open(ScheduledCell cell) {
        ScheduledCell.Simulation sim = cell.simulation();
        // At a finite speed a cell that waited for a channel or for other cells starts at the
        // simulated time it is now, not back at the run's start.
        boolean mayWait = cell.wiring().pool() != null || cell.wiring().channel() != null
                || !cell.wiring().start().after().isEmpty();
        double waited = Double.isInfinite(speed) || !mayWait ? 0 : (System.nanoTime() - createdNanos) / 1e9 * speed;
        double start = cellStarts.getOrDefault(cell.info().id(), startUnixSecond + waited);
        LabClock clock = Double.isInfinite(speed) ? new VirtualClock(start) : new PacedClock(start, speed);
        CellParameters preset = "pouch".equals(sim.preset()) ? CellParameters.pouch() : CellParameters.coin();
        SimulatedBench bench = SimulatedBench.create(preset, sim.seed(), sim.initialPressurePa(), clock);
        return new CellInstruments(clock, bench.channel(), bench.eis(), 0, bench.fixture(), bench.chamber(), bench);
    }

    /** Describes the instruments for the run's metadata. */
    public static String describe(ScheduledCell cell) {
        ScheduledCell.Simulation sim = cell.simulation();
        var w = cell.wiring();
        String on = w.channel() != null ? " on channel " + w.channel().name()
                : w.pool() != null ? " on a channel of pool " + w.pool().name() : "";
        return "simulated " + sim.preset() + " cell (seed " + sim.seed() + ")" + on + ": cycler channel, EIS analyzer, "
                + "motorised pressure fixture, chamber";
    }
}
