package io.cellbench.schedules.session;

import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.NotifyConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run directory's inputs: a schedule and the protocol files it names are copied into
 * DIR/inputs, keeping their relative layout (a lab file into DIR/inputs/lab, a notify file to
 * DIR/inputs/notify.yaml), so the run directory holds exactly what was started and
 * {@code cellbench resume} uses that, whatever happened to the originals since. A file already
 * in the run directory (the demo's, a resumed run's) is used where it is.
 */
public final class RunInputs {
    public static final String DIRECTORY = "inputs";
    /** Where the notify file is kept in the run directory, for resume. */
    public static final String NOTIFY = "inputs/notify.yaml";

    private RunInputs() {
    }

    /** The schedule in the run directory: {@code scheduleFile} itself, or its copy (with its protocols). */
    static Path schedule(Path scheduleFile, Path runDirectory) throws IOException {
        return inside(scheduleFile, runDirectory) ? scheduleFile : copy(scheduleFile, runDirectory);
    }

    /** The lab file in the run directory: {@code labFile} itself, or its copy in DIR/inputs/lab/. */
    static Path lab(Path labFile, Path runDirectory) throws IOException {
        if (inside(labFile, runDirectory)) {
            return labFile;
        }
        Path target = runDirectory.resolve(DIRECTORY).resolve("lab").resolve(labFile.getFileName().toString());
        Files.createDirectories(target.getParent());
        Files.copy(labFile, target);
        return target;
    }

    /**
     * Copies the notify file given into the run directory and returns its settings; without one,
     * those of a copy an earlier start left there (resume), or null.
     */
    static NotifyConfig notify(Path notifyFile, Path runDirectory, Map<String, String> environment)
            throws IOException {
        Path copy = runDirectory.resolve(NOTIFY);
        if (notifyFile != null) {
            NotifyConfig config = NotifyConfigLoader.load(notifyFile, environment);
            if (!Files.exists(copy) || !Files.isSameFile(notifyFile, copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(notifyFile, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return config;
        }
        return Files.isRegularFile(copy) ? NotifyConfigLoader.load(copy, environment) : null;
    }

    static boolean inside(Path file, Path runDirectory) {
        return file.toAbsolutePath().normalize().startsWith(runDirectory.toAbsolutePath().normalize());
    }

    /** @return the copied schedule file */
    private static Path copy(Path scheduleFile, Path runDirectory) throws IOException {
        Path schedule = scheduleFile.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        files.add(schedule);
        for (String ref : protocolRefs(schedule)) {
            Path p = schedule.getParent().resolve(ref).normalize();
            if (Files.isRegularFile(p) && !files.contains(p)) {
                files.add(p);
            }
        }
        Path base = schedule.getParent();
        for (Path f : files) {
            while (!f.startsWith(base)) {
                base = base.getParent();
            }
        }
        Path inputs = runDirectory.resolve(DIRECTORY);
        for (Path f : files) {
            Path target = inputs.resolve(base.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        return inputs.resolve(base.relativize(schedule).toString());
    }

    /** The {@code protocol:} value of every cell (the loader reports problems with them). */
    private static List<String> protocolRefs(Path schedule) {
        List<String> refs = new ArrayList<>();
        if (YamlDocument.read(schedule).root() instanceof YamlNode.Mapping top) {
            for (YamlNode.Entry e : top.entries()) {
                if ("cells".equals(e.key().value()) && e.value() instanceof YamlNode.Sequence cells) {
                    for (YamlNode cell : cells.items()) {
                        if (cell instanceof YamlNode.Mapping m) {
                            for (YamlNode.Entry c : m.entries()) {
                                if ("protocol".equals(c.key().value()) && c.value() instanceof YamlNode.Scalar s) {
                                    refs.add(s.value());
                                }
                            }
                        }
                    }
                }
            }
        }
        return refs;
    }
}
