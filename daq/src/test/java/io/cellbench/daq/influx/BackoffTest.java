package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleWithJitterInTheUpperHalfUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(60), new SplittableRandom(7));
        long ceiling = 200;
        for (int i = 0; i < 20; i++) {
            long d = backoff.next().toMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + i + ": " + d + " not in [" + ceiling / 2 + ", " + ceiling + "]");
            ceiling = Math.min(ceiling * 2, 60_000);
        }
        assertEquals(20, backoff.failures());
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 200);
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(60), new SplittableRandom(1));
        long a = backoff.next().toMillis();
        long b = backoff.next().toMillis();
        long c = backoff.next().toMillis();
        assertTrue(a != b || b != c, a + " " + b + " " + c);
    }
}
