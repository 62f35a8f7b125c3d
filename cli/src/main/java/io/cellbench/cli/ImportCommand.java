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
                        : "; " + skipped.size() + (skipped.size() == 1 ? " file" : " files") + " skipped (not battery data)");
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
     * The files to read: each file given, and every battery data file in each directory given
     * (regular, not hidden, in name order). A directory's other files (a README, notes) are added
     * to {@code skipped} and said so, one line each; a file given by name is read whatever it is, so that a
     * pipe or process substitution ({@code <(zcat run.ndax.gz)}) can be imported too.
     */
    static List<Path> files(List<Path> inputs, List<Path> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> held = s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
                    if (held.isEmpty()) {
                        throw new UserError(p + ": the directory holds no file to import");
                    }
                    int before = files.size();
                    for (Path f : held) {
                        if (Importers.isBatteryData(f)) {
                            files.add(f);
                        } else {
                            skipped.add(f);
                            System.out.println(f + ": skipped: not a battery data file (no reader recognises it)");
                        }
                    }
                    if (files.size() == before) {
                        throw new UserError(p + ": the directory holds no battery data file (" + held.size()
                                + " other file" + (held.size() == 1 ? "" : "s") + " skipped); " + READABLE);
                    }
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new UserError(p + ": no such file or directory");
            }
        }
        return files;
    }
}
