package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.schedules.lock.LockFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One process per run directory: every command that writes a run directory (run, resume,
 * demo, repair) holds DIR/cellbench.lock, an operating-system lock (see {@link LockFile}),
 * from before it writes anything until it ends. A second process is refused, naming the
 * first; a process that dies (kill -9, a crash, a power cut) leaves no lock behind.
 */
final class RunDirectoryLock {
    static final String FILE = "cellbench.lock";
    /** Where a detached run (--detach) writes what it prints. */
    static final String LOG = "cellbench.log";

    private RunDirectoryLock() {
    }

    /**
     * Takes the lock of the existing directory {@code dir} for {@code command}.
     *
     * @throws UserError naming the holder, when another process (or this one) holds it
     */
    static LockFile acquire(Path dir, String command) throws IOException {
        try {
            return LockFile.acquire(dir.resolve(FILE), "cellbench " + command + " " + dir.toAbsolutePath().normalize());
        } catch (LockFile.HeldException e) {
            throw new UserError(dir + " is in use by " + e.holderText() + "; only one cellbench process may write a"
                    + " run directory. Watch it with 'cellbench status " + dir + "', stop it with 'cellbench stop "
                    + dir + "'");
        }
    }
}
