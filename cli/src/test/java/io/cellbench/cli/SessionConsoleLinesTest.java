package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.InfluxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run says on the console about the things wired around its cells, word for word and in
 * order: the InfluxDB it sends to (opened, waited for, how it went), the control channel and
 * where alarms go, and the notify file's refusal of an unknown key. Written before issue 12
 * moved that wiring out of the command line (stream B): the move must not change a word.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SessionConsoleLinesTest {
    @TempDir
    Path tmp;

    @Test
    void aRunSendingToInfluxDbSaysSoInTheseLinesInThisOrder() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("lab");
            Path schedule = ShortRun.write(tmp.resolve("in"));
            Path run = tmp.resolve("run").toAbsolutePath();
            Path config = tmp.resolve("influx.properties");
            Files.writeString(config, "flush-interval = 100ms\nclose-timeout = 20s\n");
            Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString(),
                    "--influx", server.url().toString(), "--db", "lab", "--influx-config", config.toString());
            assertEquals(0, c.exitCode(), c.out() + c.err());
            String where = "InfluxDB " + server.url() + ", database lab";
            List<String> expected = List.of(
                    "cellbench: sending the run live to " + where + " (spool: " + run.resolve("influx-spool") + ")",
                    "cellbench: control with 'cellbench status|pause|continue|stop " + run + "'",
                    "cellbench: waiting up to 20 s for InfluxDB to receive the rest of the run…");
            assertInOrder(c.out(), expected);
            String last = c.out().lines().filter(l -> l.startsWith(where + ": ")).findFirst().orElseThrow(
                    () -> new AssertionError(c.out()));
            assertTrue(last.matches("\\Q" + where + ": \\E[0-9,]+ lines written; nothing left in the spool \\Q"
                    + run.resolve("influx-spool") + "\\E"), last);
            assertTrue(c.out().indexOf(last) > c.out().indexOf(expected.getLast()), c.out());
            assertTrue(c.out().indexOf(last) < c.out().indexOf("Run directory"), "the drain is said before the summary: "
                    + c.out());
        }
    }

    @Test
    void theControlLineSaysWhereAlarmsGo() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path url = tmp.resolve("webhook-url");
        Files.writeString(url, "http://127.0.0.1:9/never-called\n");
        Path notify = tmp.resolve("notify.yaml");
        // only faults are sent: a completed run sends nothing, so the webhook is never called
        Files.writeString(notify, """
                command:
                  run: [/bin/true]
                webhook:
                  url_file: %s
                send: [fault]
                """.formatted(url.toAbsolutePath()));
        Path run = tmp.resolve("run").toAbsolutePath();
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString(),
                "--notify", notify.toString());
        assertEquals(0, c.exitCode(), c.out() + c.err());
        assertTrue(c.out().lines().anyMatch(l -> l.equals("cellbench: control with 'cellbench status|pause|continue|stop "
                + run + "'; alarms go to a command and a webhook")), c.out());

        Files.writeString(notify, "command:\n  run: [/bin/true]\nsend: [fault]\n");
        Path second = tmp.resolve("second").toAbsolutePath();
        Console one = Console.run("run", schedule.toString(), "--simulate", "--out", second.toString(),
                "--notify", notify.toString());
        assertEquals(0, one.exitCode(), one.out() + one.err());
        assertTrue(one.out().lines().anyMatch(l -> l.equals("cellbench: control with 'cellbench status|pause|continue|stop "
                + second + "'; alarms go to a command")), one.out());
    }

    @Test
    void anUnknownKeyOfTheNotifyFileIsRefusedWithTheKeysThereAre() throws Exception {
        Path schedule = ShortRun.write(tmp.resolve("in"));
        Path notify = tmp.resolve("notify.yaml");
        Files.writeString(notify, "command:\n  run: [/bin/true]\nemail: {to: lab@example.org}\n");
        Path run = tmp.resolve("run");
        Console c = Console.run("run", schedule.toString(), "--simulate", "--out", run.toString(),
                "--notify", notify.toString());
        assertEquals(UserErrors.BAD_INPUT, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().startsWith(notify + ":3:1:"), c.err());
        assertTrue(c.err().contains("unknown key 'email'"), c.err());
        assertTrue(c.err().contains("the keys here are command, webhook, send, rate_limit, retry, silent_channel"),
                c.err());
        assertTrue(!Files.exists(run), "nothing created");
    }

    private static void assertInOrder(String out, List<String> lines) {
        List<String> all = out.lines().toList();
        int at = -1;
        for (String line : lines) {
            int next = all.indexOf(line);
            assertTrue(next >= 0, "missing '" + line + "' in:\n" + out);
            assertTrue(next > at, "'" + line + "' out of order in:\n" + out);
            at = next;
        }
    }
}
