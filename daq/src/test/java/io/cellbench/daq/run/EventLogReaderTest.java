package io.cellbench.daq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** events.jsonl read back as written: each event kind through EventLog, then EventLogReader. */
class EventLogReaderTest {

    @TempDir
    Path dir;

    @Test
    void everyEventKindReadsBackAsWritten() throws IOException {
        try (EventLog log = EventLog.open(dir.resolve(RunLayout.EVENTS))) {
            log.append(new RunEvent.RunStarted("A1", 1_700_000_000.5, null, "formation \"x\"", "src", true), Double.NaN);
            log.append(new RunEvent.StepStarted("A1", 10.25, 3, 2, 4, "Charge at C/10"), 1_700_000_010.75);
            log.append(new RunEvent.SampleRecorded("A1", null), Double.NaN); // not logged
            log.append(new RunEvent.StepEnded("A1", 20.0, 3, 2, "voltage >= 4.2 V"), Double.NaN);
            log.append(new RunEvent.Notice("", 21.0, Severity.ALARM, "disk full"), Double.NaN);
            log.append(new RunEvent.RunEnded("A1", 22.5, Outcome.SAFETY_TRIP, "V > 4.3"), 1_700_000_022.5);
        }
        List<LoggedEvent> read = new ArrayList<>();
        EventLogReader.readAll(dir, read::add);
        assertEquals(List.of(
                new LoggedEvent.RunStarted("A1", 1_700_000_000.5, "formation \"x\"", true),
                new LoggedEvent.StepStarted("A1", 10.25, 1_700_000_010.75, 3, 2, 4, "Charge at C/10"),
                new LoggedEvent.StepEnded("A1", 20.0, Double.NaN, 3, 2, "voltage >= 4.2 V"),
                new LoggedEvent.Notice("", 21.0, Double.NaN, Severity.ALARM, "disk full"),
                new LoggedEvent.RunEnded("A1", 22.5, 1_700_000_022.5, Outcome.SAFETY_TRIP, "V > 4.3")), read);
    }

    @Test
    void aFollowerReadsOnlyWholeLinesAndSkipsWhatIsNoEvent() throws IOException {
        Path file = dir.resolve(RunLayout.EVENTS);
        String first = "{\"type\":\"Notice\",\"cell_id\":\"B2\",\"test_time_second\":1.0,\"severity\":\"INFO\",\"message\":\"a\"}\n";
        String junk = "not json\n{\"type\":\"FutureKind\",\"cell_id\":\"B2\"}\n"
                + "{\"type\":\"Notice\",\"cell_id\":\"B2\",\"severity\":\"LOUD\",\"message\":\"?\"}\n";
        String torn = "{\"type\":\"RunEnded\",\"cell_id\":\"B2\",\"test_time_second\":2.0,\"outcome\":\"COMPLETED\",";
        Files.writeString(file, first + junk + torn, StandardCharsets.UTF_8);
        List<LoggedEvent> read = new ArrayList<>();
        long position = EventLogReader.read(file, 0, read::add);
        assertEquals((first + junk).getBytes(StandardCharsets.UTF_8).length, position, "stops before the torn line");
        assertEquals(List.of(new LoggedEvent.Notice("B2", 1.0, Double.NaN, Severity.INFO, "a")), read);
        Files.writeString(file, "\"message\":\"done\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        position = EventLogReader.read(file, position, read::add);
        assertEquals(Files.size(file), position);
        assertEquals(new LoggedEvent.RunEnded("B2", 2.0, Double.NaN, Outcome.COMPLETED, "done"), read.getLast());
        assertTrue(Double.isNaN(read.getLast().unixTimeSecond()));
    }
}
