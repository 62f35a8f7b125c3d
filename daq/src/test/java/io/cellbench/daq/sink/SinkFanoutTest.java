package io.cellbench.daq.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.UserError;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.daq.run.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fan-out of a run's events: the record first and its failures to the caller, each sink
 * after it with its failure said once and nothing stopped, what a sink derives after the event
 * it came from, automatic sinks opened unasked, and a failed open closing what was opened.
 */
class SinkFanoutTest {
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final SinkContext context = new SinkContext(Path.of("/tmp/run"), new RunInfo("run-1", Instant.EPOCH, "test"),
            Map.of(), console::add, n -> order.add("record-notice " + n.message()));

    /** A sink that logs what it hears as "name: event", and does {@code then} with each event. */
    private class Logging implements RunSink {
        final String name;
        final SinkContext context;
        final java.util.function.BiConsumer<SinkContext, RunEvent> then;
        final Duration patience;

        Logging(String name, SinkContext context, java.util.function.BiConsumer<SinkContext, RunEvent> then,
                Duration patience) {
            this.name = name;
            this.context = context;
            this.then = then;
            this.patience = patience;
        }

        @Override
        public void on(RunEvent event) {
            order.add(name + ": " + text(event));
            then.accept(context, event);
        }

        @Override
        public Duration closePatience() {
            return patience;
        }

        @Override
        public void close() {
            order.add(name + " closed");
        }
    }

    private SinkFactory factory(String name, boolean automatic, Function<SinkContext, RunSink> open) {
        return new SinkFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String displayName() {
                return name.toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public boolean automatic() {
                return automatic;
            }

            @Override
            public List<String> check(SinkSettings settings, Map<String, String> environment) {
                return List.of();
            }

            @Override
            public RunSink open(SinkContext c, SinkSettings settings) throws IOException {
                if (name.equals("broken")) {
                    throw new IOException("cannot open broken");
                }
                return open.apply(c);
            }
        };
    }

    private static String text(RunEvent e) {
        return e instanceof RunEvent.Notice n ? n.message() : e.getClass().getSimpleName();
    }

    private final RunListener record = e -> order.add("record: " + text(e));

    private static RunEvent notice(String text) {
        return new RunEvent.Notice("c1", 1, RunEvent.Severity.INFO, text);
    }

    @Test
    void theRecordHearsFirstThenEachSinkInTurnAndAFailingSinkIsSaidOnceAndStopsNothing() throws Exception {
        Map<String, SinkFactory> factories = Map.of(
                "a", factory("a", false, c -> new Logging("a", c, (x, e) -> { }, Duration.ofSeconds(3))),
                "failing", factory("failing", false, c -> new Logging("failing", c, (x, e) -> {
                    throw new IllegalStateException("spool full");
                }, Duration.ofSeconds(30))));
        SinkFanout fanout = SinkFanout.open(record, List.of(SinkSettings.of("failing"), SinkSettings.of("a")), context,
                factories);
        fanout.on(notice("one"));
        fanout.on(notice("two"));
        assertEquals(List.of("record: one", "failing: one", "a: one", "record: two", "failing: two", "a: two"), order);
        assertEquals(List.of("cellbench: FAILING is not getting this run's data any more: spool full (the run "
                + "directory still records everything)"), console, "said once");
        assertEquals(Duration.ofSeconds(30), fanout.closePatience());
        order.clear();
        fanout.close();
        fanout.close();
        assertEquals(List.of("failing closed", "a closed"), order, "each closed once, in order");
    }

    @Test
    void theFitsOfARunGoToTheSinksThatTakeThemInOrder() throws Exception {
        io.cellbench.impedance.circuit.Circuit circuit = io.cellbench.impedance.circuit.Circuit.parse("R0-p(R1,C1)");
        Map<String, SinkFactory> factories = Map.of(
                "plain", factory("plain", false, c -> new Logging("plain", c, (x, e) -> { }, Duration.ZERO)),
                "fitted", factory("fitted", false, c -> new Logging("fitted", c, (x, e) -> { }, Duration.ZERO) {
                    @Override
                    public java.util.Optional<io.cellbench.daq.impedance.SweepFits.Output> fits(
                            io.cellbench.impedance.circuit.Circuit with) {
                        return java.util.Optional.of((cellId, fit) -> order.add("fitted: " + cellId + " " + with.text()));
                    }
                }));
        SinkFanout fanout = SinkFanout.open(record, List.of(SinkSettings.of("plain"), SinkSettings.of("fitted")),
                context, factories);
        List<io.cellbench.daq.impedance.SweepFits.Output> outputs = fanout.fits(circuit);
        assertEquals(1, outputs.size(), "only the sink that takes fits");
        outputs.getFirst().fitted("c1", null);
        assertEquals(List.of("fitted: c1 R0-p(R1,C1)"), order);
        fanout.close();
    }

