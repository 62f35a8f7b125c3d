package io.cellbench.importers.bdf;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quotes; no fields spanning lines, which BDF files never have). */
final class CsvLine {

    private CsvLine() {
    }

    static String[] split(String line, char separator) {
        if (line.indexOf('"') < 0) {
            return line.split(String.valueOf(separator), -1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
