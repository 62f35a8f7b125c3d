package io.cellbench.importers;

import io.cellbench.importers.arbin.ResReader;
import io.cellbench.importers.bdf.BdfCsvReader;
import io.cellbench.importers.biologic.MprReader;
import io.cellbench.importers.maccor.MaccorEisReader;
import io.cellbench.importers.maccor.MaccorTextReader;
import io.cellbench.importers.neware.NdaReader;
import io.cellbench.importers.neware.NdaxReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader for a file: by its name's ending, confirmed by its first bytes, so a file that
 * is not what its extension says is refused by name before any reading. Maccor names its exports
 * after the test number ({@code .001}, {@code .041}), so files with other endings are recognised
 * by their content alone.
 */
public final class Importers {

    private static final int HEAD = 4096;

    private static final List<CyclerFileReader> READERS = List.of(new NdaxReader(), new NdaReader(), new MprReader(),
            new ResReader(), new BdfCsvReader(), new MaccorTextReader(), new MaccorEisReader());

    private Importers() {
    }

    public static List<CyclerFileReader> all() {
        return READERS;
    }

    /** The reader for {@code file}, or an {@link ImportException} that says what the file is not, and what it looks like. */
    public static CyclerFileReader forFile(Path file) throws ImportException {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new ImportException(file, "empty file (0 bytes)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        // every reader whose ending the name has, longest ending first (".nda.zip" before ".zip")
        List<CyclerFileReader> byName = READERS.stream().filter(r -> longestEnding(r, name) > 0)
                .sorted(java.util.Comparator.comparingInt((CyclerFileReader r) -> -longestEnding(r, name))).toList();
        for (CyclerFileReader reader : byName) {
            if (reader.recognizes(head)) {
                return reader;
            }
        }
        CyclerFileReader byContent = READERS.stream().filter(r -> r.recognizes(head)).findFirst().orElse(null);
        if (!byName.isEmpty()) {
            CyclerFileReader expected = byName.get(0);
            throw new ImportException(file, "not a " + expected.format() + " file as its name says: it should start with "
                    + expected.expectedStart() + " but starts with " + describe(head)
                    + (byContent == null ? "" : " (it looks like " + byContent.format() + ")"));
        }
        if (byContent != null) {
            return byContent;
        }
        throw new ImportException(file, "no reader knows this file (it starts with " + describe(head) + "); readable: "
                + String.join(", ", READERS.stream().map(CyclerFileReader::format).toList()));
    }

    /**
     * Whether a file found in a directory is battery data for {@link #forFile} (which may still
     * refuse it as broken): a reader recognises its first bytes, or its name has a vendor's own
     * ending ({@code .ndax}, {@code .mpr} ...). A file that no reader recognises and whose ending,
     * if any reader's, is one every kind of file uses ({@code .txt}, {@code .csv}) is not: a README,
     * a spreadsheet of notes, a thumbnail cache. A file that cannot be read is, so its error is told.
     */
    public static boolean isBatteryData(Path file) {
        byte[] head;
        try {
            head = head(file);
        } catch (ImportException e) {
            return true;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return READERS.stream().anyMatch(r -> head.length > 0 && r.recognizes(head)
                || r.extensions().stream().anyMatch(e -> name.endsWith(e) && !GENERIC_ENDINGS.contains(e)));
    }

    /** Endings that say nothing of what a file holds: a Maccor export may be a .txt, so may anything else. */
    private static final java.util.Set<String> GENERIC_ENDINGS = java.util.Set.of(".txt", ".csv");

    private static int longestEnding(CyclerFileReader reader, String name) {
        return reader.extensions().stream().filter(name::endsWith).mapToInt(String::length).max().orElse(0);
    }

    private static byte[] head(Path file) throws ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    /** The first bytes, as text where they are printable, else in hex. */
    static String describe(byte[] head) {
        int n = Math.min(head.length, 16);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b > 0x7e) {
                text = false;
            }
        }
        if (text) {
            return "'" + new String(head, 0, n, StandardCharsets.US_ASCII).replace("\n", "\\n").replace("\r", "\\r") + "'";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < n; i++) {
            hex.append(String.format("%02x ", head[i] & 0xff));
        }
        return "bytes " + hex.toString().strip();
    }
}
