package io.cellbench.daq.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of a cell's test time whose recorded samples are missing and that someone chose
 * to continue past ({@code cellbench resume --accept-missing-data}). It is recorded in
 * events.jsonl as a WARNING notice whose message begins {@value #PREFIX} and names the test
 * times, so that every reader of the run can say so (docs/operations.md, "Resume").
 *
 * @param fromTestTimeSecond the last sample before the hole (0 when none is left)
 * @param toTestTimeSecond   where the cell continued
 */
public record DataGap(String cellId, double fromTestTimeSecond, double toTestTimeSecond, String message) {
    public static final String PREFIX = "data missing: ";
    private static final Pattern TIMES = Pattern.compile(Pattern.quote(PREFIX)
            + "test time ([0-9.Ee+-]+) s to ([0-9.Ee+-]+) s");

    /** The notice text for a hole from {@code from} to {@code to}, with why and who accepted it. */
    public static String message(double from, double to, String why) {
        return String.format(Locale.ROOT, "%stest time %.1f s to %.1f s (%s) has no samples: %s", PREFIX, from, to,
                hours(to - from), why);
    }

    /** The gaps recorded for {@code cellId} in a run directory's events.jsonl (none when it has none). */
    public static List<DataGap> of(Path runDirectory, String cellId) throws IOException {
        List<DataGap> gaps = new ArrayList<>();
        EventLogReader.readAll(runDirectory, event -> {
            if (event instanceof LoggedEvent.Notice n && n.cellId().equals(cellId)) {
                Matcher m = TIMES.matcher(n.message());
                if (m.lookingAt()) {
                    gaps.add(new DataGap(cellId, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            n.message()));
                }
            }
        });
        return gaps;
    }

    /** "19.7 h", "42 min", "35 s". */
    public static String hours(double seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }
}
