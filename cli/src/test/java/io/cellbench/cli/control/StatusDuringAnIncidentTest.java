package io.cellbench.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.cli.sim.SimulatedInstruments;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.schedules.control.CellStatus;
import io.cellbench.schedules.control.CellWatch;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.control.RunController;
import io.cellbench.schedules.execution.CellInstruments;
import io.cellbench.schedules.execution.ScheduleRunner;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the runner rides out an instrument that stopped answering, {@code status} says so:
 * the cell is NOT_ANSWERING since the incident began, its last voltage and current are not
 * shown as if they were current, and LAST FAULT is the failure (not empty). Virtual time: the
 * status is taken from inside the incident, on the cell's own thread.
 */
class StatusDuringAnIncidentTest {
    @TempDir
    Path dir;

    @Test
    void aCellWhoseChannelStopsAnsweringIsShownAsNotAnsweringSinceTheIncidentWithTheFailure() throws Exception {
        Files.writeString(dir.resolve("charge.yaml"), """
                name: one charge
                limits:
                  voltage: [1.5 V, 4.2 V]
                logging:
                  period: 10 s
                  sample_period: 1 s
                steps:
                  - Charge at C/10 for 10 minutes
                """);
        Files.writeString(dir.resolve("schedule.yaml"), """
                cells:
                  - {id: c1, nominal_capacity: 2 mAh, protocol: charge.yaml, simulation: {preset: coin, seed: 1}}
                """);
        Schedule schedule = ScheduleLoader.load(dir.resolve("schedule.yaml"));
        SimulatedInstruments simulated = new SimulatedInstruments(1.7e9, Double.POSITIVE_INFINITY);
        CellWatch watch = new CellWatch();
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<RunController> controller = new AtomicReference<>();
        AtomicReference<JsonNode> during = new AtomicReference<>();
        ScheduleRunner runner = new ScheduleRunner(schedule, cell -> {
            CellInstruments real = simulated.open(cell);
            // read k (k ≥ 3) is the sample at k - 2 s: reads 100..110 fail, the incident begins at 98 s
            CyclerChannel failing = new FailingReads(real.channel(), 100, 110, failures -> {
                if (failures == 3) {
                    during.set(controller.get().handle(ControlJson.MAPPER.createObjectNode().put("command", "status")));
                }
            });
            return new CellInstruments(real.clock(), failing, null, 0, null, null, real.owned());
        }, e -> {
            events.add(e);
            watch.on(e);
        }).faultRetry(FaultRetry.DEFAULT);
        controller.set(new RunController(runner, watch, 1, Map.of(), e -> { }));
        assertEquals(RunEvent.Outcome.COMPLETED, runner.run().get("c1"));

        assertNotNull(during.get(), "the status was taken during the incident");
        JsonNode c1 = during.get().path("cells").get(0);
        double start = events.stream().filter(e -> e instanceof RunEvent.RunStarted).map(e -> (RunEvent.RunStarted) e)
                .findFirst().orElseThrow().unixTimeSecond();
        assertEquals("NOT_ANSWERING", c1.path("state").asText(), c1.toPrettyString());
        assertEquals(Instant.ofEpochMilli(Math.round((start + 98) * 1000)).toString(),
                c1.path("not_answering_since").asText(), c1.toPrettyString());
        assertTrue(c1.path("voltage_volt").isNull() && c1.path("current_ampere").isNull(),
                "no stale reading shown as current: " + c1.toPrettyString());
        assertTrue(c1.path("last_fault").asText().startsWith("simulated-failure: 'MEAS?': no answer within 2000 ms"),
                c1.toPrettyString());

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        StatusTable.print(List.of(CellStatus.fromJson(c1)), new PrintStream(table, true, StandardCharsets.UTF_8));
        String line = table.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
        assertTrue(line.contains("NOT_ANSWERING since ") && line.contains("no answer within 2000 ms"), line);
    }

    /** Reads number {@code from} .. {@code to} fail; {@code onFailure} hears the running count. */
    private static final class FailingReads extends ForwardingCyclerChannel {
        private final int from;
        private final int to;
        private final java.util.function.IntConsumer onFailure;
        private int reads;
        private int failures;

        FailingReads(CyclerChannel inner, int from, int to, java.util.function.IntConsumer onFailure) {
            super(inner);
            this.from = from;
            this.to = to;
            this.onFailure = onFailure;
        }

        @Override
        public ChannelReading read() {
            reads++;
            if (reads >= from && reads <= to) {
                onFailure.accept(++failures);
                throw new InstrumentException("simulated-failure", "MEAS?", "no answer within 2000 ms");
            }
            return inner.read();
        }
    }
}
