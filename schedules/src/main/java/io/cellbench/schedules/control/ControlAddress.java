package io.cellbench.schedules.control;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * Where a run's control socket is: DIR/control.sock. A Unix socket's path may have at most
 * 107 bytes; for a deeper run directory the socket lives in a private directory under the
 * system's temporary directory (mode 700) and DIR/control.sock is a symbolic link to it.
 */
final class ControlAddress {
    static final String FILE = "control.sock";
    /** sun_path holds 108 bytes with the terminating NUL. */
    static final int MAX_PATH_BYTES = 107;

    private ControlAddress() {
    }

    static Path socketFile(Path runDirectory) {
        return runDirectory.toAbsolutePath().normalize().resolve(FILE);
    }

    static boolean fits(Path p) {
        return p.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /** The address to connect to: the socket itself, or the target of the link to it. */
    static UnixDomainSocketAddress connectable(Path link) throws IOException {
        Path p = Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : link;
        if (!fits(p)) {
            throw new IOException("the control socket's path is too long for a Unix socket: " + p);
        }
        return UnixDomainSocketAddress.of(p);
    }

    /** A private directory (mode 700) for a socket whose path in DIR would be too long. */
    static Path privateDirectory() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = posix()
                ? Files.createTempDirectory(tmp, "cellbench-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(tmp, "cellbench-");
        if (!fits(dir.resolve(FILE))) {
            throw new IOException("even " + dir.resolve(FILE) + " is too long for a Unix socket; set java.io.tmpdir "
                    + "to a short directory (e.g. JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=/tmp)");
        }
        return dir;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** This process's user, as the file system names owners. */
    static String me() {
        return System.getProperty("user.name");
    }

    static boolean ownedByMe(Path p) throws IOException {
        UserPrincipal owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS);
        return owner.getName().equals(me());
    }
}
