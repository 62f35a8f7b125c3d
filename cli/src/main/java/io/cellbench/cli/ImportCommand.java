package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.Importers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn other cyclers' files into a run directory, read like a recorded run.",
            "data, plot and serve read it as any run. Reads Neware .nda/.ndax, BioLogic .mpr,",
            "Arbin .res, Maccor text exports and BDF CSV (docs/import.md). What the files",
            "commonly get wrong is repaired, and every repair is reported, on the console and",
            "in run.json. A directory imports every battery data file it holds, one cell per",
            "file, and skips the others (a README), saying so. A vendor file that cannot be",
            "imported stops the import, and nothing is written."},
        footer = {"", "Examples:",
            "  cellbench import cell7.ndax --out runs/cell7",
            "  cellbench import old-data/ --out runs/archive-2024      one cell per file",
            "  cellbench import cell7.mpr --out runs/cell7 --cell NMC-LPSCl-07",
            "  cellbench import c7.ndax --out runs/c7 --influx http://127.0.0.1:8086 --db lab",
            "  cellbench data cycles runs/cell7"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Vendor files, or directories of them.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The run directory to write: new or empty. Nothing is written anywhere else.")
    Path out;

    @Option(names = "--cell", paramLabel = "ID",
            description = "The cell's id (one file only; default: the file's name without its extension).")
    String cell;

    @Mixin
    InfluxOptions influx;

    private static final String READABLE = "readable: Neware .nda/.ndax, BioLogic .mpr, Arbin .res, Maccor text"
            + " exports, BDF CSV";

    @Override
    public Integer call() throws IOException {
        InfluxConfig upload = influx.config(System.getenv(), System.err); // a bad option or credential stops us before any reading
        List<Path> skipped = new ArrayList<>();
        List<Path> files = files(inputs, skipped);
        List<String> cells = ImportCells.ids(files, cell);
        ImportTarget.refuseData(out);
        List<ImportRun.Imported> imported;
        try {
            imported = ImportTarget.write(out, dir -> ImportRun.write(dir, runId(out), files, cells, System.out));
        } catch (ImportException e) {
            throw new UserError(e.getMessage() + "; nothing was written to " + out);
        }
        long rows = imported.stream().mapToLong(ImportRun.Imported::samples).sum();
        System.out.printf("cellbench import: %d file%s, %,d samples, written to %s%s%n", files.size(),
                files.size() == 1 ? "" : "s", rows, out, skipped.isEmpty() ? ""
                        : "; " + skipped.size() + (skipped.size() == 1 ? " entry" : " entries") + " skipped, each said above");
        if (upload != null) {
            return ImportUpload.send(out, upload, System.out) ? 0 : 1;
        }
        return 0;
    }

    /** The run's id: "import-" and the directory's name, as a live run's id names its run. */
    static String runId(Path out) {
        return "import-" + CellFiles.fileName(out.toAbsolutePath().normalize().getFileName().toString());
    }

    /**
     * The files to read: each file given, and every battery data file in each directory given, in
     * name order (a link to one is one). Whatever else a directory holds is added to {@code skipped}
     * and said so, one line each: a README or notes (no reader recognises it), a hidden file
     * ({@code .DS_Store}), a subdirectory (not entered), a named pipe or a broken link. A file given
     * by name is read whatever it is, so that a pipe or process substitution
     * ({@code <(zcat run.ndax.gz)}) can be imported too.
     */
    static List<Path> files(List<Path> inputs, List<Path> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> held;
                try (Stream<Path> s = Files.list(p)) {
                    held = s.sorted().toList();
                }
                if (held.isEmpty()) {
                    throw new UserError(p + ": the directory is empty: there is nothing to import");
                }
                int before = files.size();
                for (Path f : held) {
                    String why = notToImport(f);
                    if (why == null) {
                        files.add(f);
                    } else {
                        skipped.add(f);
                        System.out.println(f + ": skipped: " + why);
                    }
                }
                if (files.size() == before) {
                    throw new UserError(p + ": the directory holds no battery data file (" + held.size()
                            + (held.size() == 1 ? " entry" : " entries") + " skipped); " + READABLE);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new UserError(p + (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                        ? ": a broken link: nothing to import"
                        : ": no such file or directory"));
            }
        }
        return files;
    }

    /** Why a directory's entry is not imported, or null when it is a battery data file. */
    private static String notToImport(Path f) {
        if (f.getFileName().toString().startsWith(".")) {
            return "a hidden file";
        }
        if (Files.isDirectory(f)) {
            return "a directory (an import does not enter subdirectories: give it as well to import it)";
        }
        if (!Files.isRegularFile(f)) {
            return "not a file (a named pipe, a device or a broken link)";
        }
        return Importers.isBatteryData(f) ? null : "not a battery data file (no reader recognises it)";
    }
}
