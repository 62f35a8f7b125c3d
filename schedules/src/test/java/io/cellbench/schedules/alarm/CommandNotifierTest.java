package io.cellbench.schedules.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.data.RunEvent.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real command: a shell script that writes what it was given to files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandNotifierTest {
    @TempDir
    Path tmp;

    private final Alarm trip = Alarm.of(Alarm.Kind.SAFETY_TRIP, "coin-3", Severity.ALARM,
            "safety limit: voltage 4.61 V > 4.5 V; channel at open circuit", Instant.parse("2026-12-05T21:00:00Z"));
    private final Map<String, String> run = Map.of("run_id", "run-1", "run_directory", "/lab/runs/r1", "host", "bench-2");

    @Test
    void theAlarmGoesInOnStandardInputAndInTheEnvironmentNeverOnTheCommandLine() throws Exception {
        Path script = script("""
                cat > "$1/stdin.json"
                env | grep '^CELLBENCH_' | sort > "$1/env.txt"
                echo "$@" > "$1/argv.txt"
                """);
        new CommandNotifier(List.of("/bin/sh", script.toString(), tmp.toString()), Duration.ofSeconds(10))
                .send(trip, run);
        JsonNode json = new ObjectMapper().readTree(Files.readString(tmp.resolve("stdin.json")));
        assertEquals("safety_trip", json.path("kind").asText());
        assertEquals("coin-3", json.path("cell_id").asText());
        assertEquals("ALARM", json.path("severity").asText());
        assertEquals(trip.message(), json.path("message").asText());
        assertEquals("2026-12-05T21:00:00Z", json.path("time").asText());
        assertEquals("run-1", json.path("run_id").asText());
        assertEquals("bench-2", json.path("host").asText());
        String env = Files.readString(tmp.resolve("env.txt"));
        assertTrue(env.contains("CELLBENCH_ALARM_KIND=safety_trip\n"), env);
        assertTrue(env.contains("CELLBENCH_ALARM_CELL=coin-3\n"), env);
        assertTrue(env.contains("CELLBENCH_ALARM_MESSAGE=" + trip.message() + "\n"), env);
        assertTrue(env.contains("CELLBENCH_RUN_DIRECTORY=/lab/runs/r1\n"), env);
        assertEquals(tmp + "\n", Files.readString(tmp.resolve("argv.txt")), "the arguments are only those configured");
    }

    @Test
    void aFailingCommandIsAFailureWithWhatItSaid() throws Exception {
        Path script = script("echo 'pager service unreachable' >&2\nexit 3\n");
        var e = assertThrows(Notifier.NotifyException.class, () ->
                new CommandNotifier(List.of("/bin/sh", script.toString()), Duration.ofSeconds(10)).send(trip, run));
        assertEquals("exit code 3: pager service unreachable", e.getMessage());
    }

    @Test
    void aCommandThatHangsIsKilledAfterItsTimeout() throws Exception {
        Path script = script("sleep 60\n");
        var e = assertThrows(Notifier.NotifyException.class, () ->
                new CommandNotifier(List.of("/bin/sh", script.toString()), Duration.ofSeconds(1)).send(trip, run));
        assertEquals("did not finish within 1 s; killed", e.getMessage());
    }

    @Test
    void aMissingProgramIsAFailureNotACrash() {
        var e = assertThrows(Notifier.NotifyException.class, () ->
                new CommandNotifier(List.of(tmp.resolve("no-such-program").toString()), Duration.ofSeconds(5))
                        .send(trip, run));
        assertTrue(e.getMessage().startsWith("cannot start: "), e.getMessage());
    }

    private Path script(String body) throws Exception {
        Path p = tmp.resolve("notify-" + System.nanoTime() + ".sh");
        Files.writeString(p, "#!/bin/sh\n" + body);
        return p;
    }
}
