package io.cellbench.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that a page served beyond this machine (--bind) asks for: 192 random bits,
 * URL-safe, new at every start, kept in a file only its owner can read.
 */
public final class AccessToken {
    /** The file in the run directory that holds the token (mode 600). */
    public static final String FILE = "serve-token";
    static final String COOKIE = "cellbench_token";

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    public static AccessToken generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    /** Constant-time comparison, so the time to answer says nothing about the token. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the token to {@code file}, created afresh readable and writable by its owner only. */
    public void writeTo(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
        Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]"; // never into a log by accident
    }
}
