package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.cli.serve.ServeOptions;
import io.cellbench.core.UserError;
import io.cellbench.daq.influx.InfluxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resume re-attaches the run's journaled outputs unless told otherwise, and never journals a credential. */
class ResumeOutputsTest {
    @TempDir
    Path tmp;

    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theJournaledInfluxDbIsReattachedWithCredentialsFromTheFileItNames() throws Exception {
        Path file = tmp.resolve("influx.properties");
        Files.writeString(file, "user = tech\npassword = s3cret\n");
        InfluxOptions started = new InfluxOptions();
        started.url = "http://127.0.0.1:8086";
        started.database = "lab";
        started.configFile = file;
        Path dir = tmp.resolve("run");
        new RunOptions("30 s", RunOptions.influx(started, env()), null).write(dir);
        String journal = Files.readString(dir.resolve("journal/run-options.json"));
        assertFalse(journal.contains("s3cret") || journal.contains("tech"), journal);

        RunOptions journaled = RunOptions.read(dir).orElseThrow();
        InfluxOptions chosen = ResumeOutputs.influx(new InfluxOptions(), false, journaled);
        InfluxConfig config = ResumeOutputs.load(chosen, journaled, env(), err);
        assertEquals(URI.create("http://127.0.0.1:8086"), config.url());
        assertEquals("lab", config.database());
        assertEquals("s3cret", config.password().reveal());

        assertNull(ResumeOutputs.influx(new InfluxOptions(), true, journaled), "--no-influx");
        InfluxOptions other = new InfluxOptions();
        other.url = "http://127.0.0.1:9999";
        other.database = "elsewhere";
        assertEquals("elsewhere", ResumeOutputs.load(ResumeOutputs.influx(other, false, journaled), journaled, env(), err)
                .database(), "options given to resume win");
    }

    @Test
    void aRunConfiguredByTheEnvironmentSaysWhatToDoWhenTheVariablesAreGone() throws Exception {
        InfluxOptions started = new InfluxOptions();
        RunOptions.Influx influx = RunOptions.influx(started, env("CELLBENCH_INFLUX_URL", "http://127.0.0.1:8086",
                "CELLBENCH_INFLUX_DB", "lab"));
        assertTrue(influx.environment());
        assertNull(influx.url());
        RunOptions journaled = new RunOptions("60 s", influx, null);
        InfluxOptions chosen = ResumeOutputs.influx(new InfluxOptions(), false, journaled);
        assertEquals("lab", ResumeOutputs.load(chosen, journaled, env("CELLBENCH_INFLUX_URL", "http://127.0.0.1:8086",
                "CELLBENCH_INFLUX_DB", "lab"), err).database());
        UserError e = assertThrows(UserError.class, () -> ResumeOutputs.load(chosen, journaled, env(), err));
        assertTrue(e.getMessage().startsWith("the run was sending to InfluxDB (and CELLBENCH_INFLUX_* variables) and"
                + " cannot re-attach: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("or resume with --no-influx"), e.getMessage());
    }

    @Test
    void theLivePageAndTheRetryTimeComeBackUnlessOverridden() {
        RunOptions journaled = new RunOptions("30 s", null, new RunOptions.Serve("127.0.0.1", 0));
        ServeOptions page = ResumeOutputs.serve(new ServeOptions(), false, journaled);
        assertTrue(page.enabled());
        assertEquals(0, page.port());
        assertFalse(ResumeOutputs.serve(new ServeOptions(), true, journaled).enabled(), "--no-serve");
        assertFalse(ResumeOutputs.serve(new ServeOptions(), false, new RunOptions("30 s", null, null)).enabled());

        assertEquals(30.0, ResumeOutputs.faultRetry(new FaultRetryOption(), journaled).boundSecond());
        FaultRetryOption given = new FaultRetryOption();
        given.text = "2min";
        assertEquals(120.0, ResumeOutputs.faultRetry(given, journaled).boundSecond());
        assertEquals(60.0, ResumeOutputs.faultRetry(new FaultRetryOption(), null).boundSecond(), "an older run: the default");
        given.text = "5 V";
        UserError bad = assertThrows(UserError.class, () -> ResumeOutputs.faultRetry(given, journaled));
        assertTrue(bad.getMessage().startsWith("--fault-retry: '5 V' is not a time such as 60s or 2min"),
                bad.getMessage());
    }
}
