package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each journal write keeps the program state now and the state the write before kept, so a
 * process killed between a journal write and the flush of its samples can go on from the write
 * whose samples did reach the disk.
 */
class ProgramLinkTest {

    @Test
    void eachJournalWriteKeepsTheStateNowAndTheOneBefore() {
        ProgramLink link = new ProgramLink(new Unused());
        assertEquals(0, link.saved().length, "nothing followed yet");
        link.state(new double[] {1, 2});
        assertArrayEquals(new double[] {2, 1, 2}, link.saved(), "the first write has none before it");
        link.state(new double[] {3, 4});
        link.state(new double[] {5, 6}); // states between writes are not kept
        assertArrayEquals(new double[] {2, 5, 6, 1, 2}, link.saved());

        ProgramLink resumed = new ProgramLink(new Unused());
        resumed.restore(new double[] {2, 5, 6, 1, 2}, 42.0);
        assertArrayEquals(new double[] {5, 6}, resumed.state());
        assertArrayEquals(new double[] {1, 2}, resumed.restoredBefore());
        assertEquals(42.0, resumed.dataThrough());
        assertArrayEquals(new double[] {2, 5, 6, 5, 6}, resumed.saved(), "its first write has the restored one before");

        ProgramLink first = new ProgramLink(new Unused());
        first.restore(new double[] {2, 1, 2}, null);
        assertArrayEquals(new double[] {1, 2}, first.state(), "a journal of one state");
        assertNull(first.restoredBefore());
        first.restore(new double[] {9, 1}, null);
        assertNull(first.state(), "a damaged state is no state: the resumed run refuses (it cannot know its records)");
    }

    /** A channel these tests never talk to. */
    private static final class Unused implements NativeProgramChannel {
        @Override
        public String name() {
            return "unused";
        }

        @Override
        public String identify() {
            return "unused";
        }

        @Override
        public void close() {
        }

        @Override
        public void start(Path program, String label) {
            throw new AssertionError();
        }

        @Override
        public ProgramStatus status() {
            throw new AssertionError();
        }

        @Override
        public long recordCount() {
            throw new AssertionError();
        }

        @Override
        public List<ProgramRecord> records(long from, int max) {
            throw new AssertionError();
        }

        @Override
        public void stop() {
            throw new AssertionError();
        }

        @Override
        public void pause() {
            throw new AssertionError();
        }

        @Override
        public void resume() {
            throw new AssertionError();
        }
    }
}
