package io.cellbench.cli;

import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a schedule and the protocol files it names into DIR/inputs, keeping their relative
 * layout (and a lab file into DIR/inputs/lab), so the run directory holds exactly what was started and {@code cellbench resume}
 * uses that, whatever happened to the originals since.
 */
final class RunInputs {
    static final String DIRECTORY = "inputs";

    private RunInputs() {
    }

    /** @return the copied schedule file */
    static Path copy(Path scheduleFile, Path runDirectory) throws IOException {
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

    /** Copies a lab file to DIR/inputs/lab/; returns the copy. */
    static Path copyLab(Path labFile, Path runDirectory) throws IOException {
        Path target = runDirectory.resolve(DIRECTORY).resolve("lab").resolve(labFile.getFileName().toString());
        Files.createDirectories(target.getParent());
        Files.copy(labFile, target);
        return target;
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
