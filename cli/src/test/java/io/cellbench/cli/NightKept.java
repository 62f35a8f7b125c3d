package io.cellbench.cli;

import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the soak keeps of its night beside the logs, for a failure to be read later (the test's
 * temporary directory stays when it fails): the run directory copied off the small disk, the
 * plan and each kill ({@code night.txt}), and every command each cell's channel was given, with
 * the cells' time it acted at ({@code commands-<cell>.txt}), from which the soak reads what the
 * channel really put in around each kill ({@link NightTimes#carriedOnAh}).
 */
final class NightKept {
    private NightKept() {
    }

    static void keep(HostileNightSoakTest.Night night) throws IOException {
        try (var walk = Files.walk(night.seen)) {
            for (Path p : walk.toList()) {
                Path to = night.record.resolve(night.seen.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, to);
                }
            }
        }
        List<String> lines = new ArrayList<>(List.of(night.replay));
        night.kills.forEach(k -> lines.add(k.toString()));
        lines.add("stood at the end " + night.finalStood + ", the last process ahead " + night.finalAhead
                + ", stall began at run time " + night.stallRunTime);
        lines.add(night.status.seen());
        Files.write(night.logs.resolve("night.txt"), lines);
        for (String cell : HostileNightSoakTest.CELLS) {
            List<String> commands = new ArrayList<>();
            for (SimulatedCyclerChannel.Commanded c : night.lab.instrument(NightInputs.channelOf(cell)).commandHistory()) {
                commands.add(String.format(Locale.ROOT, "%.6f %s", c.unixSecond(), c.command()));
            }
            Files.write(night.logs.resolve("commands-" + cell + ".txt"), commands);
        }
    }
}
