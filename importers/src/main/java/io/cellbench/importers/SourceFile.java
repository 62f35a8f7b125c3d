package io.cellbench.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The file a run was imported from: where it was, how big, and its SHA-256 (for run.json).
 *
 * <p>The checksum is computed on a thread of its own while the reader reads the file: it is only
 * needed when run.json is written at the end, and on the reading thread it cost about 4 % of a
 * large .ndax import (docs/import.md). {@link #sha256()} waits for it.
 */
public final class SourceFile {
    private final Path path;
    private final CompletableFuture<Checksum> checksum;

    /** What reading the whole file gives: its size and its SHA-256 in lower-case hex. */
    private record Checksum(long sizeBytes, String sha256) {
    }

    /** A source whose size and checksum are already known. */
    public SourceFile(Path path, long sizeBytes, String sha256) {
        this(path, CompletableFuture.completedFuture(new Checksum(sizeBytes, sha256)));
    }

    private SourceFile(Path path, CompletableFuture<Checksum> checksum) {
        this.path = path;
        this.checksum = checksum;
    }

    /**
     * Opens the file here (so that a file that cannot be opened is an error now, and one deleted
     * once read, as a pipe's copy is, is still read whole) and checksums it on a daemon thread;
     * streams, so any size is fine.
     */
    public static SourceFile of(Path path) throws ImportException {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (IOException e) {
            throw ImportException.io(path, e);
        }
        CompletableFuture<Checksum> checksum = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("sha-256 of " + path.getFileName()).start(() -> {
            try (in) {
                checksum.complete(checksum(in));
            } catch (IOException | RuntimeException e) {
                checksum.completeExceptionally(e);
            }
        });
        return new SourceFile(path, checksum);
    }

    public Path path() {
        return path;
    }

    /**
     * The file's size in bytes, as read whole (a pipe has no size until then), waiting for it if
     * it is still being read.
     */
    public long sizeBytes() {
        return checksum().sizeBytes();
    }

    /**
     * The file's SHA-256 in lower-case hex, waiting for it if it is still being computed.
     *
     * @throws UncheckedIOException if the file could not be read to the end (the message names it)
     */
    public String sha256() {
        return checksum().sha256();
    }

    private Checksum checksum() {
        try {
            return checksum.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(path + ": cannot be read for its checksum (" + io.getMessage() + ")", io);
            }
            throw e;
        }
    }

    private static Checksum checksum(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new Checksum(size, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + "]";
    }
}
