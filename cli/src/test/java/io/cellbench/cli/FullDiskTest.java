package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a disk that really fills up: a 256 kB tmpfs, mounted by {@code unshare} in a user
 * and mount namespace of the test's own (no root needed where the kernel allows unprivileged
 * user namespaces, as Debian does; CI runs as root anyway). The free-space watch is switched
 * off, so the write itself fails, with the kernel's "No space left on device".
 *
 * <p>Before: the console said only "No space left on device", the alarms named a Java
 * exception class, and {@code resume} refused the run ("has recorded data but no journal").
 * Now each cell stops at open circuit with an ALARM naming the cell and the file, and once
 * there is room (the tmpfs remounted larger) {@code resume} completes every cell.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FullDiskTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsEachCellSafelyNamingTheFileAndTheRunResumesOnceThereIsRoom() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        Path dir = mount.resolve("run");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path alarms = out.resolve("alarms.jsonl");
        Path notifyScript = tmp.resolve("alarm.sh");
        Files.writeString(notifyScript, "#!/bin/sh\n{ cat; echo; } >> '" + alarms + "'\n");
        Path notify = tmp.resolve("notify.yaml");
        Files.writeString(notify, "command:\n  run: [/bin/sh, " + notifyScript + "]\n  timeout: 10 s\n");
        String java = Child.java().stream().map(FullDiskTest::quote).collect(Collectors.joining(" "));
        Path script = tmp.resolve("full-disk.sh");
        Files.writeString(script, String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=256k tmpfs " + quote(mount) + " || exit 90",
                java + " run " + quote(schedule) + " --simulate --out " + quote(dir) + " --min-free-space 0 --notify "
                        + quote(notify) + " > " + quote(out.resolve("run.log")) + " 2>&1",
                "echo $? > " + quote(out.resolve("run.exit")),
                "cp -r " + quote(dir) + " " + quote(out.resolve("full")) + " 2>/dev/null",
                "mount -o remount,size=16m " + quote(mount) + " || exit 91 # room again",
                java + " resume " + quote(dir) + " > " + quote(out.resolve("resume.log")) + " 2>&1",
                "echo $? > " + quote(out.resolve("resume.exit")),
                "cp -r " + quote(dir) + " " + quote(out.resolve("resumed")) + " 2>/dev/null",
                "exit 0", ""));
        Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "/bin/sh", script.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("unshare.log").toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the full-disk script ended");
        assertEquals(0, p.exitValue(), "unshare and tmpfs must work here (util-linux; a kernel that allows user"
                + " namespaces): " + Files.readString(out.resolve("unshare.log")));

        String run = Files.readString(out.resolve("run.log"));
        assertEquals(RunSummary.NOT_ALL_COMPLETED, Integer.parseInt(Files.readString(out.resolve("run.exit")).strip()),
                "stopped cells, not a crash: " + run);
        assertTrue(run.lines().anyMatch(l -> l.contains("cell coin-") && l.contains(dir.toString())
                && l.contains("No space left on device")), "names the cell and the file: " + run);
        assertFalse(run.contains("Exception") || run.contains("java."), "no Java class names: " + run);
        String sent = Files.exists(alarms) ? Files.readString(alarms) : "";
        assertTrue(sent.lines().anyMatch(l -> l.contains("\"severity\":\"ALARM\"") && l.contains("No space left on device")
                && l.contains("cannot write")), "an alarm went out: " + sent);
        assertFalse(sent.contains("Exception") || sent.contains("java."), "no Java class names: " + sent);

        String resume = Files.readString(out.resolve("resume.log"));
        assertEquals(0, Integer.parseInt(Files.readString(out.resolve("resume.exit")).strip()),
                "the run resumes and completes once there is room: " + resume);
        try (RunReader reader = RunReader.open(out.resolve("resumed"))) {
            for (String cell : ShortRun.CELLS) {
                CellEntry entry = reader.manifest().cell(cell).orElseThrow();
                assertEquals(RunEvent.Outcome.COMPLETED, entry.outcome().orElseThrow(), cell);
                List<Double> times = new ArrayList<>();
                reader.samples(cell, s -> times.add(s.testTimeSecond()));
                for (int i = 1; i < times.size(); i++) {
                    assertTrue(times.get(i) > times.get(i - 1), cell + ": test time goes on, no sample twice");
                }
            }
        }
    }

    private static String quote(Object arg) {
        return "'" + arg.toString().replace("'", "'\\''") + "'";
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
