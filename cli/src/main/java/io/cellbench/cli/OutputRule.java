package io.cellbench.cli;

import io.cellbench.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one rule for everything cellbench writes (docs/operations.md, "What cellbench never
 * overwrites"): nothing that holds recorded data is deleted or overwritten, whatever the
 * command.
 * <ul>
 *   <li>A run directory ({@code run}, {@code demo} --out) is new, empty, or holds only the
 *       bookkeeping files cellbench puts there before any data (the lock, the log of a
 *       detached run). {@code demo} alone may replace an earlier demo, when it can prove the
 *       directory holds that and nothing else ({@link DemoDirectory}).</li>
 *   <li>A file or directory a command writes ({@code plot -o}, {@code data … -o},
 *       {@code virtual-lab --write-lab}, {@code --schedule-out}) never lies in the recorded part
 *       of a run directory, is never a directory given as a file, and an existing file is
 *       replaced only when it is the command's own kind (a figure, a lab file virtual-lab wrote).</li>
 * </ul>
 */
public final class OutputRule {
    /** Top-level files of a run directory (layout: docs/data.md). */
    static final Set<String> RUN_FILES = Set.of("run.json", "events.jsonl", RunDirectoryLock.FILE,
            RunDirectoryLock.LOG, "control.sock", "serve-token", "run.json.tmp");
    /** Top-level directories of a run directory: everything under them is the run's. */
    static final Set<String> RUN_DIRECTORIES = Set.of("cells", "journal", "inputs", "influx-spool");
    /** What cellbench puts in a run directory before any data: a directory holding only these is still new. */
    static final Set<String> BOOKKEEPING = Set.of(RunDirectoryLock.FILE, RunDirectoryLock.LOG);

    private OutputRule() {
    }

    /** True for a directory some cellbench run, resume, demo or repair has written. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve("run.json"))
                || Files.isRegularFile(dir.resolve("journal/run-mode.json"))
                || Files.isDirectory(dir.resolve("cells"))
                || Files.isRegularFile(dir.resolve("events.jsonl")));
    }

    /** A directory that does not exist, is empty, or holds only {@link #BOOKKEEPING} files. */
    static boolean isNew(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> BOOKKEEPING.contains(p.getFileName().toString()));
        }
    }

    /** Refuses a {@code --out} that is not {@linkplain #isNew new}; writes nothing. */
    static void requireNewRunDirectory(Path dir) throws IOException {
        if (!isNew(dir)) {
            throw new UserError(dir + (Files.isDirectory(dir) ? " already exists and is not empty"
                    : " exists and is not a directory") + "; choose a new --out directory (cellbench never writes"
                    + " over recorded data)" + (isRunDirectory(dir) ? "; to continue that run: cellbench resume " + dir : ""));
        }
    }

    /** The run directory whose recorded part {@code path} lies in, if any. */
    static Optional<Path> recordedPartOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> ancestors = new java.util.ArrayList<>();
        for (Path a = p.getParent(); a != null; a = a.getParent()) {
            ancestors.add(a);
        }
        Path child = p;
        for (Path dir : ancestors) {
            String first = child.getFileName().toString();
            boolean inside = child.equals(p) ? RUN_FILES.contains(first) || RUN_DIRECTORIES.contains(first)
                    : RUN_DIRECTORIES.contains(first);
            if (inside && isRunDirectory(dir)) {
                return Optional.of(dir);
            }
            child = dir;
        }
        return Optional.empty();
    }

    /** Refuses a directory a command would write files into when it lies in a run directory's recorded part. */
    public static void requireOutputDirectory(Path dir) {
        recordedPartOf(dir).ifPresent(run -> refuseRecorded(dir, run));
    }

    /**
     * Refuses an output file that would overwrite recorded data or a file of another kind.
     *
     * @param replaceable which existing files the command may replace (its own kind); {@code p -> false} for none
     * @param refusal     the end of "FILE already exists and …" when an existing file is not replaceable
     */
    public static void requireOutputFile(Path file, Predicate<Path> replaceable, String refusal) {
        Optional<Path> run = recordedPartOf(file);
        if (run.isPresent()) {
            refuseRecorded(file, run.get());
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a directory; give a file name");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !replaceable.test(file)) {
            throw new UserError(file + " already exists and " + refusal);
        }
    }

    private static void refuseRecorded(Path target, Path run) {
        throw new UserError(target + " is part of the run directory " + run + " (its recorded data); cellbench "
                + "never writes there: write it elsewhere (beside the run directory's own files is fine)");
    }
}
