package io.cellbench.daq.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    private static SpoolOptions small() {
        return SpoolOptions.defaults().withSegmentBytes(1024);
    }

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("m,cell=A1 v=").append(i).append(' ').append(1000 + i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void readsWhatWasAppendedInBatchesAndDeletesAcknowledgedSegments() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            for (int i = 0; i < 300; i += 10) {
                spool.append(lines(i, i + 10));
            }
            assertTrue(segmentFiles().size() > 5, "1 KiB segments roll: " + segmentFiles());
            StringBuilder seen = new StringBuilder();
            SpoolBatch batch;
            while (!(batch = spool.read(50)).isEmpty()) {
                assertTrue(batch.lines() <= 50);
                seen.append(new String(batch.bytes(), 0, batch.length(), StandardCharsets.UTF_8));
                spool.commit(batch);
            }
            assertEquals(lines(0, 300), seen.toString());
            assertEquals(0, spool.status().backlogLines());
            assertEquals(300, spool.status().committedLines());
            assertEquals(1, segmentFiles().size(), "only the active segment is left");
        }
        assertEquals(0, segmentFiles().size(), "a fully acknowledged spool leaves no segment behind");
    }

    @Test
    void reopenResumesAtTheCommittedPositionAndRereadsAnUncommittedBatch() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(0, 100));
            spool.commit(spool.read(30));
            spool.read(30); // delivered, but the process dies before committing it
        }
        try (Spool spool = Spool.open(dir, small())) {
            assertEquals(70, spool.recovery().backlogLines());
            assertEquals(70, spool.status().backlogLines());
            SpoolBatch batch = spool.read(1000);
            assertEquals(lines(30, 100), batch.text() + "\n");
            spool.append(lines(100, 110));
            spool.commit(batch);
            assertEquals(lines(100, 110), spool.read(1000).text() + "\n");
        }
    }

    @Test
    void rewindReadsTheUncommittedBatchAgain() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(0, 10));
            spool.commit(spool.read(3));
            SpoolBatch failed = spool.read(4);
            spool.rewind();
            assertEquals(7, spool.unread());
            assertEquals(failed.text(), spool.read(4).text());
        }
    }

    @Test
    void aTornLastLineIsCutOffOnOpen() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(0, 5));
        }
        Path last = segmentFiles().getLast();
        Files.writeString(last, "m,cell=A1 v=99 10", StandardOpenOption.APPEND); // killed mid-write
        try (Spool spool = Spool.open(dir, small())) {
            assertEquals(17, spool.recovery().tornBytesTruncated());
            assertTrue(spool.recovery().repairs().getFirst().contains("torn"), spool.recovery().repairs().toString());
            spool.append(lines(5, 7));
            assertEquals(lines(0, 7), spool.read(100).text() + "\n");
        }
    }

    @Test
    void anUnreadableCommittedFileMeansResendingFromTheOldestSegment() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(0, 10));
            spool.commit(spool.read(4));
        }
        Files.writeString(dir.resolve("committed"), "garbage");
        try (Spool spool = Spool.open(dir, small())) {
            assertEquals(10, spool.recovery().backlogLines());
            assertFalse(spool.recovery().repairs().isEmpty());
        }
    }

    @Test
    void aCommittedPositionPastTheEndIsClampedSoNewLinesAreNotSkipped() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(0, 3));
        }
        Files.writeString(dir.resolve("committed"), "999999\n"); // data lost in a power cut, commit kept
        try (Spool spool = Spool.open(dir, small())) {
            spool.append(lines(3, 5));
            assertEquals(lines(3, 5), spool.read(100).text() + "\n");
        }
    }

    @Test
    void onlyOneProcessMayOpenASpool() throws IOException {
        try (Spool spool = Spool.open(dir, small())) {
            IOException e = assertThrows(IOException.class, () -> Spool.open(spool.directory(), small()));
            assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("pid"), e.getMessage());
        }
        Spool.open(dir, small()).close();
    }

    @Test
    void aWaitingConsumerWakesWhenEnoughLinesArrive() throws Exception {
        try (Spool spool = Spool.open(dir, small())) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        Thread.sleep(5); // pacing, so the consumer waits more than once; the outcome does not depend on it
                        spool.append(lines(i, i + 1));
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            // The wait allows an hour: only the lines can end it before the two-minute hang guard.
            long unread = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> spool.awaitUnread(10, 1, TimeUnit.HOURS));
            assertEquals(10, unread);
            producer.join();
            spool.wakeConsumer();
            assertEquals(10, assertTimeoutPreemptively(Duration.ofMinutes(2), () -> spool.awaitUnread(1000, 1,
                    TimeUnit.HOURS)), "woken early");
        }
    }

    @Test
    void rejectedLinesAreKeptWithTheReason() throws IOException {
        try (Spool spool = Spool.open(dir, SpoolOptions.defaults())) {
            byte[] bad = "bad line\n".getBytes(StandardCharsets.UTF_8);
            Path file = spool.saveRejected(bad, 0, bad.length, 42, "unable to parse 'bad line'\nsecond line");
            String text = Files.readString(file);
            assertTrue(text.contains("# unable to parse 'bad line'\n# second line\nbad line\n"), text);
            assertEquals(spool.rejectedDirectory(), file.getParent());
        }
    }

    @Test
    void appendRefusesTextThatDoesNotEndALine() throws IOException {
        try (Spool spool = Spool.open(dir, SpoolOptions.defaults())) {
            byte[] half = "m v=1".getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> spool.append(half, half.length, 1));
        }
    }

    @Test
    void everyPolicyKeepsTheLinesAcrossReopen() throws IOException {
        for (SpoolFsync policy : SpoolFsync.values()) {
            Path d = dir.resolve(policy.toString());
            try (Spool spool = Spool.open(d, small().withFsync(policy))) {
                spool.append(lines(0, 20));
            }
            try (Spool spool = Spool.open(d, small().withFsync(policy))) {
                assertEquals(lines(0, 20), spool.read(100).text() + "\n", policy.toString());
            }
        }
        assertEquals(SpoolFsync.INTERVAL, SpoolFsync.parse(" Interval "));
        assertThrows(IllegalArgumentException.class, () -> SpoolFsync.parse("sometimes"));
    }

    /**
     * Many channels append at once with an fsync each, while segments roll under them: every
     * line is there once, whole, in each channel's order (the fsyncs run outside the lock).
     */
    @Test
    void concurrentAppendersWithFsyncAlwaysLoseAndTearNothing() throws Exception {
        int channels = 8;
        int each = 200;
        try (Spool spool = Spool.open(dir, small().withFsync(SpoolFsync.ALWAYS))) {
            List<Thread> threads = new java.util.ArrayList<>();
            for (int c = 0; c < channels; c++) {
                int channel = c;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            spool.append("m,cell=C" + channel + " v=" + i + " " + (1000 + i) + "\n");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                // 1,600 fsyncs: generous for a slow CI disk; only a stuck appender takes longer
                t.join(TimeUnit.SECONDS.toMillis(120));
                assertFalse(t.isAlive(), "an appender is stuck");
            }
            assertTrue(segmentFiles().size() > 1, "segments rolled meanwhile");
            int[] next = new int[channels];
            int total = 0;
            for (String line : spool.read(channels * each + 1).text().split("\n")) {
                int channel = Integer.parseInt(line.substring(line.indexOf("=C") + 2, line.indexOf(' ')));
                assertEquals("m,cell=C" + channel + " v=" + next[channel] + " " + (1000 + next[channel]), line);
                next[channel]++;
                total++;
            }
            assertEquals(channels * each, total);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }
}
