package io.cellbench.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.ProtocolCompiler;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramState;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.drivers.neware.BtsStepSummary;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsChannel;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.runner.CellSetup;
import io.cellbench.schedules.runner.ProtocolRunner;
import io.cellbench.core.instrument.ProgramRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protocol compiled into a Neware step file and run on the BTS simulator through the
 * neware-bts driver does what the same protocol does when cellbench runs it on the same
 * simulated cell: the same currents, the same cut-offs, the same number of loops, and step
 * capacities within 0.5 %.
 */
@Timeout(300)
class NewareCompiledRunTest {
    private static final double T0 = 1_700_000_000;
    private static final long SEED = 7;

    static final String PROTOCOL = """
            name: C/5 cycling, compiled for a Neware
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              sample_period: 1 s
            steps:
              - Rest for 10 minutes
              - Repeat 3 times:
                  - Charge at C/5 until 3.7 V then hold until C/20
                  - Rest for 10 minutes
                  - Discharge at C/5 until 1.9 V
                  - Rest for 10 minutes
            """;

    @TempDir
    Path share;
    @TempDir
    Path work;

    /** One step as either side saw it: its kind, how it ended, the current it drove and what it moved. */
    record StepResult(String kind, double endVolt, double endAmpere, double midAmpere, double capacityAh) {
    }

    @Test
    void theCompiledFileOnTheSimulatorDoesWhatTheProtocolDoesInCellbench() throws Exception {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "cycling.yaml");
        CellParameters cell = CellParameters.coin().withVariation(SEED);
        double capacity = cell.nominalCapacityAh();
        Compiled compiled = ProtocolCompiler.compile(protocol, CompileTarget.NEWARE, new CompileOptions(capacity,
                LocalDateTime.of(2026, 1, 1, 0, 0), UUID.randomUUID()));
        Path program = Files.write(work.resolve("cycling.xml"), compiled.content());

        List<StepResult> bts = onTheNeware(program, cell);
        List<StepResult> direct = inCellbench(protocol, cell);

        List<String> kinds = List.of("rest", "cccv", "rest", "dc", "rest");
        List<String> expected = new ArrayList<>(List.of("rest"));
        for (int cycle = 0; cycle < 3; cycle++) {
            expected.addAll(kinds.subList(1, kinds.size()));
        }
        assertEquals(expected, bts.stream().map(StepResult::kind).toList(), "the Neware's steps, loops included");
        assertEquals(expected.size(), direct.size(), "cellbench ran as many steps");
        for (int i = 0; i < expected.size(); i++) {
            StepResult b = bts.get(i);
            StepResult d = direct.get(i);
            String where = "step " + (i + 1) + " (" + b.kind() + ")";
            switch (b.kind()) {
                case "dc" -> {
                    assertEquals(-0.2 * capacity, b.midAmpere(), 0.01 * capacity, where + ": C/5 on the Neware");
                    assertEquals(d.midAmpere(), b.midAmpere(), 0.005 * capacity, where + ": the same current");
                    assertTrue(b.endVolt() <= 1.9 && b.endVolt() > 1.88, where + " cut off at 1.9 V: " + b);
                    assertTrue(d.endVolt() <= 1.9 && d.endVolt() > 1.88, where + " cut off at 1.9 V in cellbench: " + d);
                }
                case "cccv" -> {
                    assertEquals(d.midAmpere(), b.midAmpere(), 0.005 * capacity, where + ": the same CC current");
                    assertTrue(Math.abs(b.endAmpere()) <= 0.05 * capacity * 1.02, where + " ends at C/20: " + b);
                    assertTrue(Math.abs(d.endAmpere()) <= 0.05 * capacity * 1.02, where + " ends at C/20: " + d);
                    assertEquals(3.7, b.endVolt(), 0.005, where + ": held at 3.7 V");
                }
                default -> assertEquals(0, b.capacityAh(), 1e-12, where + ": a rest moves nothing");
            }
            if (!b.kind().equals("rest")) {
                System.out.printf(Locale.ROOT, "%s: %.6f mAh on the Neware, %.6f mAh in cellbench (%+.3f %%)%n", where,
                        b.capacityAh() * 1e3, d.capacityAh() * 1e3, 100 * (b.capacityAh() / d.capacityAh() - 1));
                assertEquals(d.capacityAh(), b.capacityAh(), 0.005 * d.capacityAh(), where + ": capacity within 0.5 %");
            }
        }
    }

    /** Starts the compiled file through the driver, follows it to its end, and reads its steps back. */
    private List<StepResult> onTheNeware(Path program, CellParameters cell) throws Exception {
        try (BtsSimulator sim = new BtsSimulator("bts", List.of(new SimulatedCell(cell)), new VirtualClock(T0),
                BtsSimulator.Options.of(share).withTick(1))) {
            sim.startTcp();
            NewareBtsSettings settings = NewareBtsSettings.tcp("127.0.0.1", sim.tcpPort())
                    .withShare(share, "C:\\cellbench\\steps").withTimeout(Duration.ofSeconds(30), 2);
            try (NewareBts bts = NewareBts.open("nw", settings)) {
                NewareBtsChannel ch = bts.channel("27-21-1-1");
                ch.start(program, "cell-7");
                long deadline = System.nanoTime() + 240_000_000_000L;
                while (!ch.status().state().ended()) {
                    assertTrue(System.nanoTime() < deadline, "the program did not end within 240 s (hang guard)");
                    Thread.sleep(20);
                }
                assertEquals(ProgramState.FINISHED, ch.status().state(), "a finished program, not a protection stop");
                List<ProgramRecord> records = ch.records(1, Integer.MAX_VALUE);
                List<StepResult> out = new ArrayList<>();
                for (BtsStepSummary s : ch.steps()) {
                    List<ProgramRecord> in = records.subList((int) s.firstPosition() - 1, (int) s.lastPosition());
                    out.add(new StepResult(s.stepType(), s.endVolt(), s.endAmpere(), in.get(in.size() / 4).currentAmpere(),
                            s.capacityAh()));
                }
                return out;
            }
        }
    }

    /** Runs the protocol itself on the same cell through cellbench's runner, step by step. */
    private static List<StepResult> inCellbench(Protocol protocol, CellParameters cell) {
        SharedVirtualClock clock = new SharedVirtualClock(T0);
        SimulatedCyclerChannel channel = new SimulatedCyclerChannel("direct", new SimulatedCell(cell), clock);
        List<List<Sample>> steps = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void on(RunEvent e) {
                if (e instanceof RunEvent.StepStarted s) {
                    steps.add(new ArrayList<>());
                    descriptions.add(s.description());
                } else if (e instanceof RunEvent.SampleRecorded r && !steps.isEmpty()) {
                    steps.getLast().add(r.sample());
                }
            }

            @Override
            public void close() {
            }
        };
        RunEvent.Outcome outcome = new ProtocolRunner(CellSetup.builder(cell.toCellInfo("cell-7"), protocol, channel,
                clock, listener).build()).run();
        assertEquals(RunEvent.Outcome.COMPLETED, outcome);
        List<StepResult> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Sample> s = steps.get(i);
            Sample last = s.getLast();
            String kind = descriptions.get(i).startsWith("Rest") ? "rest"
                    : descriptions.get(i).startsWith("Charge") ? "cccv" : "dc";
            out.add(new StepResult(kind, last.voltageVolt(), last.currentAmpere(), s.get(s.size() / 4).currentAmpere(),
                    Math.abs(last.stepCapacityAh())));
        }
        return out;
    }
}
