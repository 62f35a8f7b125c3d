package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.Await;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small real disk for a test, without root: a tmpfs mounted in a user and mount namespace of
 * the test's own ({@code unshare --user --map-root-user --mount}, util-linux, as FullDiskTest),
 * held open by a process that sleeps in it. Commands run in it through {@link #prefix()}
 * ({@code nsenter} into that process's namespaces: the path of the mount point is the same
 * inside), and the test reads and writes it from outside through {@code /proc/PID/root}, the
 * holder's view of the file system.
 */
final class SmallDisk implements AutoCloseable {
    private final Process holder;
    private final Path mount;

    private SmallDisk(Process holder, Path mount) {
        this.holder = holder;
        this.mount = mount;
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code mount} (an empty directory) in a namespace of its own. */
    static SmallDisk mount(Path mount, int megabytes, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(mount);
        Path log = logs.resolve("small-disk.log");
        Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "/bin/sh", "-c",
                "mount -t tmpfs -o size=" + megabytes + "m tmpfs '" + mount + "' || exit 90; echo mounted; exec sleep 100000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SmallDisk disk = new SmallDisk(p, mount);
        Await.until(Duration.ofSeconds(60), () -> "unshare and tmpfs must work here (util-linux; a kernel that allows"
                + " user namespaces): " + read(log), () -> {
                    assertTrue(p.isAlive(), () -> "the namespace holder ended: " + read(log));
                    return read(log).contains("mounted");
                });
        return disk;
    }

    /** The command prefix that runs a program inside the disk's namespaces, as the same user. */
    List<String> prefix() {
        return List.of("nsenter", "--preserve-credentials", "--user", "--mount", "--target", Long.toString(holder.pid()));
    }

    /** Where {@code inside} (a path in the namespace, such as one under the mount point) is seen from outside. */
    Path outside(Path inside) {
        return Path.of("/proc/" + holder.pid() + "/root" + inside.toAbsolutePath());
    }

    Path mountPoint() {
        return mount;
    }

    /** Free bytes on the small disk, as the statvfs a run's free-space watch reads. */
    long free() {
        return new File(outside(mount).toString()).getUsableSpace();
    }

    /**
     * Fills the disk with a file of zeros (someone copies a backup there) until at most
     * {@code leave} bytes are free; returns the file (delete it to make room again).
     */
    Path fill(long leave) throws IOException {
        Path ballast = outside(mount.resolve("backup-copy.bin"));
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (free() > leave + block.length) {
                out.write(block);
                out.flush();
            }
        }
        return ballast;
    }

    @Override
    public void close() {
        holder.destroyForcibly(); // the mount goes with the last process of the namespace
        holder.onExit().join();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
