package io.cellbench.importers.maccor;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first line of a Maccor text export: test date, original file name, procedure, comment. */
record MaccorHeader(LocalDate testDate, String originalFile, String procedure, String comment) {

    private static final Pattern DATE = Pattern.compile("Date of Test:\\s*(\\d{1,2}/\\d{1,2}/\\d{4})");
    private static final Pattern FILE = Pattern.compile("Filename:\\s*(.*?)\\s+Procedure:");
    private static final Pattern PROCEDURE = Pattern.compile("Procedure:\\s*([^\\t]*)");
    private static final Pattern COMMENT = Pattern.compile("Comment/Barcode:\\s*([^\\t]*)");
    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    static boolean looksLikeOne(String line) {
        return line.startsWith("Today's Date") && line.contains("Date of Test:");
    }

    static MaccorHeader parse(String line) {
        LocalDate date = null;
        Matcher m = DATE.matcher(line);
        if (m.find()) {
            try {
                date = LocalDate.parse(m.group(1), US_DATE);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        return new MaccorHeader(date, group(FILE, line), group(PROCEDURE, line), group(COMMENT, line));
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1).strip() : "";
    }
}
