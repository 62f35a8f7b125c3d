package io.cellbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every entry of a directory tree with its content (a hash) and kind, to compare a directory before and after. */
record DirectorySnapshot(Map<String, String> entries) {

    static DirectorySnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String name = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    entries.put(name, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "directory");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "file " + Files.size(p) + " bytes, sha-256 " + sha256(Files.readAllBytes(p))
                            + ", modified " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                } else {
                    entries.put(name, "other (socket, device)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirectorySnapshot(entries);
    }

    /** What differs from {@code before}, one line per entry; empty when nothing does. */
    List<String> changesSince(DirectorySnapshot before) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.entries.keySet());
        names.addAll(entries.keySet());
        for (String n : names) {
            String was = before.entries.get(n);
            String is = entries.get(n);
            if (was == null) {
                changes.add("added " + n + ": " + is);
            } else if (is == null) {
                changes.add("removed " + n + ": " + was);
            } else if (!was.equals(is)) {
                changes.add("changed " + n + ": " + was + " -> " + is);
            }
        }
        return changes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
