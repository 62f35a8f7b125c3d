package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.CellSetup;
import io.cellbench.schedules.runner.ProtocolRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's "done when" for keithley-2450: a demo-style protocol run through the real driver
 * against the virtual lab's simulator over TCP gives the same results as the in-process
 * simulation of the same cell, within noise. Simulator and runner share one fast clock
 * (a {@link ScaledClock}), so hours pass in seconds on real sockets.
 */
@Timeout(300) // a hang guard
class VirtualLabMatchesSimulationTest {
    private static final double SPEED = 1500;

    @TempDir
    Path dir;

    private static final String PROTOCOL = """
            name: a formation cycle at C/2
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              voltage_change: 10 mV
              sample_period: 10 s
            steps:
              - Charge at C/2 until 3.7 V then hold until C/10
              - Rest for 10 minutes
              - Discharge at C/2 until 2.5 V
              - Rest for 10 minutes
            """;

    @Test
    void theKeithleyOverTcpMatchesTheInProcessSimulation() throws Exception {
        Files.writeString(dir.resolve("cycle.yaml"), PROTOCOL);
        double t0 = System.currentTimeMillis() / 1000.0;
        ScaledClock clock = new ScaledClock(t0, SPEED);
        Events wire = new Events();
        ScheduledCell cell;
        try (VirtualLab virtual = VirtualLab.start(VirtualLab.Options.of(1, clock, dir))) {
            virtual.writeLab(dir.resolve("lab.yaml"));
            virtual.writeSchedule(dir.resolve("schedule.yaml"), "cycle.yaml");
            LabFile labFile = LabLoader.load(dir.resolve("lab.yaml"));
            Schedule schedule = ScheduleLoader.load(dir.resolve("schedule.yaml"));
            LabCheck.check(schedule, labFile);
            cell = schedule.cells().get(0);
            try (Lab lab = new Lab(labFile, clock, w -> { throw new AssertionError(w); })) {
                Map<String, RunEvent.Outcome> outcomes = new ScheduleRunner(schedule, lab, wire).run();
                assertEquals(RunEvent.Outcome.COMPLETED, outcomes.get("cell-1"),
                        () -> wire.of("cell-1", RunEvent.RunEnded.class).toString());
            }
        }

        Events local = new Events();
        VirtualClock virtualClock = new VirtualClock(t0);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), cell.simulation().seed(),
                cell.simulation().initialPressurePa(), virtualClock);
        RunEvent.Outcome outcome = new ProtocolRunner(CellSetup.builder(cell.info(), cell.protocol(), bench.channel(),
                virtualClock, local).build()).run();
        assertEquals(RunEvent.Outcome.COMPLETED, outcome);

        List<Sample> overWire = wire.stepEnds("cell-1");
        List<Sample> inProcess = local.stepEnds("cell-1");
        assertEquals(4, overWire.size());
        assertEquals(4, inProcess.size());
        String[] steps = {"charge", "rest", "discharge", "rest"};
        for (int i = 0; i < 4; i++) {
            Sample w = overWire.get(i);
            Sample l = inProcess.get(i);
            System.out.printf(Locale.ROOT, "%-9s  wire: %7.0f s %.4f V %.5f mAh   in-process: %7.0f s %.4f V %.5f mAh%n",
                    steps[i], w.testTimeSecond(), w.voltageVolt(), w.stepCapacityAh() * 1e3,
                    l.testTimeSecond(), l.voltageVolt(), l.stepCapacityAh() * 1e3);
            // capacity and time within 1.5 %: a sample period (10 s) of a ≈ 1 h step is 0.3 %,
            // a busy machine's scheduling jitter costs a few simulated seconds more, and a rest
            // integrates the 2450 range's current noise (≈ 2 µA·600 s ≈ 0.3 µAh)
            assertEquals(l.stepCapacityAh(), w.stepCapacityAh(), 0.015 * Math.abs(l.stepCapacityAh()) + 1e-6,
                    steps[i] + " capacity");
            assertEquals(l.testTimeSecond(), w.testTimeSecond(), 0.015 * l.testTimeSecond(), steps[i] + " end time");
            // A step ends at the first sample past its cut-off. At the discharge knee the voltage
            // falls by tens of mV per simulated minute, and at this speed a sample that a busy
            // machine delays by 50 ms lands 30 simulated seconds later: allow for that there.
            double voltTolerance = steps[i].equals("discharge") ? 0.06 : 0.01;
            assertEquals(l.voltageVolt(), w.voltageVolt(), voltTolerance, steps[i] + " end voltage");
        }
        assertEquals(inProcess.get(2).dischargingCapacityAh(), overWire.get(2).dischargingCapacityAh(),
                0.01 * inProcess.get(2).dischargingCapacityAh(), "discharge capacity within 1 %");
    }
}
