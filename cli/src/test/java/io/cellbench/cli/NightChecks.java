package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.fixtures.lab.VirtualInstrument;
import io.cellbench.fixtures.lab.VirtualLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the morning after the soak's night must show; each check names what it found. */
final class NightChecks {
    private NightChecks() {
    }

    static void check(HostileNightSoakTest.Night night, Path refDir, VirtualLab refLab) throws Exception {
        List<String> cells = HostileNightSoakTest.CELLS;
        String context = night.replay;
        Map<String, NightRecords.Cell> soak = NightRecords.read(night.record, cells);
        Map<String, NightRecords.Cell> ref = NightRecords.read(refDir, cells);
        List<JsonNode> events = NightRecords.events(night.record);
        List<JsonNode> refEvents = NightRecords.events(refDir);
        Map<String, List<Sample>> influx = NightRecords.influx(night, cells, night.logs.resolve("from-influx"));
        for (String c : cells) {
            assertEquals(Optional.of(RunEvent.Outcome.COMPLETED), ref.get(c).entry().outcome(), "reference " + c);
            boolean stalled = c.equals(night.plan.stalledCell());
            assertEquals(Optional.of(stalled ? RunEvent.Outcome.FAULT : RunEvent.Outcome.COMPLETED),
                    soak.get(c).entry().outcome(), c + ", " + context);
            NightTimes.continuous(c, soak.get(c).samples(), context);
            NightInflux.holdsTheFiles(c, soak.get(c).samples(), influx.get(c), context);
        }
        List<String> lines = new ArrayList<>();
        for (String c : night.survivors()) {
            List<Double> resumes = NightRecords.resumes(events, c);
            assertEquals(night.kills.size(), resumes.size(), c + ": one resumed start per kill (the losers of the races"
                    + " started nothing), " + context);
            NightTimes times = new NightTimes(night, c, resumes);
            lines.add(NightInflux.losses(c, soak.get(c).samples(), influx.get(c), resumes, context));
            double diffusion = night.lab.cells().stream().filter(x -> x.id().equals(c)).findFirst().orElseThrow().cell()
                    .parameters().diffusion().timeConstantSecond();
            lines.add(new NightComparison(c, soak.get(c), ref.get(c), times.relived(), times::cellTime, diffusion,
                    context).stepStarts(NightRecords.stepStarts(events, c), NightRecords.stepStarts(refEvents, c))
                    .check());
        }
        nothingSources(night.lab, "the soak's lab", context);
        nothingSources(refLab, "the reference's lab", context);
        NightAlarms.check(night, events, context);
        lines.forEach(l -> System.out.println("HostileNightSoakTest: " + l));
    }

    /** Ask every simulator: no channel may be left sourcing (an output on at 0 A holds the cell at rest). */
    static void nothingSources(VirtualLab lab, String which, String context) {
        List<String> left = new ArrayList<>();
        for (VirtualInstrument i : lab.instruments()) {
            for (ChannelCommand c : i.channelCommands()) {
                if (!rests(c)) {
                    left.add(i.name() + ": " + c);
                }
            }
        }
        assertEquals(List.of(), left, "channels of " + which + " left sourcing, " + context);
    }

    /** Whether a channel's command sources nothing: open circuit, or an output on at 0 A (the Keithley's rest). */
    static boolean rests(ChannelCommand c) {
        return c instanceof ChannelCommand.OpenCircuit || c instanceof ChannelCommand.Current cur && cur.ampere() == 0;
    }

    /** The stalled cell: FAULT within the bound of its first failed read, its output switched off. */
    static void stall(HostileNightSoakTest.Night night, List<JsonNode> events, String context) {
        String cell = night.plan.stalledCell();
        JsonNode incident = events.stream().filter(e -> cell.equals(e.path("cell_id").asText())
                && "WARNING".equals(e.path("severity").asText()) && e.path("message").asText().contains("retrying"))
                .findFirst().orElseThrow(() -> new AssertionError(cell + ": no incident recorded, " + context));
        JsonNode end = events.stream().filter(e -> cell.equals(e.path("cell_id").asText())
                && "RunEnded".equals(e.path("type").asText())).reduce((a, b) -> b).orElseThrow();
        double took = end.path("test_time_second").asDouble() - incident.path("test_time_second").asDouble();
        System.out.printf(Locale.ROOT, "HostileNightSoakTest: %s stalled; FAULT %.0f lab s after its first failed read"
                + " began (bound %.0f s)%n", cell, took, NightInputs.FAULT_RETRY);
        assertTrue(took >= 0 && took <= NightInputs.FAULT_RETRY, cell + " faulted " + took + " s after the stall's first"
                + " failed read began, bound " + NightInputs.FAULT_RETRY + " s: " + end + ", " + context);
        assertTrue(end.path("message").asText().contains(NightInputs.channelOf(cell)), "names the instrument: " + end);
        // Off, not merely at 0 A: a FAULT in a rest (the Keithley's zero-current rest keeps its
        // output on) is switched off too, by the process that faulted or by a resume after a kill.
        List<ChannelCommand> left = night.lab.instrument(NightInputs.channelOf(cell)).channelCommands();
        assertTrue(left.stream().allMatch(c -> c instanceof ChannelCommand.OpenCircuit), cell + "'s output is off"
                + " (its commands still reach it; only its answers never come): " + left + ", " + context);
    }
}
