package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.lab.LabYaml;
import io.cellbench.fixtures.wire.keithley.Keithley2450Simulator;
import io.cellbench.fixtures.wire.modbus.ModbusPressSimulator;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pressure fixture whose load cell came loose answers NaN in its float32 force register.
 * Its cell ends FAULT at open with a message naming the press, the register and the value;
 * the other cell, on its own press, runs its protocol to the end. Real drivers over real
 * sockets to the keithley-2450 and press simulators.
 */
@Timeout(120)
class FixtureOpenFaultTest {
    @TempDir
    Path dir;

    @Test
    void aPressReadingNaNFaultsOnlyItsOwnCellNamingTheRegister() throws Exception {
        SystemLabClock clock = new SystemLabClock();
        SimulatedCell a = formed();
        SimulatedCell b = formed();
        try (Keithley2450Simulator smu1 = new Keithley2450Simulator(a, clock);
             Keithley2450Simulator smu2 = new Keithley2450Simulator(b, clock);
             ModbusPressSimulator press1 = new ModbusPressSimulator("press-1", a, clock);
             ModbusPressSimulator press2 = new ModbusPressSimulator("press-2", b, clock)) {
            press1.breakSensor(true);
            press1.startTcp();
            press2.startTcp();
            Map<String, Object> entries = new LinkedHashMap<>();
            entries.put("smu-1", Map.of("driver", "keithley-2450", "host", "127.0.0.1", "port", smu1.startTcp()));
            entries.put("smu-2", Map.of("driver", "keithley-2450", "host", "127.0.0.1", "port", smu2.startTcp()));
            entries.put("press-1", press1.labEntry());
            entries.put("press-2", press2.labEntry());
            Files.writeString(dir.resolve("lab.yaml"), LabYaml.instruments(entries));
            Files.writeString(dir.resolve("rest.yaml"), """
                    name: two seconds of rest
                    steps:
                      - Rest for 2 seconds
                    """);
            Files.writeString(dir.resolve("schedule.yaml"), """
                    cells:
                      - {id: c1, nominal_capacity: 2 mAh, protocol: rest.yaml, channel: smu-1, fixture: press-1}
                      - {id: c2, nominal_capacity: 2 mAh, protocol: rest.yaml, channel: smu-2, fixture: press-2}
                    """);
            Events events = new Events();
            Map<String, RunEvent.Outcome> outcomes;
            try (Lab lab = new Lab(LabLoader.load(dir.resolve("lab.yaml")), clock, w -> { })) {
                outcomes = new ScheduleRunner(ScheduleLoader.load(dir.resolve("schedule.yaml")), lab, events).run();
            }
            assertEquals(RunEvent.Outcome.FAULT, outcomes.get("c1"));
            assertEquals("cannot open instruments: press-1: 'read input 0x0000 x2': input 0x0000 float32 (force) holds"
                    + " NaN (registers 7FC0 0000): the device has no value there (a broken or unplugged sensor?)",
                    events.of("c1", RunEvent.RunEnded.class).get(0).message());
            assertEquals(RunEvent.Outcome.COMPLETED, outcomes.get("c2"));
            assertFalse(events.of("c2", RunEvent.SampleRecorded.class).isEmpty());
        }
    }

    private static SimulatedCell formed() {
        SimulatedCell cell = new SimulatedCell(CellParameters.coin());
        cell.completeFormation();
        cell.restAt(0.5);
        cell.setPressurePa(10e6);
        return cell;
    }
}
