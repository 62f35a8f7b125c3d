package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a real server cannot produce on demand: the client library throwing something
 * unexpected, and a POST that hangs past the close deadline.
 */
class InfluxWriterFaultTest {

    @TempDir
    Path tmp;

    InfluxConfig config() {
        return InfluxConfig.of(URI.create("http://127.0.0.1:1"), "db", tmp.resolve("spool")).withBatchSize(100)
                .withTimings(Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** Records what it is given; can be told to fail or hang first. */
    static final class FakePoster implements LinePoster {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger throwsLeft = new AtomicInteger();
        /** Lines in each POST that threw: the writer must count exactly these as retried. */
        final List<Integer> thrownLines = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hang;
        /** Counted down once a POST hangs, so a test knows the writer is stuck in it. */
        final CountDownLatch hanging = new CountDownLatch(1);
        volatile boolean cancelled;

        @Override
        public PostResult post(String lines) {
            if (throwsLeft.getAndDecrement() > 0) {
                thrownLines.add((int) lines.lines().count());
                throw new IllegalStateException("library surprise");
            }
            CountDownLatch h = hang;
            if (h != null) {
                hanging.countDown();
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new PostResult.Unavailable("Canceled");
            }
            written.addAll(lines.lines().toList());
            return new PostResult.Written();
        }

        @Override
        public String target() {
            return "fake";
        }

        @Override
        public void cancel() {
            cancelled = true;
            CountDownLatch h = hang;
            if (h != null) {
                h.countDown();
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anUnexpectedExceptionFromTheClientIsRetriedAndNothingIsLostOrDoubled() {
        FakePoster poster = new FakePoster();
        poster.throwsLeft.set(3);
        List<SinkNotice> notices = new CopyOnWriteArrayList<>();
        DrainReport report;
        try (InfluxSink sink = InfluxSink.builder(config()).poster(poster).notices(notices::add).open()) {
            for (int i = 0; i < 1000; i++) {
                sink.on(TestData.recorded("F1", i));
            }
            report = sink.drainAndClose(TestData.DRAIN);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(report.drained(), report.message());
        List<String> samples = poster.written.stream().filter(l -> l.startsWith("samples,")).toList();
        assertEquals(1000, samples.size());
        assertEquals(1000, samples.stream().distinct().count());
        // A batch holds what the spool had when the writer read it (up to 100 lines, fewer when it
        // catches up with the samples), and a failed batch is sent again whole: the retried lines
        // are the thrown POSTs' lines, however big each batch happened to be.
        assertEquals(3, poster.thrownLines.size());
        assertEquals(poster.thrownLines.stream().mapToLong(Integer::longValue).sum(),
                report.finalStatus().linesRetried(), report.finalStatus().toString());
        assertTrue(report.finalStatus().lastError().contains("library surprise"), report.finalStatus().lastError());
    }

    @Test
    void closeGivesUpOnAHangingPostAtTheDeadlineAndSaysWhatIsLeft() throws Exception {
        FakePoster poster = new FakePoster();
        poster.hang = new CountDownLatch(1);
        List<SinkNotice> notices = new CopyOnWriteArrayList<>();
        InfluxSink sink = InfluxSink.builder(config()).poster(poster).notices(notices::add).open();
        for (int i = 0; i < 250; i++) {
            sink.on(TestData.recorded("H1", i));
        }
        // Waits for the writer to be stuck in its first POST (a fixed sleep may end before the
        // writer even starts on a loaded machine).
        assertTrue(poster.hanging.await(30, TimeUnit.SECONDS), "the writer never posted");
        // Bounded, not fast: the POST never ends by itself, so an unbounded close would hang
        // here until the two-minute hang guard.
        DrainReport report = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> sink.drainAndClose(Duration.ofMillis(500)), "close is bounded");
        assertTrue(poster.cancelled, "the hanging POST was cancelled");
        assertFalse(report.drained());
        assertTrue(report.linesLeft() >= 250, report.message());
        assertTrue(report.message().contains("are sent when a sink next opens that spool"), report.message());
        assertTrue(notices.stream().anyMatch(n -> n.kind().equals("closed")), notices.toString());

        // The next sink on the same spool sends everything.
        FakePoster next = new FakePoster();
        try (InfluxSink again = InfluxSink.builder(config()).poster(next).notices(n -> { }).open()) {
            assertTrue(again.drainAndClose(TestData.DRAIN).drained());
        }
        assertEquals(250, next.written.stream().filter(l -> l.startsWith("samples,")).count());
    }
}
