package io.cellbench.cli;

import io.cellbench.core.UserError;
import io.cellbench.daq.run.CellIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The cell id of each imported file: {@code --cell} for a single file, else the file's name without its extensions. */
final class ImportCells {

    private ImportCells() {
    }

    static List<String> ids(List<Path> files, String cell) {
        if (cell != null) {
            if (files.size() != 1) {
                throw new UserError("--cell names one cell, but " + files.size() + " files are to be imported (one cell"
                        + " per file): leave --cell out, and each cell is named after its file");
            }
            try {
                return List.of(CellIds.requireValid(cell));
            } catch (IllegalArgumentException e) {
                throw new UserError("--cell: " + e.getMessage());
            }
        }
        List<String> ids = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Path f : files) {
            String base = stem(f.getFileName().toString());
            String id = base;
            for (int n = 2; !taken.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = base + "-" + n; // cell7.nda and cell7.ndax: two cells
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * A file name as a cell id: without its extension(s) (.nda.zip, .res.gz too) but with a Maccor
     * test-file number (.001), characters a directory cannot take replaced.
     */
    static String stem(String name) {
        String s = name;
        for (String packed : List.of(".zip", ".gz")) {
            if (s.toLowerCase(Locale.ROOT).endsWith(packed)) {
                s = s.substring(0, s.length() - packed.length());
            }
        }
        int dot = s.lastIndexOf('.');
        // all digits is no format but Maccor's test-file number: x.001 and x.002 are two cells, named so
        if (dot > 0 && !s.substring(dot + 1).matches("[0-9]+")) {
            s = s.substring(0, dot);
        }
        s = CellFiles.fileName(s.strip());
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
