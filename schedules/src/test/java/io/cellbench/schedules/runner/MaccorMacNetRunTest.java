package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.drivers.maccor.MaccorBank;
import io.cellbench.drivers.maccor.MaccorSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.fixtures.wire.maccor.MacNetSimulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A formation-style protocol on two channels of a Maccor, through the real maccor-macnet driver
 * over TCP to the MacNet simulator, gives the capacities of the same protocol run in process
 * on the same cells.
 */
@Timeout(120)
class MaccorMacNetRunTest {
    private static final double T0 = 1_700_000_000;
    private static final int CHANNELS = 2;

    private static final String FORMATION = """
            name: formation and C/2 cycling over MacNet
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              sample_period: 10 s
            steps:
              - Rest for 10 minutes
              - Charge at C/5 until 3.7 V then hold until C/20
              - Rest for 10 minutes
              - Discharge at C/5 until 1.9 V
              - Rest for 10 minutes
              - Repeat 2 times:
                  - Charge at C/2 until 3.7 V then hold until C/20
                  - Rest for 10 minutes
                  - Discharge at C/2 until 1.9 V
                  - Rest for 10 minutes
            """;

    private static SimulatedCell cell(int channel) {
        return new SimulatedCell(CellParameters.coin().withVariation(channel));
    }

    private static RecordingListener run(Protocol protocol, int channel, CyclerChannel cycler, LabClock clock) {
        RecordingListener events = new RecordingListener();
        ProtocolRunner runner = new ProtocolRunner(CellSetup.builder(
                CellParameters.coin().withVariation(channel).toCellInfo("C" + channel), protocol, cycler, clock,
                events).build());
        Outcome outcome = runner.run();
        assertEquals(Outcome.COMPLETED, outcome, () -> cycler.name() + ": " + events.ended().message());
        return events;
    }

    /** The discharge capacity of each cycle, from its last sample. */
    private static Map<Integer, Double> dischargeCapacities(RecordingListener events) {
        Map<Integer, Double> out = new TreeMap<>();
        for (Sample s : events.samples()) {
            out.put(s.cycleCount(), s.dischargingCapacityAh());
        }
        return out;
    }

    @Test
    void aFormationProtocolOverMacNetGivesTheInProcessCapacities() throws Exception {
        Protocol protocol = ProtocolLoader.parse(FORMATION, "formation.yaml");
        List<SharedVirtualClock> clocks = new ArrayList<>();
        List<SimulatedCell> cells = new ArrayList<>();
        for (int c = 1; c <= CHANNELS; c++) {
            clocks.add(new SharedVirtualClock(T0));
            cells.add(cell(c));
        }
        List<RecordingListener> wire = new ArrayList<>();
        try (MacNetSimulator sim = new MacNetSimulator("maccor-sim", cells, clocks,
                new MacNetSimulator.Options(Duration.ofSeconds(2), Duration.ZERO))) {
            int port = sim.startTcp();
            MaccorSettings settings = MaccorSettings.tcp("127.0.0.1", port)
                    .withPacing(Duration.ofMillis(300), Duration.ofMillis(1))
                    .withLimits(0.02, 4.5, 0.06); // within the simulated channel's range 4 (20 mA), as (3,1) reports it
            try (MaccorBank bank = MaccorBank.open("maccor-1", settings)) {
                ExecutorService pool = Executors.newFixedThreadPool(CHANNELS);
                List<Future<RecordingListener>> runs = new ArrayList<>();
                for (int c = 1; c <= CHANNELS; c++) {
                    int channel = c;
                    runs.add(pool.submit(() -> run(protocol, channel, bank.channel(channel), clocks.get(channel - 1))));
                }
                try {
                    for (Future<RecordingListener> f : runs) {
                        wire.add(f.get());
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("simulator: channel 1 '" + sim.suspendedBecause(1) + "', channel 2 '"
                            + sim.suspendedBecause(2) + "'", e.getCause());
                }
                pool.shutdown();
                for (int c = 1; c <= CHANNELS; c++) {
                    assertEquals("", sim.suspendedBecause(c), "channel " + c + " must never have been suspended");
                }
            }
        }

        for (int c = 1; c <= CHANNELS; c++) {
            SharedVirtualClock clock = new SharedVirtualClock(T0);
            SimulatedCyclerChannel local = new SimulatedCyclerChannel("in-process " + c, cell(c), clock);
            Map<Integer, Double> expected = dischargeCapacities(run(protocol, c, local, clock));
            Map<Integer, Double> actual = dischargeCapacities(wire.get(c - 1));
            assertEquals(expected.keySet(), actual.keySet(), "cycles of channel " + c);
            assertEquals(3, expected.size());
            for (int cycle : expected.keySet()) {
                double e = expected.get(cycle);
                double a = actual.get(cycle);
                assertTrue(e > 0.5 * CellParameters.coin().nominalCapacityAh(), "cycle " + cycle + " capacity " + e);
                assertEquals(e, a, 0.001 * e, "channel " + c + " cycle " + cycle + " discharge capacity (Ah)"
                        + " over MacNet vs in process");
            }
        }
    }
}
