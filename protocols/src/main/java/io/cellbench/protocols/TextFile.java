package io.cellbench.protocols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an input file (protocol, schedule, lab, notify) as UTF-8 text, or says precisely why
 * it cannot: no such file, no permission, a folder, too large to be a hand-written file, or
 * not text at all (the line and column of the first byte that is not UTF-8, or of a NUL).
 * A byte-order mark is dropped.
 */
final class TextFile {

    /**
     * The largest file read. A protocol of a few thousand steps is a few hundred kB; beyond
     * this a file is not something a person wrote (and the YAML parser stops at 3 M characters).
     */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private TextFile() {
    }

    static String read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw ProtocolException.forFile(name, "is a folder, not a file", "name the YAML file inside it");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ProtocolException.forFile(name, "no such file", "check the path (relative paths start from "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw ProtocolException.forFile(name, "cannot read the file: permission denied"
                    + (e.getReason() == null ? "" : " (" + e.getReason() + ")"),
                    "check the file's permissions (ls -l " + name + ")");
        } catch (IOException e) {
            throw ProtocolException.forFile(name, "cannot read the file: " + reason(e), "check the path and the disk");
        }
        return decode(bytes, name);
    }

    /** The text of {@code bytes}, or an error at the first byte that is not UTF-8 text. */
    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw notText(name, bytes, at, String.format(Locale.ROOT, "byte 0x%02X is not UTF-8 text", bytes[at] & 0xff));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw notText(name, bytes, utf8Offset(text, nul), "it holds binary data (a NUL byte)");
        }
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    static ProtocolException tooLarge(String name, long size) {
        return ProtocolException.forFile(name, String.format(Locale.ROOT,
                        "the file is %.1f MB; cellbench reads YAML files of up to %d MB", size / 1e6, MAX_BYTES >> 20),
                "is this the file you meant? A protocol repeats steps with 'Repeat N times:' rather than writing them out");
    }

    private static ProtocolException notText(String name, byte[] bytes, int at, String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        return ProtocolException.forFile(name, "not a text file: " + what + " at line " + line + ", column " + column,
                "cellbench reads YAML saved as UTF-8 text: is this the file you meant? If it is, save it again as UTF-8");
    }

    /** The byte offset of char {@code index} of {@code text} when encoded as UTF-8. */
    private static int utf8Offset(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    /** What went wrong, in words: a Java exception's message is often only the path. */
    static String reason(IOException e) {
        String simple = e.getClass().getSimpleName().replace("Exception", "");
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? simple : e.getMessage();
    }
}