    @Test
    void aFailingRecordReachesTheCallerAndNoSinkHearsWhatItDidNotRecord() throws Exception {
        RunListener full = e -> {
            throw new IllegalStateException("disk full");
        };
        SinkFanout fanout = SinkFanout.open(full, List.of(SinkSettings.of("a")), context,
                Map.of("a", factory("a", false, c -> new Logging("a", c, (x, e) -> { }, Duration.ZERO))));
        assertThrows(IllegalStateException.class, () -> fanout.on(notice("one")));
        assertEquals(List.of(), order);
    }

    @Test
    void whatASinkDerivesFollowsTheEventItCameFromToTheRecordAndTheOtherSinks() throws Exception {
        Map<String, SinkFactory> factories = Map.of(
                "fit", factory("fit", false, c -> new Logging("fit", c, (x, e) -> {
                    if (e instanceof RunEvent.Notice n && n.message().equals("spectrum")) {
                        x.publish().accept(notice("fit of spectrum"));
                    }
                }, Duration.ZERO)),
                "b", factory("b", false, c -> new Logging("b", c, (x, e) -> { }, Duration.ZERO)));
        SinkFanout fanout = SinkFanout.open(record, List.of(SinkSettings.of("fit"), SinkSettings.of("b")), context,
                factories);
        fanout.on(notice("spectrum"));
        assertEquals(List.of("record: spectrum", "fit: spectrum", "b: spectrum",
                "record: fit of spectrum", "b: fit of spectrum"), order, "not back to the sink that derived it");
    }

    @Test
    void anAutomaticSinkOpensUnaskedAfterTheAskedOnesAndOnceWhenAsked() throws Exception {
        Map<String, SinkFactory> factories = Map.of(
                "auto", factory("auto", true, c -> new Logging("auto", c, (x, e) -> { }, Duration.ZERO)),
                "a", factory("a", false, c -> new Logging("a", c, (x, e) -> { }, Duration.ZERO)));
        SinkFanout.open(record, List.of(SinkSettings.of("a")), context, factories).on(notice("one"));
        assertEquals(List.of("record: one", "a: one", "auto: one"), order);
        order.clear();
        SinkFanout.open(record, List.of(SinkSettings.of("auto")), context, factories).on(notice("two"));
        assertEquals(List.of("record: two", "auto: two"), order);
    }

    @Test
    void aSinkThatCannotOpenClosesThoseOpenedBeforeIt() {
        Map<String, SinkFactory> factories = Map.of(
                "a", factory("a", false, c -> new Logging("a", c, (x, e) -> { }, Duration.ZERO)),
                "broken", factory("broken", false, c -> null));
        IOException e = assertThrows(IOException.class, () -> SinkFanout.open(record,
                List.of(SinkSettings.of("a"), SinkSettings.of("broken")), context, factories));
        assertEquals("cannot open broken", e.getMessage());
        assertEquals(List.of("a closed"), order);
        UserError unknown = assertThrows(UserError.class, () -> SinkFanout.open(record,
                List.of(SinkSettings.of("parquet")), context, factories));
        assertEquals("unknown sink 'parquet'; the sinks are a, broken", unknown.getMessage());
    }

    @Test
    void settingsASinkDoesNotKnowAreRefusedByName() {
        SinkSettings s = new SinkSettings("influxdb", Map.of("url", "http://127.0.0.1:8086", "tocken", "x"));
        UserError e = assertThrows(UserError.class, () -> s.allowOnly(List.of("url", "database")));
        assertEquals("sink 'influxdb': unknown setting 'tocken'; its settings are url, database", e.getMessage());
        SinkSettings.of("x").allowOnly(List.of()); // nothing given, nothing refused
    }
}
