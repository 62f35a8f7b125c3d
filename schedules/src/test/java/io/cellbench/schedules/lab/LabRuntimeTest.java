package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import io.cellbench.testing.Await;
import io.cellbench.testing.DeadPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Lab against keithley-2450 simulators of the virtual lab, over real sockets. */
@Timeout(60)
class LabRuntimeTest {
    @TempDir
    Path dir;

    private static final String PROTOCOL = """
            name: a minute of rest
            steps:
              - Rest for 1 minute
            """;

    private Schedule schedule(VirtualLab virtual) throws IOException {
        Files.writeString(dir.resolve("rest.yaml"), PROTOCOL);
        Files.writeString(dir.resolve("schedule.yaml"), virtual.scheduleYaml("rest.yaml"));
        return ScheduleLoader.load(dir.resolve("schedule.yaml"));
    }

    private LabFile labFile(VirtualLab virtual) throws IOException {
        virtual.writeLab(dir.resolve("lab.yaml"));
        return LabLoader.load(dir.resolve("lab.yaml"));
    }

    /** Writes {@code yaml} as lab.yaml and loads it. */
    private LabFile labFile(String yaml) throws IOException {
        Files.writeString(dir.resolve("lab.yaml"), yaml);
        return LabLoader.load(dir.resolve("lab.yaml"));
    }

    /** Writes {@code yaml} as schedule.yaml, beside rest.yaml (a minute of rest), and loads it. */
    private Schedule schedule(String yaml) throws IOException {
        Files.writeString(dir.resolve("rest.yaml"), PROTOCOL);
        Files.writeString(dir.resolve("schedule.yaml"), yaml);
        return ScheduleLoader.load(dir.resolve("schedule.yaml"));
    }

