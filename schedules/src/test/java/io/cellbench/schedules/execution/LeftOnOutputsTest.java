package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.schedules.control.CellWatch;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.control.RunController;
import io.cellbench.schedules.journal.InstrumentState;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import io.cellbench.schedules.journal.RunJournal;
import io.cellbench.schedules.journal.SchedulerEntry;
import io.cellbench.schedules.runner.FaultRetry;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAFETY: a resume switches off the output of a finished cell that an earlier process left not
 * confirmed off ({@link LeftOnOutputs}). Cells c1 and c2 share the pool {@code bank}; c2 ran on
 * bank/2, faulted, and was never confirmed off. The resume runs c1 only. Its lab opens a cell
 * on the channel the cell is wired to, as the lab file's does, and refuses a pool cell with none.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeftOnOutputsTest {
    @TempDir
    Path dir;

    /** The lab: every channel switched off by name, bank/2 refusing to confirm while {@code stalled}. */
    private final List<String> switchedOff = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stalled;

    @Test
    void aPoolCellsOutputLeftOnIsSwitchedOffOnTheChannelItRanOn() throws Exception {
        Resume resume = resume();
        assertEquals(Outcome.COMPLETED, resume.runner.run().get("c1"));
        assertTrue(switchedOff.contains("bank/2"), "c2's channel, bank/2, is switched off: " + switchedOff + " "
                + resume.events);
        assertTrue(resume.runner.awaitOutputsOff(TimeUnit.SECONDS.toMillis(30)), "and confirmed off");
        assertFalse(JournalFiles.readEntry(dir, "c2").orElseThrow().outputInDoubt(), "the journal says so");
        resume.runner.close();
    }

    @Test
    void statusListsTheCellWhoseOutputTheResumeSwitchesOffWithItsState() throws Exception {
        stalled = true; // bank/2 does not answer at resume: the switch-off is retried
        Resume resume = resume();
        RunController controller = new RunController(resume.runner, new CellWatch(), 1, Map.of(), e -> { });
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread run = TestLab.start(resume.runner, outcomes);
        TestLab.until(() -> resume.runner.outputsUnconfirmed().contains("c2"), "the resume retries c2's switch-off");

        JsonNode status = controller.handle(ControlJson.MAPPER.createObjectNode().put("command", "status"));
        List<String> ids = new ArrayList<>();
        status.path("cells").forEach(c -> ids.add(c.path("cell_id").asText()));
        assertEquals(List.of("c1", "c2"), ids, "the run's cells, in the schedule's order: " + status.toPrettyString());
        JsonNode c2 = status.path("cells").get(1);
        assertEquals("ENDED", c2.path("state").asText(), c2.toPrettyString());
        assertEquals("FAULT", c2.path("outcome").asText(), c2.toPrettyString());
        assertFalse(c2.path("output_off_confirmed").asBoolean(true), c2.toPrettyString());
        assertFalse(c2.path("output_unconfirmed_since").isNull(), c2.toPrettyString());

        stalled = false; // bank/2 answers again
        assertTrue(resume.runner.awaitOutputsOff(TimeUnit.SECONDS.toMillis(30)), "confirmed off once it answers");
        run.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(Outcome.COMPLETED, outcomes.get().get("c1"));
        JsonNode after = controller.handle(ControlJson.MAPPER.createObjectNode().put("command", "status"))
                .path("cells").get(1);
        assertTrue(after.path("output_off_confirmed").asBoolean(), after.toPrettyString());
        resume.runner.close();
    }

    private record Resume(ScheduleRunner runner, CollectingListener events) {
    }

    /** The run's journal after the first process: c2 ran on bank/2 and faulted unconfirmed; the resume's runner. */
    private Resume resume() throws Exception {
        Schedule schedule = TestLab.schedule(dir, """
                pools:
                  bank: [bank/1, bank/2]
                cells:
                  - {id: c1, nominal_capacity: 2 mAh, protocol: rest.yaml, pool: bank}
                  - {id: c2, nominal_capacity: 2 mAh, protocol: rest.yaml, pool: bank}
                """, ChannelPoolTest.REST);
        ScheduledCell c1 = schedule.cells().get(0);
        ScheduledCell c2 = schedule.cells().get(1);
        JournalFiles.writeScheduler(dir, new SchedulerEntry("c2", "bank/2", Map.of()));
        JournalFiles.writeEntry(dir, new JournalEntry("c2", TestLab.T0 + 60, null, Outcome.FAULT, Map.of(), null, false));

        RunJournal journal = new RunJournal(dir, id -> { }, InstrumentState.NONE, 1024, Map.of());
        TestLab lab = new TestLab();
        CollectingListener events = new CollectingListener();
        ScheduleRunner runner = new ScheduleRunner(schedule.withCells(List.of(c1)), cell -> {
            if (cell.wiring().channel() == null) {
                throw new InstrumentException("lab.yaml", null, "cell " + cell.info().id() + " names no channel"
                        + " (pool 'bank' was not assigned)");
            }
            CellInstruments opened = lab.open(cell);
            String channel = cell.wiring().channel().name();
            return new CellInstruments(opened.clock(), new Named(channel, opened.channel()), null, 0, null, null,
                    opened.owned());
        }, events, journal).faultRetry(FaultRetry.within(1))
                .switchOffLeftOn(Map.of(c2, JournalFiles.readEntry(dir, "c2").orElseThrow()));
        return new Resume(runner, events);
    }

    /** A channel of the lab under its pool name, recording switch-offs (and refusing them on bank/2 while stalled). */
    private final class Named extends ForwardingCyclerChannel {
        private final String name;

        Named(String name, CyclerChannel channel) {
            super(channel);
            this.name = name;
        }

        @Override
        public void switchOff() {
            if (stalled && name.equals("bank/2")) {
                throw new InstrumentException(name, "OUTP?", "no answer");
            }
            inner.switchOff();
            switchedOff.add(name);
        }

        @Override
        public String name() {
            return name;
        }
    }
}
