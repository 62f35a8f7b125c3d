package io.cellbench.cli;

import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.session.RunInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a directory provably holds an earlier {@code cellbench demo} and nothing else, the
 * one case where a command replaces a run directory: a simulated run of the bundled demo
 * files, byte for byte as this version bundles them, and nothing but the demo's own files
 * (no extra file, no other cell, no edited input). Anything else is a run someone may want,
 * and is left alone.
 */
final class DemoDirectory {
    /** Inputs a demo may hold besides the bundled files. */
    private static final Set<String> OPTIONAL_INPUTS = Set.of("notify.yaml");

    private DemoDirectory() {
    }

    /** Empty when {@code dir} holds an earlier demo and nothing else; otherwise the first thing that is not the demo's. */
    static Optional<String> notADemo(Path dir) throws IOException {
        Path inputs = dir.resolve(RunInputs.DIRECTORY);
        for (String f : DemoCommand.FILES) {
            Path copy = inputs.resolve(f);
            if (!Files.isRegularFile(copy) || !Arrays.equals(Files.readAllBytes(copy), bundled(f))) {
                return Optional.of(RunInputs.DIRECTORY + "/" + f + " is not the bundled demo's");
            }
        }
        Optional<String> extra = only(inputs, name -> DemoCommand.FILES.contains(name) || OPTIONAL_INPUTS.contains(name),
                RunInputs.DIRECTORY + "/");
        if (extra.isPresent()) {
            return extra;
        }
        Optional<RunMode> mode = JournalFiles.readRunMode(dir);
        if (mode.isEmpty() || !mode.get().simulate() || !"inputs/schedule.yaml".equals(mode.get().schedule())) {
            return Optional.of("its run mode (journal/run-mode.json) is not that of a demo");
        }
        extra = only(dir, name -> OutputRule.RUN_FILES.contains(name) || OutputRule.RUN_DIRECTORIES.contains(name), "");
        if (extra.isPresent()) {
            return extra;
        }
        Set<String> cells = new HashSet<>();
        ScheduleLoader.load(inputs.resolve("schedule.yaml")).cells().forEach(c -> cells.add(c.info().id()));
        return Files.isDirectory(dir.resolve("cells")) ? only(dir.resolve("cells"), cells::contains, "cells/")
                : Optional.empty();
    }

    /** Deletes everything in {@code dir} but the lock file (held by the caller), deepest first. */
    static void clear(Path dir) throws IOException {
        Path lock = dir.resolve(RunDirectoryLock.FILE);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (!p.equals(dir) && !p.equals(lock)) {
                Files.delete(p);
            }
        }
    }

    private static Optional<String> only(Path dir, java.util.function.Predicate<String> allowed, String prefix)
            throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !allowed.test(n)).sorted().findFirst()
                    .map(n -> prefix + n + " is not the demo's");
        }
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the build: " + file);
            }
            return in.readAllBytes();
        }
    }
}
