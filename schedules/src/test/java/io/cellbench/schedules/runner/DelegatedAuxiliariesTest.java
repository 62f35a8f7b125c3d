package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delegated cell's samples carry its fixture's stack pressure and its chamber's temperature,
 * as a directly driven cell's do: the cycler's records have neither, so cellbench reads the
 * fixture and the chamber as it follows the program and gives each record the reading taken
 * last before it.
 */
@Timeout(300) // a hang guard
class DelegatedAuxiliariesTest {
    @TempDir
    Path share;

    @Test
    void samplesCarryTheFixturesPressureAndTheChambersTemperature() throws Exception {
        Protocol protocol = BtsBench.protocol("charge under pressure", """
                  - Charge at C/5 for 10 minutes
                  - Rest for 5 minutes
                """);
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (BtsBench b = new BtsBench(share, 100)) {
            // A press settling from 8 to 10 MPa and a chamber warming from 25 to 45 °C during the run.
            FakeFixture fixture = new FakeFixture(b.clock, 8e6, true, 300);
            double pressSet = b.clock.nowUnixSeconds();
            fixture.setPressurePa(10e6);
            FakeChamber chamber = new FakeChamber(b.clock, 25, 300);
            chamber.setTemperatureCelsius(45);
            RunEvent.Outcome outcome = b.runner(protocol, events::add, fixture, chamber).run();
            assertEquals(RunEvent.Outcome.COMPLETED, outcome, events.toString());
            List<Sample> samples = events.stream().filter(e -> e instanceof RunEvent.SampleRecorded)
                    .map(e -> ((RunEvent.SampleRecorded) e).sample()).toList();
            assertTrue(samples.size() > 10, samples.size() + " samples");
            assertTrue(fixture.reads > 10 && chamber.reads > 10, fixture.reads + " fixture reads, " + chamber.reads
                    + " chamber reads");
            Sample previous = null;
            for (Sample s : samples) {
                // Taken before the record: no more than the press had reached at the record's time,
                double reached = 10e6 - 2e6 * Math.exp(-(s.unixTimeSecond() - pressSet) / 300);
                assertTrue(s.appliedPressurePa() >= 8e6 && s.appliedPressurePa() <= reached + 1, s.toString());
                assertTrue(s.ambientTemperatureCelsius() >= 25 && s.ambientTemperatureCelsius() <= 45, s.toString());
                // and never older than the reading a record before it had.
                if (previous != null) {
                    assertTrue(s.appliedPressurePa() >= previous.appliedPressurePa()
                            && s.ambientTemperatureCelsius() >= previous.ambientTemperatureCelsius(), previous + " then " + s);
                }
                previous = s;
            }
            Sample first = samples.getFirst();
            Sample last = samples.getLast();
            assertTrue(last.appliedPressurePa() > first.appliedPressurePa() + 1e6,
                    "the pressure follows the press: " + first + " .. " + last);
            assertTrue(last.ambientTemperatureCelsius() > first.ambientTemperatureCelsius() + 10,
                    "the temperature follows the chamber: " + first + " .. " + last);
        }
    }
}
