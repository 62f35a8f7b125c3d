package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule's interlocks hold a delegated cell as they hold a directly driven one (the same
 * {@link Interlock} rule): a stack pressure out of band pauses the program on the cycler, and
 * once it has settled back the program is continued there.
 */
@Timeout(300) // a hang guard
class DelegatedInterlockTest {
    @TempDir
    Path share;

    @Test
    void aPressureOutOfBandPausesTheProgramOnTheCyclerUntilItSettles() throws Exception {
        Protocol protocol = ProtocolLoader.parse("""
                name: long rest under pressure
                limits:
                  voltage: [1.8 V, 3.8 V]
                  pressure: [1 MPa, 50 MPa]
                steps:
                  - Rest for 10 hours
                """, "interlock.yaml");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture fixture = new FakeFixture(b.clock, 10e6, true, 60);
            Coordination interlock = new Coordination(null, null, new InterlockRule(10e6, 1e6, 0.5e6, 30), null);
            DelegatedRunner runner = b.runner(protocol, events::add, fixture, null, interlock);
            AtomicReference<RunEvent.Outcome> outcome = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> outcome.set(runner.run()));
            Await.until("the program runs", () -> "working".equals(b.sim.workstatus(1)));
            fixture.setPressurePa(13e6); // the press drifts out of the 10 ± 1 MPa band
            Await.until(() -> "paused on the cycler: " + b.sim.workstatus(1), () -> "pause".equals(b.sim.workstatus(1)));
            Await.until("the status says paused", () -> runner.status().state() == RunnerStatus.State.PAUSED);
            fixture.setPressurePa(10e6); // back: continued after 30 s within ± 0.5 MPa
            Await.until("continued on the cycler", () -> "working".equals(b.sim.workstatus(1)));
            runner.stop();
            t.join(Duration.ofSeconds(120));
            assertEquals(RunEvent.Outcome.STOPPED, outcome.get());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.message().startsWith("paused on the cycler: pressure interlock: pressure")),
                    events.stream().filter(e -> e instanceof RunEvent.Notice).toList().toString());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.message().equals("continued on the cycler")));
        }
    }
}
