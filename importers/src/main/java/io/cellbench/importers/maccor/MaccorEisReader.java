package io.cellbench.importers.maccor;

import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AC-impedance file Maccor writes beside a test ({@code name.EDA0001.041}: "MACCOR, INC.  AC
 * Impedance Test", settings, then {@code Freq(Hz), Polar(V), time(sec), Z'(a), Z''(b), …}). One
 * sweep per file; Z″ is kept as written (negative for capacitive), the BDF convention.
 */
public final class MaccorEisReader implements CyclerFileReader {

    private static final Pattern START = Pattern.compile(
            "Start Date:\\s*\\w+,\\s*(\\w+ \\d{1,2}, \\d{4})\\s*Start Time:\\s*(\\d{1,2}:\\d{2})");
    private static final DateTimeFormatter START_FORMAT = DateTimeFormatter.ofPattern("MMMM d, yyyy H:mm", Locale.US);

    @Override
    public String format() {
        return "maccor-eis";
    }

    @Override
    public List<String> extensions() {
        return List.of();
    }

    @Override
    public boolean recognizes(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).startsWith("MACCOR, INC.")
                && new String(head, StandardCharsets.ISO_8859_1).contains("AC Impedance");
    }

    @Override
    public String expectedStart() {
        return "MACCOR, INC. … AC Impedance Test";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("MACCOR, INC.") || !first.contains("AC Impedance")) {
                throw ImportException.atLine(file, 1, "not a Maccor AC impedance file: expected " + expectedStart());
            }
            ImportMetadata.Builder meta = ImportMetadata.builder(source, format()).instrument("Maccor FRA")
                    .formatVersion("Maccor AC impedance text").technique("EIS").counterScope(CounterScope.UNKNOWN);
            double start = Double.NaN;
            int freq = -1;
            int seconds = -1;
            int real = -1;
            int imaginary = -1;
            int volts = -1;
            long line = 1;
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 2) {
                    meta.property("sweep", text.strip());
                } else if (line == 3) {
                    meta.program(text.strip(), "maccor-procedure-name");
                }
                Matcher m = START.matcher(text);
                if (m.find()) {
                    try {
                        LocalDateTime time = LocalDateTime.parse(m.group(1) + " " + m.group(2), START_FORMAT);
                        start = time.toEpochSecond(ZoneOffset.UTC);
                        meta.startTime(time.toInstant(ZoneOffset.UTC));
                    } catch (DateTimeParseException e) {
                        meta.property("start", m.group());
                    }
                }
                if (text.startsWith("Freq(Hz)")) {
                    String[] names = text.split("\t", -1);
                    for (int i = 0; i < names.length; i++) {
                        switch (names[i].strip()) {
                            case "Freq(Hz)" -> freq = i;
                            case "time(sec)" -> seconds = i;
                            case "Z'(a)" -> real = i;
                            case "Z''(b)" -> imaginary = i;
                            case "V-DC" -> volts = i;
                            default -> {
                            }
                        }
                    }
                    break;
                }
            }
            if (freq < 0 || real < 0 || imaginary < 0) {
                throw ImportException.atLine(file, line, "no impedance table (Freq(Hz), Z'(a), Z''(b)) found");
            }
            sink.begin(meta.build());
            long points = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split("\t", -1);
                double t = number(f, seconds, file, line);
                points++;
                sink.impedance(new ImpedanceRecord(points, 1, t, start + t, number(f, freq, file, line),
                        number(f, real, file, line), number(f, imaginary, file, line), number(f, volts, file, line),
                        Double.NaN, 0));
            }
            if (points == 0) {
                sink.note(ImportNote.warning("empty-test", "the impedance table has no points", -1));
            }
            sink.end();
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    private static double number(String[] f, int at, Path file, long line) throws ImportException {
        if (at < 0 || at >= f.length || f[at].isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(f[at].strip());
        } catch (NumberFormatException e) {
            throw ImportException.atLine(file, line, "'" + f[at].strip() + "' is not a number");
        }
    }
}
