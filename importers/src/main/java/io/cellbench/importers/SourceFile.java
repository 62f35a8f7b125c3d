package io.cellbench.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The file a run was imported from: where it was, how big, and its SHA-256 (for run.json). */
public record SourceFile(Path path, long sizeBytes, String sha256) {

    /** Reads the file once to checksum it; streams, so any size is fine. */
    public static SourceFile of(Path path) throws ImportException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new SourceFile(path, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw ImportException.io(path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
