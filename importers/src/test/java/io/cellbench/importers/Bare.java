package io.cellbench.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The benchmark's baselines: what any reader of a file must at least do, with no parsing at all. */
final class Bare {

    private static final byte[] BUFFER = new byte[1 << 16];

    private Bare() {
    }

    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Reads the file's bytes (from the page cache, after the first time). */
    static long readBytes(Path file) throws IOException {
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(BUFFER)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    /**
     * Inflates the members a reader needs, one after the other on this thread: for an .ndax every
     * .ndc member but the event and log members, which no reader reads; for another ZIP every member.
     */
    static long inflate(Path file) throws IOException {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean ndax = zip.getEntry("data.ndc") != null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (ndax && (!name.endsWith(".ndc") || name.equals("data_log.ndc") || name.equals("data_es.ndc"))) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(BUFFER)) > 0; ) {
                        total += n;
                    }
                }
            }
        }
        return total;
    }
}
