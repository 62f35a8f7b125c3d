package io.cellbench.daq.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A durable, append-only queue of text lines on local disk, for data that must survive
 * until a slow or absent consumer has acknowledged it.
 *
 * <p>Layout of the spool directory:
 * <ul>
 * <li>{@code segment-<offset>.lp}: append-only files of lines, each ending in a line feed;
 *     {@code <offset>} (20 digits) is the position of the file's first byte in the spool's
 *     byte stream. A new segment starts when one would grow past the segment size.</li>
 * <li>{@code committed}: the position up to which lines are acknowledged, replaced
 *     atomically (write a temporary file, rename) after each acknowledged batch.</li>
 * <li>{@code rejected/}: lines the consumer refused, with the reason, kept for a person.</li>
 * <li>{@code spool.lock}: held while a process has the spool open (one process at a time).</li>
 * </ul>
 *
 * <p>Guarantees: {@link #append} returns only after the lines are written to the operating
 * system (and to the disk under {@link SpoolFsync#ALWAYS}). On open, a torn last line
 * (the process was killed mid-write) is cut off, and reading resumes at the committed
 * position; a batch that was delivered but whose commit did not happen is read again, so a
 * consumer must make deliveries idempotent. Segments are deleted once fully acknowledged.
 * Nothing is ever dropped: the spool is bounded only by the disk.
 *
 * <p>Threads: any thread may append; one consumer thread reads and commits.
 */
public final class Spool implements AutoCloseable {

    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.lp");
    private static final String COMMITTED = "committed";
    private static final int READ_CHUNK = 64 * 1024;

    private final Path dir;
    private final SpoolOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SpoolRecovery recovery;

    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Condition unreadGrew = appendLock.newCondition();

    // Append side (guarded by appendLock; volatile where the reader looks).
    private Segment active;
    private FileChannel appendChannel;
    private volatile long appendEnd;
    private volatile long appendedLines;
    private volatile boolean dirty;
    private long wakeReaderAtUnread = Long.MAX_VALUE;
    private boolean wakePending;
    private volatile boolean closed;

    // Reader side (one consumer thread).
    private long readOffset;
    private volatile long readLines;
    private volatile long committedOffset;
    private volatile long committedLines;
    private final long recoveredLines;
    private Segment readSegment;
    private FileChannel readChannel;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_CHUNK);

    private final Thread fsyncThread;

    private Spool(Path dir, SpoolOptions options, FileChannel lockChannel, FileLock lock) throws IOException {
        this.dir = dir;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        List<String> repairs = new ArrayList<>();
        long torn = loadSegments(repairs);
        long committed = readCommitted(repairs);
        long first = segments.isEmpty() ? committed : segments.firstKey();
        long end = segments.isEmpty() ? committed : segments.lastEntry().getValue().end;
        if (committed > end) {
            repairs.add("committed position " + committed + " is past the end of the spool (" + end
                    + "): lines lost in a power cut were already delivered; continuing at the end");
            committed = end;
        }
        committed = Math.max(committed, first);
        this.committedOffset = committed;
        this.readOffset = committed;
        this.appendEnd = end;
        deleteAcknowledged(committed, true);
        this.recoveredLines = countLines(committed, end);
        this.recovery = new SpoolRecovery(recoveredLines, end - committed, torn, repairs);
        openActive(end);
        if (options.fsync() == SpoolFsync.INTERVAL) {
            fsyncThread = Thread.ofPlatform().daemon().name("cellbench-spool-fsync").start(this::fsyncLoop);
        } else {
            fsyncThread = null;
        }
    }

    /**
     * Opens (creating if needed) the spool in {@code dir}, repairing a torn tail and finding
     * what an earlier process left unacknowledged ({@link #recovery()}).
     *
     * @throws IOException if the directory cannot be used, or another process has it open
     */
    public static Spool open(Path dir, SpoolOptions options) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve("spool.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new IOException("spool " + dir + " is in use by another process" + holder
                    + "; give each process its own spool directory");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new Spool(dir, options, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    public SpoolOptions options() {
        return options;
    }

    public SpoolRecovery recovery() {
        return recovery;
    }

    /**
     * Appends {@code lines} complete lines ({@code data[0, length)}, each ending in a line feed).
     * When this returns the lines are in the operating system's hands (on disk under
     * {@link SpoolFsync#ALWAYS}). If writing fails the spool is left as it was before the call;
     * if only the fsync fails, the lines stay in the spool (they may still be delivered) and the
     * caller is told they may not be on disk. Appends from several threads are written one at a
     * time; their fsyncs run outside the lock, so no appender waits for another's.
     */
    public void append(byte[] data, int length, int lines) throws IOException {
        if (length == 0) {
            return;
        }
        if (data[length - 1] != '\n') {
            throw new IllegalArgumentException("spool lines must end in a line feed");
        }
        FileChannel toForce = null;
        appendLock.lock();
        try {
            if (closed) {
                throw new IOException("spool " + dir + " is closed");
            }
            long size = appendEnd - active.start;
            if (size > 0 && size + length > options.segmentBytes()) {
                roll();
                size = 0;
            }
            ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
            try {
                while (buf.hasRemaining()) {
                    appendChannel.write(buf);
                }
            } catch (IOException e) {
                // Leave no partial line behind: the next append must start on a line boundary.
                try {
                    appendChannel.truncate(size);
                    appendChannel.position(size);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            appendedLines += lines;
            appendEnd += length;
            dirty = true;
            if (options.fsync() == SpoolFsync.ALWAYS) {
                toForce = appendChannel;
            }
            if (unread() >= wakeReaderAtUnread) {
                unreadGrew.signalAll();
            }
        } finally {
            appendLock.unlock();
        }
        if (toForce != null) {
            // Outside the lock: every appender waits for its own fsync, none for another's
            // (many channels append here; a slow disk must not serialize them).
            try {
                toForce.force(false);
            } catch (ClosedChannelException e) {
                // Rolled or closed meanwhile: both force the file before closing it.
            }
        }
    }

    /** Convenience for text that holds whole lines. */
    public void append(String lines) throws IOException {
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        int count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        append(bytes, bytes.length, count);
    }

    /** Forces appended lines to disk now (whatever the policy). */
    public void sync() throws IOException {
        FileChannel ch;
        appendLock.lock();
        try {
            ch = appendChannel;
            dirty = false;
        } finally {
            appendLock.unlock();
        }
        try {
            ch.force(false);
        } catch (ClosedChannelException e) {
            // Rolled or closed meanwhile; both force the file first.
        }
    }

    /** Lines appended (or recovered) but not yet read by the consumer. */
    public long unread() {
        return recoveredLines + appendedLines - readLines;
    }

    /**
     * Waits until at least {@code minLines} lines are unread, the timeout passes, or
     * {@link #wakeConsumer()} is called. Returns the number of unread lines.
     */
    public long awaitUnread(long minLines, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        appendLock.lock();
        try {
            wakeReaderAtUnread = minLines;
            while (unread() < minLines && nanos > 0 && !closed && !wakePending) {
                nanos = unreadGrew.awaitNanos(nanos);
            }
            wakePending = false;
            wakeReaderAtUnread = Long.MAX_VALUE;
            return unread();
        } finally {
            appendLock.unlock();
        }
    }

    /** Ends a consumer's {@link #awaitUnread} early. */
    public void wakeConsumer() {
        appendLock.lock();
        try {
            wakePending = true;
            unreadGrew.signalAll();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Reads up to {@code maxLines} whole lines after the last batch read (the first read
     * starts at the committed position). Returns an empty batch when nothing is unread.
     */
    public SpoolBatch read(int maxLines) throws IOException {
        long end = appendEnd;
        long start = readOffset;
        long pos = start;
        int lines = 0;
        byte[] out = new byte[(int) Math.min(Math.max(end - pos, 0), Math.max(READ_CHUNK, 256L * maxLines))];
        int length = 0;
        while (pos < end && lines < maxLines) {
            Map.Entry<Long, Segment> entry = segments.floorEntry(pos);
            if (entry == null) {
                Long next = segments.ceilingKey(pos);
                if (next == null) {
                    break;
                }
                pos = next;
                continue;
            }
            Segment segment = entry.getValue();
            long segmentEnd = Math.min(segment.end, end);
            if (pos >= segmentEnd) {
                Long next = segments.higherKey(segment.start);
                if (next == null) {
                    break;
                }
                pos = next; // a gap left by a truncated torn tail
                continue;
            }
            FileChannel ch = readChannel(segment);
            readBuffer.clear();
            readBuffer.limit((int) Math.min(READ_CHUNK, segmentEnd - pos));
            int n = ch.read(readBuffer, pos - segment.start);
            if (n <= 0) {
                throw new IOException("spool segment " + segment.path + " is shorter than expected at "
                        + (pos - segment.start));
            }
            readBuffer.flip();
            int take = 0;
            while (take < n && lines < maxLines) {
                if (readBuffer.get(take++) == '\n') {
                    lines++;
                }
            }
            if (length + take > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + take));
            }
            readBuffer.get(0, out, length, take);
            length += take;
            pos += take;
        }
        readOffset = pos;
        readLines += lines;
        return new SpoolBatch(start, pos, lines, out, length);
    }

    /** Makes the next {@link #read} start again at the committed position (after a failed delivery). */
    public void rewind() {
        readOffset = committedOffset;
        readLines = committedLines;
    }

    /**
     * Acknowledges a batch (and everything before it): records the new committed position
     * atomically and deletes segments that hold only acknowledged lines.
     */
    public void commit(SpoolBatch batch) throws IOException {
        if (closed) {
            throw new IOException("spool " + dir + " is closed");
        }
        if (batch.endOffset() <= committedOffset) {
            return;
        }
        writeCommitted(batch.endOffset());
        committedOffset = batch.endOffset();
        committedLines += batch.lines();
        deleteAcknowledged(batch.endOffset(), false);
    }

    /** Lines not yet acknowledged (cheap: for checks after every append). */
    public long backlogLines() {
        return recoveredLines + appendedLines - committedLines;
    }

    public SpoolStatus status() {
        long backlog = recoveredLines + appendedLines - committedLines;
        return new SpoolStatus(dir, recoveredLines, appendedLines, committedLines, backlog,
                appendEnd - committedOffset, segments.size());
    }

    public Path rejectedDirectory() {
        return dir.resolve("rejected");
    }

    /**
     * Keeps lines the consumer refused in {@code rejected/}, headed by comment lines with the
     * reason (line protocol ignores lines starting with {@code #}, so a fixed file can be
     * posted again). Returns the file written.
     */
    public Path saveRejected(byte[] data, int offset, int length, long spoolOffset, String reason) throws IOException {
        Path rejected = rejectedDirectory();
        Files.createDirectories(rejected);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = rejected.resolve("rejected-" + stamp + "-" + String.format("%020d", spoolOffset) + ".lp");
        StringBuilder header = new StringBuilder();
        header.append("# rejected ").append(Instant.now()).append('\n');
        for (String line : reason.split("\\R")) {
            header.append("# ").append(line).append('\n');
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.UTF_8)));
            ByteBuffer body = ByteBuffer.wrap(data, offset, length);
            while (body.hasRemaining()) {
                ch.write(body);
            }
            if (options.fsync() != SpoolFsync.NEVER) {
                ch.force(true);
            }
        }
        return file;
    }

    /** Forces what is pending to disk (unless the policy is never), and releases the spool. */
    @Override
    public void close() throws IOException {
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            unreadGrew.signalAll();
        } finally {
            appendLock.unlock();
        }
        if (fsyncThread != null) {
            fsyncThread.interrupt();
        }
        try {
            if (options.fsync() != SpoolFsync.NEVER) {
                appendChannel.force(false);
            }
            appendChannel.close();
            if (readChannel != null) {
                readChannel.close();
            }
            if (committedOffset == appendEnd) {
                // Everything acknowledged (or nothing written): the active segment can go too.
                Files.deleteIfExists(active.path);
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    // ---- internals ----

    private long loadSegments(List<String> repairs) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        long torn = 0;
        for (Path file : files) {
            Matcher m = SEGMENT.matcher(file.getFileName().toString());
            m.matches();
            long start = Long.parseLong(m.group(1));
            long size = Files.size(file);
            long whole = wholeLinesLength(file, size);
            if (whole < size) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(whole);
                    ch.force(true);
                }
                torn += size - whole;
                repairs.add("cut a torn last line (" + (size - whole) + " bytes) from " + file.getFileName());
            }
            Segment segment = new Segment(start, file);
            segment.end = start + whole;
            segments.put(start, segment);
        }
        return torn;
    }

    /** Length of the file up to and including its last line feed. */
    private static long wholeLinesLength(Path file, long size) throws IOException {
        if (size == 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
            long end = size;
            while (end > 0) {
                long from = Math.max(0, end - READ_CHUNK);
                buf.clear().limit((int) (end - from));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, from + buf.position()) < 0) {
                        break;
                    }
                }
                for (int i = buf.position() - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        return from + i + 1;
                    }
                }
                end = from;
            }
            return 0;
        }
    }

    private long readCommitted(List<String> repairs) throws IOException {
        Path file = dir.resolve(COMMITTED);
        long fallback = segments.isEmpty() ? 0 : segments.firstKey();
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (NumberFormatException e) {
            repairs.add("committed position file was unreadable; resending from the oldest segment"
                    + " (InfluxDB overwrites points it already has)");
            return fallback;
        }
    }

    private void writeCommitted(long offset) throws IOException {
        Path tmp = dir.resolve(COMMITTED + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((offset + "\n").getBytes(StandardCharsets.US_ASCII)));
            if (options.fsync() != SpoolFsync.NEVER) {
                ch.force(false);
            }
        }
        try {
            Files.move(tmp, dir.resolve(COMMITTED), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(COMMITTED), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes segments that end at or before {@code committed}; the active one stays. */
    private void deleteAcknowledged(long committed, boolean opening) throws IOException {
        for (Segment segment : segments.values()) {
            boolean isLast = segment.start == segments.lastKey();
            boolean isActive = opening ? isLast : segment == active;
            if (isActive || segment.end > committed || segment.end == Long.MAX_VALUE) {
                continue;
            }
            if (segment == readSegment) {
                readChannel.close();
                readChannel = null;
                readSegment = null;
            }
            Files.deleteIfExists(segment.path);
            segments.remove(segment.start);
        }
    }

    private long countLines(long from, long to) throws IOException {
        long lines = 0;
        for (Segment segment : segments.values()) {
            long a = Math.max(from, segment.start);
            long b = Math.min(to, segment.end);
            if (a >= b) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
                long pos = a;
                while (pos < b) {
                    buf.clear().limit((int) Math.min(READ_CHUNK, b - pos));
                    int n = ch.read(buf, pos - segment.start);
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf.get(i) == '\n') {
                            lines++;
                        }
                    }
                    pos += n;
                }
            }
        }
        return lines;
    }

    private void openActive(long end) throws IOException {
        Map.Entry<Long, Segment> last = segments.lastEntry();
        if (last != null && last.getValue().end - last.getKey() < options.segmentBytes()) {
            active = last.getValue();
            appendChannel = FileChannel.open(active.path, StandardOpenOption.WRITE);
            appendChannel.position(active.end - active.start);
            active.end = Long.MAX_VALUE;
        } else {
            startSegment(end);
        }
    }

    private void roll() throws IOException {
        if (options.fsync() != SpoolFsync.NEVER) {
            appendChannel.force(false);
        }
        appendChannel.close();
        active.end = appendEnd;
        startSegment(appendEnd);
    }

    private void startSegment(long start) throws IOException {
        Path file = dir.resolve(String.format("segment-%020d.lp", start));
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.truncate(0);
        if (options.fsync() != SpoolFsync.NEVER) {
            forceDirectory();
        }
        Segment segment = new Segment(start, file);
        segment.end = Long.MAX_VALUE;
        active = segment;
        appendChannel = ch;
        segments.put(start, segment);
    }

    /** Makes a new file's name durable: without this a power cut can lose the whole file. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every file system allows opening a directory; the file's data is still forced.
        }
    }

    private FileChannel readChannel(Segment segment) throws IOException {
        if (segment != readSegment) {
            if (readChannel != null) {
                readChannel.close();
            }
            readChannel = FileChannel.open(segment.path, StandardOpenOption.READ);
            readSegment = segment;
        }
        return readChannel;
    }

    private void fsyncLoop() {
        long intervalNanos = options.fsyncInterval().toNanos();
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
            } catch (InterruptedException e) {
                return;
            }
            if (dirty) {
                try {
                    sync();
                } catch (IOException e) {
                    // The next append sees the disk's problem as an exception; nothing to add here.
                }
            }
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static final class Segment {
        final long start;
        final Path path;
        /** Position after the segment's last byte; {@code Long.MAX_VALUE} while it is being appended to. */
        volatile long end;

        Segment(long start, Path path) {
            this.start = start;
            this.path = path;
        }
    }
}
