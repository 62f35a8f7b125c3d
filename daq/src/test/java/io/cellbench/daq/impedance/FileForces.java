package io.cellbench.daq.impedance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The files forced to disk (FileChannel.force) while some work runs, as the JDK's flight recorder
 * sees them (jdk.FileForce, every force however short): what a writer asks of the disk, measured
 * without a mock.
 */
final class FileForces {

    interface Work {
        void run() throws Exception;
    }

    private FileForces() {
    }

    /** The file of every force made while {@code work} ran, in order, one entry per force. */
    static List<Path> during(Work work) throws Exception {
        List<Path> forced = new ArrayList<>();
        Path dump = Files.createTempFile("file-forces", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileForce").withThreshold(Duration.ZERO);
            recording.start();
            work.run();
            recording.stop();
            recording.dump(dump);
            for (RecordedEvent e : RecordingFile.readAllEvents(dump)) {
                forced.add(Path.of(e.getString("path")));
            }
        } finally {
            Files.deleteIfExists(dump);
        }
        return forced;
    }

    /** How many of {@code forced} were of a file called {@code name}. */
    static long of(List<Path> forced, String name) {
        return forced.stream().filter(p -> p.getFileName().toString().equals(name)).count();
    }
}
