package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.core.data.CellInfo;
import io.cellbench.daq.run.EventLogRepair;
import io.cellbench.daq.run.ManifestRebuild;
import io.cellbench.daq.run.RunLayout;
import io.cellbench.daq.run.RunReader;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunMode;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair what an interruption or a mishap can leave in a run directory.",
            "So that it can be read and resumed again, a lost or unreadable run.json is rebuilt from the data files (each",
            "carries the run's and its cell's description) and events.jsonl (each cell's starts and end);",
            "a torn last line of events.jsonl is cut off. Recorded samples, spectra and the journal are",
            "never changed; an unreadable run.json is kept as run.json.unreadable. Says what it rebuilt",
            "and what it could not. See docs/operations.md, \"Repair\"."},
        footer = {"", "Examples:",
            "  cellbench repair runs/b7 --dry-run     what would be repaired; writes nothing",
            "  cellbench repair runs/b7",
            "  cellbench resume runs/b7",
            "", "Exit status: 0 when the directory is whole (now or already), 2 when it cannot be repaired."})
public final class RepairCommand implements Callable<Integer> {
    static final String UNREADABLE = "run.json.unreadable";

    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory.")
    Path dir;

    @Option(names = "--dry-run", description = "Say what would be repaired, and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir) || !(OutputRule.isRunDirectory(dir) || Files.isDirectory(dir.resolve("journal")))) {
            throw new UserError(dir + " is not a run directory (no run.json, cells/, journal/ or events.jsonl)");
        }
        try (var lock = RunDirectoryLock.acquire(dir, "repair")) {
            boolean repaired = repairManifest(lock);
            if (EventLogRepair.torn(dir)) {
                repaired = true;
                if (dryRun) {
                    System.out.println("events.jsonl: its last line is torn; it would be cut off (and quoted in a notice)");
                } else {
                    lock.announce();
                    EventLogRepair.repair(dir).ifPresent(r -> System.out.println("repaired " + r));
                }
            }
            if (!repaired) {
                System.out.println(dir + ": nothing to repair (run.json reads, events.jsonl ends with a whole line)");
            } else if (!dryRun) {
                System.out.println("cellbench repair: done; 'cellbench resume " + dir + "' continues the run,"
                        + " 'cellbench data cycles " + dir + "' reads it");
            }
            return 0;
        }
    }

    /** Rebuilds run.json when it is missing or unreadable; true when it was (or, dry, would be). */
    private boolean repairManifest(io.cellbench.schedules.lock.LockFile lock) throws IOException {
        Path runJson = dir.resolve(RunLayout.RUN_JSON);
        String why;
        if (!Files.exists(runJson)) {
            why = "run.json is missing";
        } else {
            try (RunReader reader = RunReader.open(dir)) {
                return false;
            } catch (IOException e) {
                why = "run.json is unreadable (" + e.getMessage() + ")";
            }
        }
        ManifestRebuild.Result result;
        try {
            result = ManifestRebuild.rebuild(dir, scheduledCells());
        } catch (IOException e) {
            throw new UserError(why + ", and cannot be rebuilt: " + e.getMessage());
        }
        System.out.println(why + "; " + (dryRun ? "it would be rebuilt:" : "rebuilt it:"));
        result.rebuilt().forEach(r -> System.out.println("  rebuilt: " + r));
        result.missing().forEach(m -> System.out.println("  not known: " + m));
        if (!dryRun) {
            lock.announce();
            if (Files.exists(runJson)) {
                Path kept = dir.resolve(UNREADABLE);
                Files.move(runJson, kept, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("  the unreadable run.json is kept as " + kept);
            }
            ManifestRebuild.write(dir, result.manifest());
        }
        return true;
    }

    /** The cells of the schedule copy the run was started with (order and description); empty when unreadable. */
    private List<CellInfo> scheduledCells() {
        try {
            Optional<RunMode> mode = JournalFiles.readRunMode(dir);
            if (mode.isPresent()) {
                return ScheduleLoader.load(dir.resolve(mode.get().schedule())).cells().stream()
                        .map(c -> c.info()).toList();
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  (the schedule copy cannot be read: " + e.getMessage() + "; cells in directory order)");
        }
        return List.of();
    }

    /**
     * Refuses a directory without run.json for the commands that need it, pointing to repair
     * when the directory holds a run's data (a lost run.json) rather than nothing.
     */
    public static void requireRunJson(Path dir) {
        if (Files.isRegularFile(dir.resolve(RunLayout.RUN_JSON))) {
            return;
        }
        if (Files.isDirectory(dir.resolve(RunLayout.CELLS)) || Files.isDirectory(dir.resolve("journal"))) {
            throw new UserError(dir + " has no run.json, but holds a run's data and journal: rebuild run.json with"
                    + " 'cellbench repair " + dir + "', then try again");
        }
        throw new UserError(dir + " is not a run directory (it has no run.json)");
    }
}
