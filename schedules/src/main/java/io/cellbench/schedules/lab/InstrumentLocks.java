package io.cellbench.schedules.lab;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.schedules.lock.LockFile;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Instruments held by a process, locked across processes: one {@link LockFile} per
 * instrument address in a directory of this user's ({@code $XDG_RUNTIME_DIR/cellbench/instruments},
 * else {@code /tmp/cellbench-USER/instruments}), so that a second process (a {@code probe}, a
 * second run) is refused before its driver opens, and resets, an instrument a run is using.
 *
 * <p>What identifies an instrument is where it is reached, not its name in a lab file (two
 * lab files may name one instrument differently): a TCP instrument by its address and port
 * (the host resolved, so "localhost" and "127.0.0.1" are one), a serial one by its device with
 * symbolic links resolved (/dev/serial/by-id/… and /dev/ttyUSB0 are one), a Modbus device also
 * by its unit id (several share one bus or gateway), and a channel of a multi-channel cycler
 * by its number as well: two runs may use different channels of one Maccor, never the same.
 *
 * <p>Within one process, locks are shared: the cells of a run share instruments by design.
 */
public final class InstrumentLocks implements AutoCloseable {
    /** The locks this JVM holds, with how many Labs hold each. */
    private static final Map<String, Shared> JVM = new HashMap<>();

    private record Shared(LockFile lock, int holders) {
    }

    private final String holder;
    private final Map<String, Boolean> mine = new HashMap<>();

    /** @param holder what this process does, as a refusal elsewhere names it ("run /lab/runs/b7", "probe") */
    public InstrumentLocks(String holder) {
        this.holder = holder;
    }

    /**
     * The key of an instrument entry (and a channel number of a multi-channel cycler, or 0);
     * {@code null} for an entry that names no address (nothing to lock).
     */
    public static String key(LabInstrument entry, int channel) {
        Map<String, Object> s = entry.config().settings();
        String where;
        if (s.get("serial_port") instanceof String port) {
            where = "serial " + realPath(port);
        } else if (s.get("host") instanceof String host) {
            Object port = s.get("port");
            where = "tcp " + address(host) + ":" + (port == null ? "default-" + entry.driver().name() : port);
        } else {
            return null;
        }
        if (entry.driver().name().startsWith("modbus")) {
            where += " unit " + s.getOrDefault("unit_id", "1");
        }
        return channel > 0 ? where + " channel " + channel : where;
    }

    /**
     * Locks {@code key} for {@code instrument} (its name, for the message) before it is opened.
     *
     * @throws InstrumentException naming the process that holds it
     */
    public synchronized void acquire(String key, String instrument) {
        if (key == null || mine.containsKey(key)) {
            return;
        }
        synchronized (JVM) {
            Shared shared = JVM.get(key);
            if (shared == null) {
                try {
                    LockFile lock = LockFile.acquire(file(key), holder).announce();
                    shared = new Shared(lock, 0);
                } catch (LockFile.HeldException e) {
                    throw new InstrumentException(instrument, null, "held by " + describe(e)
                            + ": opening it here could reset it or change what it does. Leave it to that process"
                            + " (watch a run with 'cellbench status DIR'), or stop it first");
                } catch (IOException e) {
                    throw new InstrumentException(instrument, null, "cannot lock it for this process (" + key + ": "
                            + e.getMessage() + ")");
                }
            }
            JVM.put(key, new Shared(shared.lock(), shared.holders() + 1));
        }
        mine.put(key, true);
    }

    /** Releases one lock taken by {@link #acquire} (its open failed). */
    public synchronized void release(String key) {
        if (key != null && mine.remove(key) != null) {
            drop(key);
        }
    }

    /** Releases every lock of this Lab. */
    @Override
    public synchronized void close() {
        mine.keySet().forEach(InstrumentLocks::drop);
        mine.clear();
    }

    private static void drop(String key) {
        synchronized (JVM) {
            Shared shared = JVM.get(key);
            if (shared == null) {
                return;
            }
            if (shared.holders() <= 1) {
                JVM.remove(key);
                shared.lock().close();
            } else {
                JVM.put(key, new Shared(shared.lock(), shared.holders() - 1));
            }
        }
    }

    /** "run /lab/runs/b7 (pid 4711, since …)" as the issue asks; the process alone when it said nothing. */
    private static String describe(LockFile.HeldException e) {
        if (e.thisProcess()) {
            return "this process";
        }
        return e.holder().map(h -> (h.what().isEmpty() ? "cellbench" : h.what()) + " (pid " + h.pid()
                + (h.since().isEmpty() ? "" : ", since " + h.since()) + ")").orElse(e.holderText());
    }

    /** This user's directory of instrument locks. */
    static Path directory() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir;
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            dir = Path.of(runtime, "cellbench", "instruments");
        } else {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "cellbench-" + System.getProperty("user.name"));
            if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(base, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process of ours made it
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(base);
                }
            }
            if (Files.isSymbolicLink(base) || !Files.getOwner(base, LinkOption.NOFOLLOW_LINKS).getName()
                    .equals(System.getProperty("user.name"))) {
                throw new IOException(base + " is not a directory of " + System.getProperty("user.name")
                        + "'s own; set XDG_RUNTIME_DIR or java.io.tmpdir to one");
            }
            dir = base.resolve("instruments");
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static Path file(String key) throws IOException {
        String name = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return directory().resolve(name + "-" + Integer.toHexString(key.hashCode()) + ".lock");
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (IOException | RuntimeException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    private static String realPath(String device) {
        try {
            return Path.of(device).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return device;
        }
    }
}
