package io.cellbench.importers.maccor;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.StepType;
import io.cellbench.importers.StepTypes;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Parses the data lines of a Maccor export into records, with the line number in every error. */
final class MaccorRows {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

    private final Path file;
    private final MaccorColumns c;
    private final LocalDate testDate;
    private int lastStep = Integer.MIN_VALUE;
    private int lastCycle = Integer.MIN_VALUE;
    private int stepCount;

    MaccorRows(Path file, MaccorColumns columns, LocalDate testDate) {
        this.file = file;
        this.c = columns;
        this.testDate = testDate;
    }

    CyclerRecord parse(String text, long line, Map<String, StepType> states) throws ImportException {
        String[] f = text.split("\t", -1);
        String state = field(f, c.state);
        StepType type = states.getOrDefault(state, StepTypes.named(state));
        double magnitude = Math.abs(number(f, c.amps, line, "Amps"));
        double current = type.direction() == StepType.Direction.DISCHARGE ? -magnitude : magnitude;
        int cycle = c.cycle < 0 ? CyclerRecord.UNKNOWN : (int) number(f, c.cycle, line, "Cyc#") + 1;
        int step = c.step < 0 ? CyclerRecord.UNKNOWN : (int) number(f, c.step, line, "Step");
        if (step != lastStep || cycle != lastCycle) {
            stepCount++; // Maccor keeps no step counter: a new program step or cycle starts one
            lastStep = step;
            lastCycle = cycle;
        }
        double testTime = time(f, c.testTime, line, "test time");
        double stepTime = c.stepTime < 0 ? Double.NaN : time(f, c.stepTime, line, "step time");
        double ah = c.ampHours < 0 ? Double.NaN : Math.abs(number(f, c.ampHours, line, "Amp-hr"));
        double wh = c.wattHours < 0 ? Double.NaN : Math.abs(number(f, c.wattHours, line, "Watt-hr"));
        boolean charge = type.direction() == StepType.Direction.CHARGE;
        boolean discharge = type.direction() == StepType.Direction.DISCHARGE;
        double[] aux = new double[c.auxAt.size()];
        for (int i = 0; i < aux.length; i++) {
            aux[i] = lenient(field(f, c.auxAt.get(i)));
        }
        long index = c.record < 0 ? line - 2 : (long) number(f, c.record, line, "Rec#");
        return new CyclerRecord(index, testTime, unix(field(f, c.dateTime), line), stepTime,
                number(f, c.volts, line, "Volts"), current, cycle, stepCount, step, type,
                charge ? ah : 0, discharge ? ah : 0, charge ? wh : 0, discharge ? wh : 0, Double.NaN, aux);
    }

    /** "0d 00:00:01.0000" (days, then h:m:s) or minutes as a number, in seconds. */
    private double time(String[] f, int at, long line, String what) throws ImportException {
        String value = field(f, at);
        if (c.minutes) {
            return number(f, at, line, what) * 60;
        }
        try {
            int d = value.indexOf('d');
            double days = d < 0 ? 0 : Double.parseDouble(value.substring(0, d).strip());
            String[] hms = value.substring(d + 1).strip().split(":");
            double seconds = 0;
            for (String part : hms) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            return days * 86400 + seconds;
        } catch (RuntimeException e) {
            throw ImportException.atLine(file, line, what + " '" + value + "' is not a Maccor time (0d 00:00:00.0000)");
        }
    }

    /** Date and time, or only a time of day (continuation files): then the header's test date. */
    private double unix(String value, long line) throws ImportException {
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            if (value.contains("/")) {
                return LocalDateTime.parse(value, DATE_TIME).toEpochSecond(ZoneOffset.UTC);
            }
            String[] hms = value.split(":");
            int seconds = Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60 + Integer.parseInt(hms[2]);
            return MaccorTextReader.unix(testDate, seconds);
        } catch (RuntimeException e) { // DateTimeParseException, or a malformed time of day
            throw ImportException.atLine(file, line, "DPt Time '" + value + "' is not a date and time");
        }
    }

    private double number(String[] f, int at, long line, String what) throws ImportException {
        String value = field(f, at);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ImportException.atLine(file, line, what + " '" + value + "' is not a number");
        }
    }

    /** Extra columns hold N/A where they do not apply: NaN, not an error. */
    private static double lenient(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String field(String[] f, int at) {
        return at < 0 || at >= f.length ? "" : f[at].strip();
    }
}
