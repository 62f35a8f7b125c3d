package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --min-free-space SIZE} of run, demo and resume: below this much free space on the run
 * directory's file system every cell is paused at open circuit with an ALARM (see
 * {@link DiskSpaceWatch}); a run does not start below it.
 */
final class MinFreeSpaceOption {
    /** One day of the heaviest run we know (64 cells sampled every second: about 0.9 GB a day) in reserve. */
    static final long DEFAULT_BYTES = 1_000_000_000L;
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kKMGT]i?B|B)?");

    @Option(names = "--min-free-space", paramLabel = "SIZE",
            description = {"Pause every cell at open circuit, with an ALARM, when the run directory's file system",
                "has less free space than this (default: 1 GB; 0 turns the watch off); they go on by",
                "themselves once 20 %% more is free. See docs/operations.md, \"A full disk\"."})
    String text;

    /** The option's value in bytes, or {@code fallback} when it was not given. */
    long orElse(long fallback) {
        return text == null ? fallback : parse(text);
    }

    /** "1 GB", "500MB", "2 GiB", "0" → bytes. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UserError("--min-free-space takes a size such as 1 GB, 500 MB or 2 GiB (0 turns the watch off),"
                    + " got '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        double factor = switch (unit.toUpperCase(Locale.ROOT)) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "KIB" -> 1024.0;
            case "MIB" -> 1024.0 * 1024;
            case "GIB" -> 1024.0 * 1024 * 1024;
            case "TIB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        return (long) (n * factor);
    }

    /** Refuses to start (or resume) a run where there is already less free space than {@code minBytes}; writes nothing. */
    static void requireFree(Path runDirectory, long minBytes, DiskSpaceWatch.FreeSpace free) {
        if (minBytes <= 0) {
            return;
        }
        long bytes;
        try {
            bytes = free.usableBytes();
        } catch (IOException e) {
            return; // unknown: the watch says so once the run is going
        }
        if (bytes < minBytes) {
            throw new UserError("only " + DiskSpaceWatch.size(bytes) + " free on the file system of " + runDirectory
                    + ": below " + DiskSpaceWatch.size(minBytes) + ", where cellbench pauses every cell to keep the"
                    + " disk from filling. Free some space, or give a smaller --min-free-space");
        }
    }
}
