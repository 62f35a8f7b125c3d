package io.cellbench.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void withoutJitterTheDelaysDoubleExactlyUpToTheCap() {
        Backoff backoff = Backoff.withoutJitter(Duration.ofMillis(300), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(300), backoff.next());
        assertEquals(Duration.ofMillis(600), backoff.next());
        assertEquals(Duration.ofSeconds(1), backoff.next());
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }

    @Test
    void theDrawIsTheCeilingShortenedByUpToHalf() {
        // the runner's read retries depend on this exact arithmetic: a rerun retries at the same times
        Backoff backoff = new Backoff(2.0, 60.0, new SplittableRandom(42));
        SplittableRandom same = new SplittableRandom(42);
        for (int n = 0; n < 8; n++) {
            double ceiling = Math.min(60.0, 2.0 * Math.pow(2, n));
            assertEquals(ceiling * (1 - 0.5 * same.nextDouble()), backoff.nextSecond(), 0.0, "draw " + n);
        }
    }

    @Test
    void refusesAFirstDelayAboveTheLongest() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(5.0, 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0.0, 1.0, null));
    }
}
