package io.cellbench.schedules.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who holds a lock, as the kernel's table says: the file is its device and its inode, not its
 * inode alone. Small inode numbers repeat on every tmpfs (and on any two disks); with the
 * inode alone, a refused resume on a run directory on a tmpfs named a process that held a lock
 * on another tmpfs, of another test, instead of the resume that held the directory (found by
 * HostileNightSoakTest: "in use by cellbench process 4930", a process that was not the winner
 * of the race).
 */
class LockHolderTest {
    /** /proc/locks as a loaded test machine had it: two tmpfs (0:28, 0:29), each with a lock on its inode 3. */
    private static final List<String> TABLE = List.of(
            "1: POSIX  ADVISORY  WRITE 5048 00:29:3 0 EOF",
            "2: POSIX  ADVISORY  WRITE 5048 fe:00:2154498 0 EOF",
            "3: POSIX  ADVISORY  WRITE 6096 00:28:3 0 EOF",
            "4: FLOCK  ADVISORY  WRITE 7001 00:2a:3 0 EOF");

    @Test
    void theHolderIsTheOneOfTheFilesDeviceAndInode() {
        assertEquals(6096, LockFile.holderIn(TABLE, device(0, 0x28), 3));
        assertEquals(5048, LockFile.holderIn(TABLE, device(0, 0x29), 3));
        assertEquals(5048, LockFile.holderIn(TABLE, device(0xfe, 0), 2154498));
    }

    @Test
    void aLockOnTheSameInodeOfAnotherDeviceIsNobodysHoldOnThisFile() {
        assertEquals(-1, LockFile.holderIn(TABLE, device(0, 0x2b), 3), "no lock on 0:2b:3");
        assertEquals(-1, LockFile.holderIn(TABLE, device(0, 0x2a), 3), "a flock() is not the fcntl lock this class takes");
    }

    @Test
    void largeDeviceNumbersAsGlibcEncodesThem() {
        // major 259 (an NVMe disk), minor 300: both beyond a byte
        assertEquals(42, LockFile.holderIn(List.of("1: POSIX  ADVISORY  WRITE 42 103:12c:77 0 EOF"), device(259, 300), 77));
    }

    /** st_dev as glibc's makedev encodes it, which stat (and Java's "unix:dev") gives. */
    private static long device(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }
}
