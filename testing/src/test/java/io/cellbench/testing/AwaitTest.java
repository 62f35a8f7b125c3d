package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceTheConditionHoldsHoweverLateItComes() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // the condition turns true only after it was seen false a few times
        Await.until("the fifth poll", () -> {
            if (polls.incrementAndGet() == 5) {
                go.countDown();
            }
            return !other.isAlive();
        });
        assertTrue(polls.get() >= 5, "polled " + polls.get() + " times");
    }

    @Test
    void failsAtTheGuardNamingWhatItWaitedFor() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(Duration.ofMillis(50), () -> "a light that never turns green", () -> false));
        assertEquals("not within 50 ms: a light that never turns green", e.getMessage());
    }

    @Test
    void aFailingConditionEndsTheWaitAtOnce() {
        AssertionError dead = new AssertionError("the process ended while waited for");
        assertSame(dead, assertThrows(AssertionError.class, () -> Await.until("anything", () -> {
            throw dead;
        })));
        AssertionError io = assertThrows(AssertionError.class, () -> Await.until("a file", () -> {
            throw new IOException("disk gone");
        }));
        assertEquals("while waiting for: a file: java.io.IOException: disk gone", io.getMessage());
    }

    @Test
    void theHangGuardIsAMinute() {
        assertEquals(Duration.ofSeconds(60), Await.HANG_GUARD);
    }
}
