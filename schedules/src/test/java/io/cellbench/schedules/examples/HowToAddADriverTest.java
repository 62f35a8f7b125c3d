package io.cellbench.schedules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.drivers.Drivers;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.lab.Lab;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabLoader;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipe "a driver" of docs/architecture.md, proven: a driver made of a factory, a channel
 * and one line in a services file (all test-scoped, nothing else edited) is found by name, a
 * lab file that names it passes the lab check (and its declared limits refuse a protocol that
 * asks too much, before anything connects), a schedule runs on it and records samples, and
 * its channel refuses a command beyond its limits before anything is sent.
 */
@Timeout(60)
class HowToAddADriverTest {
    @TempDir
    Path dir;

    private static final String LAB = """
            lab: example bench
            instruments:
              load-1:
                driver: example-load
                max_current: 20 mA
                max_voltage: 10 V
            channels:
              bay-1: load-1
            """;

    private Schedule schedule(String steps) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), "name: two steps\nlimits:\n  voltage: [2.5 V, 4.2 V]\nsteps:\n"
                + steps);
        Files.writeString(dir.resolve("schedule.yaml"), """
                cells:
                  - id: c1
                    nominal_capacity: 10 mAh
                    protocol: p.yaml
                    channel: bay-1
                """);
        return ScheduleLoader.load(dir.resolve("schedule.yaml"));
    }

    @Test
    void aDriverAddedThroughTheServicesFileAloneRunsASchedule() throws Exception {
        assertInstanceOf(ExampleLoadDriverFactory.class, Drivers.all().get(ExampleLoadDriverFactory.NAME));
        LabFile labFile = LabLoader.parse(LAB, "lab.yaml");
        Schedule schedule = schedule("  - Rest for 5 s\n  - Charge at 10 mA for 5 s\n");
        LabCheck.check(schedule, labFile);

        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = new ArrayList<>();
        Map<String, Outcome> outcomes;
        try (Lab lab = new Lab(labFile, new VirtualClock(1.8e9), warnings::add, "HowToAddADriverTest")) {
            outcomes = new ScheduleRunner(schedule, lab, events::add).run();
            ExampleLoadChannel channel = (ExampleLoadChannel) lab.channel("bay-1");
            assertTrue(channel.sent().stream().anyMatch(c -> c instanceof ChannelCommand.Current cc && cc.ampere() == 0.01),
                    "the charge reached the channel: " + channel.sent());
            InstrumentException refused = assertThrows(InstrumentException.class,
                    () -> channel.apply(new ChannelCommand.Current(0.03, 2, 4)));
            assertEquals("load-1: 'CC 0.03 A within 2.0..4.0 V': current 0.03 A is outside ±0.02 A (max_current)",
                    refused.getMessage());
        }
        assertEquals(Map.of("c1", Outcome.COMPLETED), outcomes);
        // 3.0 V at rest, and 3.0 V + 10 Ω × 10 mA while charging: samples of both steps were recorded
        List<Sample> samples = events.stream().filter(e -> e instanceof RunEvent.SampleRecorded)
                .map(e -> ((RunEvent.SampleRecorded) e).sample()).toList();
        assertTrue(samples.stream().anyMatch(x -> x.stepIndex() == 1 && x.voltageVolt() == 3.0), "rest: " + samples);
        assertTrue(samples.stream().anyMatch(x -> x.stepIndex() == 2 && x.currentAmpere() == 0.01
                && Math.abs(x.voltageVolt() - 3.1) < 1e-12), "charge: " + samples);
        assertEquals(List.of(), warnings);
    }

    @Test
    void itsDeclaredLimitsRefuseAProtocolBeforeAnythingConnects() throws Exception {
        LabFile labFile = LabLoader.parse(LAB, "lab.yaml");
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> LabCheck.check(schedule("  - Charge at 30 mA for 5 s\n"), labFile));
        assertTrue(e.getMessage().contains("(max_current)"), e.getMessage());
    }
}
