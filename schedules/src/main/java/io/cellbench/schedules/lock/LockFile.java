package io.cellbench.schedules.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock held through a file (fcntl, by {@link FileChannel#tryLock}): one
 * process at a time holds it, and the kernel drops it when that process ends, however it ends
 * (kill -9 and power cuts included), so a lock is never stale. The holder writes who it is
 * into the file (pid, what it does, since when, host), so that a refusal can name it.
 *
 * <p>The file is created when missing and never deleted: deleting a lock file lets a process
 * that opened the old one and a process that creates a new one both hold "the" lock. Taking
 * the lock writes nothing: the holder writes who it is with {@link #announce} once it is
 * going to write anyway (a refused command must leave its directory as it was). Until then a
 * refusal finds the holder's pid in the kernel's table of locks (/proc/locks on Linux).
 *
 * <p>Within one JVM the kernel's lock cannot tell two holders apart, and closing any channel
 * of the file would drop it; so this class keeps the JVM's held files in a table and never
 * opens a file it holds a second time.
 */
public final class LockFile implements AutoCloseable {
    private static final Map<Path, LockFile> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private LockFile(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Who holds a lock file.
     *
     * @param pid   the process id
     * @param what  what it does ("cellbench resume", "run /lab/runs/b7")
     * @param since when it took the lock (UTC, ISO-8601), or empty when unknown
     * @param host  the machine, or empty when unknown
     */
    public record Holder(long pid, String what, String since, String host) {
        static Holder me(String what) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "";
            }
            return new Holder(ProcessHandle.current().pid(), what,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), host);
        }

        /** "cellbench process 4711 (cellbench resume …, since 2026-11-22T18:02:11Z)", or "cellbench process 4711". */
        public String describe() {
            StringBuilder sb = new StringBuilder("cellbench process " + pid);
            if (!what.isEmpty() || !since.isEmpty()) {
                sb.append(" (").append(what);
                if (!since.isEmpty()) {
                    sb.append(what.isEmpty() ? "" : ", ").append("since ").append(since);
                }
                sb.append(')');
            }
            return sb.toString();
        }

        String text() {
            return "pid=" + pid + "\nwhat=" + what + "\nsince=" + since + "\nhost=" + host + "\n";
        }

        static Holder parse(String text) {
            Map<String, String> v = new java.util.HashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    v.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            long pid;
            try {
                pid = Long.parseLong(v.getOrDefault("pid", "-1"));
            } catch (NumberFormatException e) {
                pid = -1;
            }
            return new Holder(pid, v.getOrDefault("what", ""), v.getOrDefault("since", ""), v.getOrDefault("host", ""));
        }
    }

    /** Refused: another process (or this one) holds the file. */
    public static final class HeldException extends Exception {
        private final transient Holder holder;
        private final boolean thisProcess;

        HeldException(Holder holder, boolean thisProcess) {
            super(thisProcess ? "held by this process" : "held by " + (holder == null ? "another cellbench process"
                    : holder.describe()));
            this.holder = holder;
            this.thisProcess = thisProcess;
        }

        /** The holder as it wrote itself into the file; empty when it had not written yet. */
        public Optional<Holder> holder() {
            return Optional.ofNullable(holder);
        }

        public boolean thisProcess() {
            return thisProcess;
        }

        /** "cellbench process 4711 (…)", or a description of an unknown or this process. */
        public String holderText() {
            if (thisProcess) {
                return "this cellbench process (" + ProcessHandle.current().pid() + ")";
            }
            return holder == null || holder.pid() < 0 ? "another cellbench process (it is just starting)"
                    : holder.describe();
        }
    }

    /**
     * Takes the lock of {@code file} (created, with its directory, when missing) without
     * waiting, and writes {@code what} and this process into it.
     *
     * @throws HeldException when another process, or this one, holds it
     */
    public static LockFile acquire(Path file, String what) throws IOException, HeldException {
        Path key = file.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) {
            throw new HeldException(HELD.get(key).holder, true);
        }
        Files.createDirectories(key.getParent());
        FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close(); // another thread of this JVM just took it (the table is not yet updated)
            throw new HeldException(null, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            try {
                throw new HeldException(holder(key, channel), false);
            } finally {
                channel.close();
            }
        }
        LockFile held = new LockFile(key, channel, lock, Holder.me(what));
        if (HELD.putIfAbsent(key, held) != null) {
            lock.release();
            channel.close();
            throw new HeldException(HELD.get(key).holder, true);
        }
        return held;
    }

    /** Writes who holds the lock into its file, for the refusals of others (see the class comment). */
    public LockFile announce() {
        try {
            byte[] text = holder.text().getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                channel.write(buffer, text.length - buffer.remaining());
            }
        } catch (IOException e) {
            // Who holds it is only for messages; the lock is what counts (a full disk must not stop a resume).
        }
        return this;
    }

    /**
     * Who holds the file's lock, or null when that cannot be told: the kernel's table names
     * the process; what it does comes from the file when the file names that same process
     * (until the holder announces itself, the file still names the previous one, dead).
     */
    private static Holder holder(Path file, FileChannel channel) throws IOException {
        long pid = kernelHolder(file);
        Holder written = read(channel);
        if (written != null && (written.pid() == pid
                || pid < 0 && ProcessHandle.of(written.pid()).map(ProcessHandle::isAlive).orElse(false))) {
            return written;
        }
        return pid < 0 ? null : new Holder(pid, "", "", "");
    }

    /** The pid holding a POSIX lock on {@code file} according to /proc/locks, or -1 where there is none to read. */
    private static long kernelHolder(Path file) {
        Path table = Path.of("/proc/locks");
        try {
            long device = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            return holderIn(Files.readAllLines(table), device, inode);
        } catch (IOException | RuntimeException e) {
            // not Linux, or no such attribute: the file's own words must do
        }
        return -1;
    }

    /**
     * The pid that holds a POSIX lock on the file {@code device} and {@code inode} (as stat
     * gives them) in the lines of /proc/locks, or -1.
     */
    static long holderIn(java.util.List<String> table, long device, long inode) {
        // The kernel prints the device as hex major:minor; stat's st_dev is glibc's makedev of them.
        // The device matters: small inode numbers repeat on every tmpfs and on any two disks.
        long major = ((device >>> 8) & 0xfffL) | ((device >>> 32) & 0xfffff000L);
        long minor = (device & 0xffL) | ((device >>> 12) & 0xffffff00L);
        String file = Long.toHexString(major) + ":" + Long.toHexString(minor) + ":" + inode;
        for (String line : table) {
            String[] f = line.trim().split("\\s+");
            // "1: POSIX  ADVISORY  WRITE 4711 fe:00:2155316 0 EOF" (fcntl locks are POSIX; flock()s are FLOCK)
            if (f.length >= 6 && f[1].equals("POSIX") && sameFile(f[5], file)) {
                return Long.parseLong(f[4]);
            }
        }
        return -1;
    }

    /** "00:29:3" and "0:29:3" name one file: the kernel pads major and minor to two hex digits. */
    private static boolean sameFile(String printed, String file) {
        String[] a = printed.split(":");
        String[] b = file.split(":");
        try {
            return a.length == 3 && Long.parseLong(a[0], 16) == Long.parseLong(b[0], 16)
                    && Long.parseLong(a[1], 16) == Long.parseLong(b[1], 16) && a[2].equals(b[2]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The holder as written into the file; null when nobody wrote one (yet). */
    private static Holder read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long position = 0;
        int n;
        while (buffer.hasRemaining() && (n = channel.read(buffer, position)) > 0) {
            position += n;
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        return text.isBlank() ? null : Holder.parse(text);
    }

    public Path file() {
        return file;
    }

    public Holder holder() {
        return holder;
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() {
        if (HELD.remove(file, this)) {
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel below releases it as well
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the process's end releases it at the latest
                }
            }
        }
    }
}
