package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The schedule's interlocks reach every cell with the instrument they watch. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScheduleInterlockTest {
    @TempDir
    Path dir;

    @Test
    void aLeakingPressPausesItsCellOnlyAndTheCellCompletes() throws Exception {
        Schedule schedule = TestLab.schedule(dir, """
                interlocks:
                  pressure: {setpoint: 5 MPa, tolerance: 1 MPa, resume_within: 0.5 MPa, settle: 10 s}
                cells:
                  - {id: pressed, nominal_capacity: 2 mAh, protocol: rest.yaml, fixture: press-1}
                  - {id: loose, nominal_capacity: 2 mAh, protocol: rest.yaml}
                """, Map.of("rest.yaml", "name: rest\nsteps:\n  - Rest for 100 s\n"));
        TestLab lab = new TestLab();
        // 5 MPa, except from 20 s to 60 s of the cell's time, when the press leaks down to 3.5 MPa.
        lab.fixtures = clock -> new PressureFixture() {
            @Override
            public double readPressurePa() {
                double t = clock.nowUnixSeconds() - TestLab.T0;
                return t >= 20 - 1e-9 && t < 60 - 1e-9 ? 3.5e6 : 5e6;
            }

            @Override
            public boolean canSetPressure() {
                return false;
            }

            @Override
            public void setPressurePa(double pascal) {
                throw new UnsupportedOperationException("a spring fixture");
            }

            @Override
            public String name() {
                return "press-1";
            }

            @Override
            public String identify() {
                return "test press";
            }

            @Override
            public void close() {
            }
        };
        TestLab.Events events = new TestLab.Events();
        Map<String, Outcome> outcomes = new ScheduleRunner(schedule, lab, events).run();

        assertEquals(Map.of("pressed", Outcome.COMPLETED, "loose", Outcome.COMPLETED), outcomes);
        List<String> notes = events.notices("pressed");
        assertEquals(List.of("paused (pressure interlock: pressure 3.5 MPa is outside 5 MPa ± 1 MPa; resumes after 10 s"
                        + " within ± 0.5 MPa): the channel rests at open circuit; step time stays at 20 s",
                "resumed after a pause of 50 s; the step goes on from 20 s"), notes);
        assertEquals(150.0, events.of(RunEvent.RunEnded.class, "pressed").get(0).testTimeSecond(), 1e-9);
        // The cell without a fixture is neither paused nor warned about: the interlock is not its.
        assertEquals(List.of("a pressure interlock is set but cell loose has no pressure fixture, so nothing pauses"
                + " it for the pressure"), events.notices("loose"));
        assertEquals(100.0, events.of(RunEvent.RunEnded.class, "loose").get(0).testTimeSecond(), 1e-9);
    }
}
