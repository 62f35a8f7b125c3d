package io.cellbench.schedules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.schedules.alarm.Alarm;
import io.cellbench.schedules.alarm.NotifyConfig;
import io.cellbench.schedules.alarm.NotifyConfigLoader;
import io.cellbench.schedules.alarm.RunAlarms;
import io.cellbench.schedules.session.RunSession;
import io.cellbench.schedules.session.SessionOptions;
import io.cellbench.schedules.session.TestBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/architecture.md's "How to add a notifier", proven: {@link FileNotifierFactory} and a line
 * in this module's test META-INF/services/io.cellbench.schedules.alarm.NotifierFactory are all it
 * took (no existing class edited). The notify file gains a section {@code example_file:}, read
 * and checked (what {@code cellbench validate} does) with file:line:column errors; a run's alarms
 * reach the file, and the notify file's rate limit applies to it as to every notifier.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HowToAddANotifierTest {
    private static final List<String> CELLS = List.of("coin-1", "coin-2");

    @TempDir
    Path tmp;

    private Path notifyFile(String text) throws Exception {
        Path file = tmp.resolve("notify-" + System.nanoTime() + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theNewSectionIsReadAndCheckedWithItsMistakesPointedAt() throws Exception {
        Path alarms = tmp.resolve("alarms.jsonl");
        Path file = notifyFile("example_file:\n  path: " + alarms + "\nrate_limit: 5 min\n");
        NotifyConfig config = NotifyConfigLoader.load(file, Map.of());
        assertEquals(List.of("example_file"), config.notifiers().stream().map(n -> n.key()).toList());
        assertEquals("a file", config.describeNotifiers());
        assertEquals(1, NotifyConfigLoader.check(file).notifiers().size(), "validate reads it too");
        assertTrue(NotifyConfigLoader.looksLikeNotify(io.cellbench.protocols.YamlDocument.read(file).root()));

        Path typo = notifyFile("command:\n  run: [/bin/true]\nexample_file:\n  pth: /tmp/x\n");
        ProtocolException e = assertThrows(ProtocolException.class, () -> NotifyConfigLoader.check(typo));
        assertTrue(e.getMessage().startsWith(typo + ":4:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'pth'") && e.getMessage().contains("the keys here are path"),
                e.getMessage());
        Path relative = notifyFile("example_file:\n  path: alarms.jsonl\n");
        e = assertThrows(ProtocolException.class, () -> NotifyConfigLoader.load(relative, Map.of()));
        assertTrue(e.getMessage().startsWith(relative + ":2:9:"), e.getMessage());
        Path unknown = notifyFile("email:\n  to: lab@example.org\n");
        e = assertThrows(ProtocolException.class, () -> NotifyConfigLoader.load(unknown, Map.of()));
        assertTrue(e.getMessage().contains("the keys here are command, example_file, webhook, send, rate_limit, retry, "
                + "silent_channel"), e.getMessage());
    }

    @Test
    void aRunsAlarmsReachTheFileAndTheRateLimitAppliesToIt() throws Exception {
        Path alarms = tmp.resolve("alarms.jsonl");
        Path file = notifyFile("example_file:\n  path: " + alarms + "\nsend: [completed, paused]\n");
        Path dir = tmp.resolve("run");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, RunEvent.Outcome> outcomes = RunSession.run(SessionOptions.builder(dir,
                        TestBench.schedule(tmp.resolve("in"), CELLS), TestBench.simulated())
                .notifyFile(file).console(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .environment(Map.of()).build());
        assertEquals(Map.of("coin-1", RunEvent.Outcome.COMPLETED, "coin-2", RunEvent.Outcome.COMPLETED), outcomes);
        String sent = Files.readString(alarms);
        for (String cell : CELLS) {
            assertTrue(sent.contains("\"kind\":\"completed\",\"cell_id\":\"" + cell + "\""), sent);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("; alarms go to a file"),
                printed.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(dir.resolve("inputs/notify.yaml")), "kept for resume");

        // the same notifier, through the run's dispatcher: a second alarm of a kind and cell within
        // the rate limit (10 min by default) is held back, and the run's end sends it as one summary
        Path limited = tmp.resolve("limited.jsonl");
        NotifyConfig config = NotifyConfigLoader.load(notifyFile("example_file:\n  path: " + limited + "\n"), Map.of());
        RunAlarms run = new RunAlarms(config, Map.of("run_id", "rate-test"), e -> { }, InstantSource.system());
        try {
            run.raise(Alarm.of(Alarm.Kind.FAULT, "coin-1", RunEvent.Severity.ALARM, "first", Instant.now()));
            run.raise(Alarm.of(Alarm.Kind.FAULT, "coin-1", RunEvent.Severity.ALARM, "second", Instant.now()));
        } finally {
            run.close();
        }
        List<String> lines = Files.readAllLines(limited);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"message\":\"first\"") && lines.get(0).contains("\"suppressed\":0"),
                lines.toString());
        assertTrue(lines.get(1).contains("1 more fault alarm for cell coin-1 held back")
                && lines.get(1).contains("the last: second") && lines.get(1).contains("\"suppressed\":1"),
                lines.toString());
    }
}
