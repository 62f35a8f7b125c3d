package io.cellbench.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies a ZIP (an .ndax) with one member's bytes changed: damaged files for bad-input tests. */
public final class ZipEdit {

    private ZipEdit() {
    }

    public static Path copy(Path from, Path to, String member, UnaryOperator<byte[]> change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream out = Files.newOutputStream(to);
                ZipOutputStream zout = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            boolean found = false;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(member)) {
                    bytes = change.apply(bytes.clone());
                    found = true;
                }
                zout.putNextEntry(new ZipEntry(entry.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
            if (!found) {
                throw new IllegalArgumentException(from + " has no member " + member);
            }
        }
        return to;
    }
}
