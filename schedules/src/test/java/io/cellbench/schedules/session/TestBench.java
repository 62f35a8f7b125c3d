package io.cellbench.schedules.session;

import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.InstrumentProvider;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.testing.CoinSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Simulated coin cells for session tests, each on a virtual clock of its own (as fast as
 * possible), and a small schedule of them to run: what cli's simulated bench does, without cli.
 */
public final class TestBench implements SimulatorFactory {
    /** A bench for {@link Bench.Simulated} at full speed. */
    public static Bench simulated() {
        return new Bench.Simulated(Double.POSITIVE_INFINITY, new TestBench());
    }

    @Override
    public InstrumentProvider open(double startUnixSecond, double speed, Map<String, Double> cellStarts) {
        return cell -> {
            VirtualClock clock = new VirtualClock(cellStarts.getOrDefault(cell.info().id(), startUnixSecond));
            ScheduledCell.Simulation sim = cell.simulation();
            SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), sim.seed(), sim.initialPressurePa(),
                    clock);
            return new CellInstruments(clock, bench.channel(), bench.eis(), 0, bench.fixture(), bench.chamber(), bench);
        };
    }

    @Override
    public String describe(ScheduledCell cell) {
        return "test bench, seed " + cell.simulation().seed();
    }

    @Override
    public InstrumentState state() {
        return InstrumentState.NONE;
    }

    /**
     * Writes a schedule of {@code cells} coin cells ("coin-1" …), each resting, then one C/2
     * charge and discharge with a sample a minute, into {@code dir}; returns the schedule file.
     */
    public static Path schedule(Path dir, List<String> cells) throws IOException {
        return schedule(dir, cells, Map.of());
    }

    /** The same, with the YAML lines {@code settingsOf} gives a cell (such as {@code "start: {after: [coin-1]}"}). */
    public static Path schedule(Path dir, List<String> cells, Map<String, String> settingsOf) throws IOException {
        return CoinSchedule.write(dir, "test cells", cells, """
                name: one cycle
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 60 s
                steps:
                  - Rest for 10 minutes
                  - Charge at C/2 until 3.7 V
                  - Discharge at C/2 until 1.9 V
                """, settingsOf);
    }

    /** A session of {@code schedule} into {@code dir} on this bench, its console {@code console}. */
    static SessionOptions.Builder options(Path dir, Path schedule, java.io.PrintStream console) {
        return SessionOptions.builder(dir, schedule, simulated()).version("test").console(console)
                .environment(Map.of());
    }
}
