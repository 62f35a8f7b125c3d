package io.cellbench.importers.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EC-Lab's own text export (.mpt) of an .mpr: latin-1, "Nb header lines : N" on line 2, the
 * technique on line 4, tab-separated columns; some exports write decimal commas. Test-only: the
 * vendor's reading of the binary file that the .mpr reader is checked against.
 */
public final class MptTable {

    private MptTable() {
    }

    public static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int headerLines = Integer.parseInt(lines.get(1).split(":")[1].strip());
        String[] names = lines.get(headerLines - 1).split("\t");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(headerLines, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        Table table = Table.of(rows.size());
        for (int c = 0; c < names.length; c++) {
            if (names[c].isBlank()) {
                continue;
            }
            double[] values = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = Double.parseDouble(rows.get(r)[c].strip().replace(',', '.'));
            }
            table.numbers().put(names[c].strip(), values);
        }
        table.texts().put("technique", List.of(lines.get(3).strip()));
        return table;
    }
}