    @Test
    void instrumentsOpenOnceAndAChannelServesOneCellAtATime() throws IOException {
        List<String> warnings = new ArrayList<>();
        try (VirtualLab virtual = VirtualLab.start(VirtualLab.Options.of(2, new SystemLabClock(), dir));
             Lab lab = new Lab(labFile(virtual), new SystemLabClock(), warnings::add)) {
            Schedule s = schedule(virtual);
            ScheduledCell one = s.cells().get(0);
            assertEquals("ch-1", one.wiring().channel().name());
            CellInstruments first = lab.open(one);
            assertSame(lab.instrument("keithley-2450-1"), first.channel(), "the lab's instrument, opened once");
            assertSame(first.channel(), lab.channel("ch-1"));
            assertTrue(first.channel().identify().contains("MODEL 2450"));
            first.channel().apply(new ChannelCommand.Current(1e-3, 1.9, 3.7));

            ScheduledCell intruder = new ScheduledCell(one.at(), s.cells().get(1).info(), one.protocol(),
                    one.simulation(), one.wiring());
            InstrumentException busy = assertThrows(InstrumentException.class, () -> lab.open(intruder));
            assertEquals("keithley-2450-1: cell cell-2: the channel is in use by cell cell-1", busy.getMessage());

            first.close();
            assertEquals(0, first.channel().read().currentAmpere(), 1e-5, "released at open circuit");
            try (CellInstruments again = lab.open(intruder)) {
                assertSame(first.channel(), again.channel(), "the same connection, handed to the next cell");
            }
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aScheduleRunsOnTheLabAndTheLabClosesWhatItOpened() throws Exception {
        List<String> warnings = new ArrayList<>();
        Events events = new Events();
        Lab used;
        try (VirtualLab virtual = VirtualLab.start(VirtualLab.Options.of(2, new SystemLabClock(), dir))) {
            LabFile file = labFile(virtual);
            Schedule s = schedule(virtual);
            LabCheck.check(s, file);
            try (Lab lab = new Lab(file, new SystemLabClock(), warnings::add)) {
                used = lab;
                // a minute is long for a test: stop the cells once every cell has recorded a sample
                // (a fixed 1.5 s may pass before a cell's first sample on a loaded machine)
                ScheduleRunner runner = new ScheduleRunner(s, lab, events);
                Thread stopper = Thread.ofVirtual().start(() -> {
                    try {
                        Await.until("every cell recorded a sample", () -> s.cells().stream().allMatch(c ->
                                !events.of(c.info().id(), RunEvent.SampleRecorded.class).isEmpty()));
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        runner.stop();
                    }
                });
                Map<String, RunEvent.Outcome> outcomes = runner.run();
                stopper.join();
                // every cycler kind of the virtual lab (keithley, maccor, …) serves its own two cells
                assertTrue(outcomes.size() >= 2 && outcomes.keySet().containsAll(List.of("cell-1", "cell-2")), outcomes.toString());
                outcomes.forEach((cell, outcome) -> assertEquals(RunEvent.Outcome.STOPPED, outcome, cell));
                double v = events.of("cell-2", RunEvent.SampleRecorded.class).get(0).sample().voltageVolt();
                assertTrue(v > 2.5 && v < 3.8, "a pristine coin cell's voltage over the wire: " + v);
            }
        }
        assertThrows(IllegalStateException.class, () -> used.open(null), "a closed lab opens nothing");
        assertEquals(List.of(), warnings);
    }

    @Test
    void anInstrumentThatIsNotThereFaultsItsCellNamingTheInstrument() throws Exception {
        // a port nothing listens on for the whole test (a freed port could be taken meanwhile)
        try (DeadPort dead = new DeadPort()) {
            int port = dead.port();
            Files.writeString(dir.resolve("lab.yaml"), """
                    instruments:
                      smu-9: {driver: keithley-2450, host: 127.0.0.1, port: %d, connect_timeout: 1 s}
                    """.formatted(port));
            Files.writeString(dir.resolve("rest.yaml"), PROTOCOL);
            Files.writeString(dir.resolve("schedule.yaml"), """
                    cells:
                      - id: c1
                        nominal_capacity: 2 mAh
                        protocol: rest.yaml
                        channel: smu-9
                    """);
            Events events = new Events();
            try (Lab lab = new Lab(LabLoader.load(dir.resolve("lab.yaml")), new SystemLabClock(), w -> { })) {
                var outcomes = new ScheduleRunner(ScheduleLoader.load(dir.resolve("schedule.yaml")), lab, events).run();
                assertEquals(RunEvent.Outcome.FAULT, outcomes.get("c1"));
            }
            String message = events.of("c1", RunEvent.RunEnded.class).get(0).message();
            assertTrue(message.startsWith("cannot open instruments: smu-9: 'connect': tcp 127.0.0.1:" + port), message);
        }
    }

    @Test
    void aScheduleNamingWhatTheLabLacksIsReportedAtTheName() throws IOException {
        LabFile lab = labFile("""
                instruments:
                  smu-1: {driver: keithley-2450, host: 10.0.0.1}
                channels:
                  left: smu-1
                """);
        Schedule s = schedule("""
                cells:
                  - id: c1
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                    channel: lefft
                  - id: c2
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                    channel: left
                    eis: smu-1
                  - id: c3
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                """);
        List<ProtocolException> p = LabCheck.problems(s, lab);
        assertEquals(3, p.size(), p.toString());
        String file = dir.resolve("schedule.yaml").toString();
        assertEquals(file + ":5:14: error: cell 'c1': no channel 'lefft' in lab file " + dir.resolve("lab.yaml") + "\n"
                + "        channel: lefft\n"
                + "                 ^^^^^\n"
                + "  hint: did you mean 'left'? channels there: left, smu-1", p.get(0).getMessage());
        assertEquals(10, p.get(1).line());
        assertTrue(p.get(1).problem().equals("cell 'c2': 'smu-1' (keithley-2450) is not an impedance analyzer"),
                p.get(1).getMessage());
        assertTrue(p.get(1).hint().equals("impedance analyzers in " + dir.resolve("lab.yaml") + ": none"),
                p.get(1).getMessage());
        assertEquals(11, p.get(2).line());
        assertTrue(p.get(2).problem().startsWith("cell 'c3' names no channel"), p.get(2).getMessage());
        assertEquals(Wiring.NONE.channel(), s.cells().get(2).wiring().channel());
    }

    @Test
    void aPoolsChannelsMustBeCyclerChannelsOfTheLabAndAreReportedAtThePoolEntry() throws IOException {
        LabFile lab = labFile("""
                instruments:
                  smu-1: {driver: keithley-2450, host: 10.0.0.1}
                  smu-2: {driver: keithley-2450, host: 10.0.0.2}
                  eis-1: {driver: palmsens-methodscript, serial_port: /dev/ttyUSB0}
                channels:
                  left: smu-1
                """);
        Schedule s = schedule("""
                pools:
                  bank-a: [left, smu-2, rigth]
                  bank-b:
                    - smu-1
                    - eis-1
                cells:
                  - id: c1
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                    pool: bank-a
                """);
        List<ProtocolException> p = LabCheck.problems(s, lab);
        assertEquals(2, p.size(), p.toString());
        String file = dir.resolve("schedule.yaml").toString();
        assertEquals(file + ":2:25: error: pool 'bank-a': no channel 'rigth' in lab file " + dir.resolve("lab.yaml") + "\n"
                + "      bank-a: [left, smu-2, rigth]\n"
                + "                            ^^^^^\n"
                + "  hint: channels there: left, smu-1, smu-2", p.get(0).getMessage());
        assertEquals(5, p.get(1).line());
        assertEquals(7, p.get(1).column());
        assertEquals("pool 'bank-b': 'eis-1' is eis-1 (palmsens-methodscript), which is not a cycler channel",
                p.get(1).problem());
        // run --lab refuses with every problem, as validate --lab reports them
        ProtocolException all = assertThrows(ProtocolException.class, () -> LabCheck.check(s, lab));
        assertEquals(p.stream().map(ProtocolException::getMessage).toList(),
                all.problems().stream().map(ProtocolException::getMessage).toList());
        assertTrue(all.getMessage().startsWith(p.get(0).getMessage() + "\n" + p.get(1).getMessage()), all.getMessage());
    }

    @Test
    void aMultiplexerChannelCountsFromOne() throws IOException {
        String yaml = """
                cells:
                  - id: c1
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                    channel: left
                    eis: eis-1
                    mux_channel: 0
                """;
        ProtocolException e = assertThrows(ProtocolException.class, () -> schedule(yaml));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("mux_channel '0' is not a channel number"), e.getMessage());
        Wiring w = schedule(yaml.replace("mux_channel: 0", "mux_channel: 3")).cells().get(0).wiring();
        assertEquals(3, w.muxChannel());
        assertEquals("eis-1", w.eis().name());
        assertEquals(6, w.eis().at().line());
        assertEquals(10, w.eis().at().column());
    }

    @Test
    void aRestEndingOnTheVoltageIsRefusedOnAChannelThatCannotMeasureAtRest() throws IOException {
        LabFile lab = labFile("""
                instruments:
                  smu-1: {driver: keithley-2450, host: 10.0.0.1, rest: open-relay}
                  smu-2: {driver: keithley-2450, host: 10.0.0.2}
                """);
        Files.writeString(dir.resolve("relax.yaml"), """
                name: charge and relax
                steps:
                  - Rest for 1 minute
                  - Repeat 2 times:
                      - Charge at C/10 until 3.7 V
                      - Rest until <= 3.6 V or 1 hour
                limits:
                  voltage: [1.9 V, 3.8 V]
                """);
        Schedule s = schedule("""
                pools:
                  both: [smu-2, smu-1]
                cells:
                  - id: c1
                    nominal_capacity: 2 mAh
                    protocol: relax.yaml
                    channel: smu-1
                  - id: c2
                    nominal_capacity: 2 mAh
                    protocol: relax.yaml
                    channel: smu-2
                  - id: c3
                    nominal_capacity: 2 mAh
                    protocol: rest.yaml
                    channel: smu-1
                    start: {after: [c1]}
                  - id: c4
                    nominal_capacity: 2 mAh
                    protocol: relax.yaml
                    pool: both
                """);
        List<ProtocolException> p = LabCheck.problems(s, lab);
        // c2's channel measures at rest and c3 rests on time only: c1 and c4 (whose pool may hand it smu-1) are refused
        assertEquals(2, p.size(), p.toString());
        String protocol = dir.resolve("relax.yaml").toString();
        assertEquals(protocol + ":6:9: error: cell 'c1': 'Rest until <= 3.6 V or 1 hour' ends on the voltage, which"
                + " channel 'smu-1' (rest: open-relay) cannot measure at rest\n"
                + "          - Rest until <= 3.6 V or 1 hour\n"
                + "            ^\n"
                + "  hint: end the rest on time, or change rest: open-relay of smu-1 in " + dir.resolve("lab.yaml"),
                p.get(0).getMessage());
        assertTrue(p.get(1).problem().startsWith("cell 'c4': 'Rest until <= 3.6 V or 1 hour' ends on the voltage"),
                p.get(1).getMessage());
    }
}
