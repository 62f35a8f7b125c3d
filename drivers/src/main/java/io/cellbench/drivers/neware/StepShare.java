package io.cellbench.drivers.neware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where step files go so that BTS can read them: BTS opens the path a start names on its own
 * PC. With a share, a file is copied into the folder both machines see, under a name that is
 * never reused (a running test's file is never overwritten), and BTS is given the path by which
 * its PC names that folder. Without one, BTS is taken to run on this machine and reads the file
 * where it is.
 */
final class StepShare {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path local;
    private final String onBts;

    StepShare(Path local, String onBts) {
        this.local = local;
        this.onBts = onBts;
    }

    /** Puts {@code program} where BTS reads it; returns the path BTS is to open. */
    String publish(Path program, String channel) throws IOException {
        if (local == null) {
            return program.toAbsolutePath().toString();
        }
        String name = sanitize(channel) + "-" + STAMP.format(LocalDateTime.now()) + "-"
                + sanitize(program.getFileName().toString());
        Path target = local.resolve(name);
        Path temp = local.resolve("." + name + ".tmp");
        Files.copy(program, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return onBts + (onBts.endsWith("\\") || onBts.endsWith("/") ? "" : separator()) + name;
    }

    /** A Windows share path gets a backslash, anything else a slash. */
    private String separator() {
        return onBts.contains("\\") || onBts.matches("^[A-Za-z]:.*") ? "\\" : "/";
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
