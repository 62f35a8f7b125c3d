package io.cellbench.daq.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cell's stream written in pieces. An Arrow IPC stream cannot be reopened for appending
 * (its end marker is already written, or after a crash its last batch may be torn), so a
 * test that resumes writes a new file: {@code samples.arrows} is segment 0,
 * {@code samples-0001.arrows} segment 1, and so on. Readers read all segments in order.
 */
public final class Segments {

    public static final String EXTENSION = ".arrows";
    /** The IPC end-of-stream marker: continuation token 0xFFFFFFFF, then a zero length. */
    private static final long END_OF_STREAM = 0xFFFFFFFF_00000000L;

    private Segments() {
    }

    /** The segments of {@code base} ("samples", "spectra") in {@code dir}, in order. */
    public static List<Path> list(Path dir, String base) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern pattern = pattern(base);
        record Numbered(int number, Path path) {
        }
        List<Numbered> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    found.add(new Numbered(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), p));
                }
            });
        }
        return found.stream().sorted(Comparator.comparingInt(Numbered::number)).map(Numbered::path).toList();
    }

    /** The file the next segment of {@code base} goes to: one past the highest existing. */
    public static Path next(Path dir, String base) throws IOException {
        List<Path> existing = list(dir, base);
        if (existing.isEmpty()) {
            return dir.resolve(base + EXTENSION);
        }
        Matcher m = pattern(base).matcher(existing.getLast().getFileName().toString());
        int last = m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
        return dir.resolve(String.format("%s-%04d%s", base, last + 1, EXTENSION));
    }

    /**
     * Whether the file ends with the end-of-stream marker, i.e. its writer closed it. A file
     * without one was cut off by a crash or is still being written.
     */
    public static boolean endsWithEndOfStream(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate(8);
            while (tail.hasRemaining()) {
                if (channel.read(tail, size - 8 + tail.position()) < 0) {
                    return false;
                }
            }
            return tail.flip().getLong() == END_OF_STREAM;
        }
    }

    private static Pattern pattern(String base) {
        return Pattern.compile(Pattern.quote(base) + "(?:-(\\d{4,9}))?" + Pattern.quote(EXTENSION));
    }
}
