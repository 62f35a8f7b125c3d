package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A kill at a step edge must not leave the previous step's current on while the journal names
 * the next step: the journal hears a step's (or a CC-CV's CV phase's) start only once the
 * channel has the step's command. Killed between the two, the journal still names the step
 * before, whose termination a resume then finds met; the other way round the resume would
 * start the next step on a cell that went on charging past its cut-off all through the
 * downtime (docs/runner.md, "Journal and resume").
 */
class StepEdgeJournalTest {

    /** A position the journal heard and the command the channel had at that moment. */
    private record Heard(int stepIndex, RunPosition.Phase phase, ChannelCommand command) {
    }

    @Test
    void whenAStepOrPhaseStartIsJournaledTheChannelAlreadyHasItsCommand() {
        Harness h = new Harness();
        List<Heard> heard = new ArrayList<>();
        PositionListener journal = hearing(h, heard, position -> {
        });
        // The standard cell: 3.0 V at rest, +1 mV/s at 1 mA (10 mV across its 10 Ω).
        h.run(protocol("""
                  - Charge at 1 mA until 3.05 V
                  - Rest for 10 s
                  - Charge at 1 mA until 3.08 V then hold until 0.5 mA
                  - Discharge at 1 mA for 10 s
                """), b -> b.positionListener(journal));

        List<String> starts = new ArrayList<>();
        Heard before = null;
        for (Heard now : heard) {
            if (before == null || now.stepIndex() != before.stepIndex() || now.phase() != before.phase()) {
                starts.add(now.stepIndex() + " " + now.phase() + " " + kind(now.command()));
            }
            before = now;
        }
        assertEquals(List.of("1 MAIN charge", "2 MAIN open circuit", "3 MAIN charge", "3 CV voltage",
                "4 MAIN discharge"), starts, "step starts as journaled, with the channel's command then");
        assertTrue(heard.size() > starts.size(), "samples are journaled too: " + heard.size());
    }

    /**
     * Held at the very edge (the hold lands with the charge's end sample): the discharge's
     * command waits for the release, and the pause opens the circuit first. No position naming
     * the discharge may be journaled while the charge is still on.
     */
    @Test
    void aStepHeldAtItsStartIsJournaledOnlyOnceThePauseOpenedTheCircuit() {
        Harness h = new Harness();
        List<Heard> heard = new ArrayList<>();
        PositionListener journal = hearing(h, heard, position -> {
            List<io.cellbench.core.data.Sample> samples = h.events.samples();
            if (position.stepIndex() == 1 && !samples.isEmpty() && samples.getLast().voltageVolt() >= 3.05) {
                h.runner.hold("operator", "checking the crimp"); // with the charge's end sample
            }
            if (heard.stream().filter(p -> p.stepIndex() == 2).count() == 4) {
                h.runner.release("operator");
            }
        });
        RunEvent.Outcome outcome = h.run(protocol("""
                  - Charge at 1 mA until 3.05 V
                  - Discharge at 1 mA for 10 s
                """), b -> b.positionListener(journal));

        assertEquals(RunEvent.Outcome.COMPLETED, outcome, h.events.of(RunEvent.RunEnded.class).toString());
        assertTrue(h.events.of(RunEvent.Notice.class).stream().anyMatch(n -> n.message().startsWith("paused")),
                "the hold paused the run");
        List<String> inDischarge = heard.stream().filter(p -> p.stepIndex() == 2)
                .map(p -> kind(p.command())).distinct().toList();
        assertEquals(List.of("open circuit", "discharge"), inDischarge,
                "the channel's commands while the journal named the discharge");
    }

    /** {@code steps} at a sample a second, within 2-4 V. */
    private static Protocol protocol(String steps) {
        return ProtocolLoader.parse("""
                name: step edges
                limits:
                  voltage: [2.0 V, 4.0 V]
                logging:
                  sample_period: 1 s
                steps:
                """ + steps, "edges.yaml");
    }

    /** A journal that keeps what it heard, with the channel's command then, and then does {@code then}. */
    private static PositionListener hearing(Harness h, List<Heard> heard, Consumer<RunPosition> then) {
        return new PositionListener() {
            @Override
            public void at(RunPosition position, boolean boundary) {
                heard.add(new Heard(position.stepIndex(), position.phase(), h.cell.command()));
                then.accept(position);
            }

            @Override
            public void ended(RunEvent.Outcome outcome, RunPosition last) {
            }
        };
    }

    private static String kind(ChannelCommand command) {
        return switch (command) {
            case ChannelCommand.OpenCircuit o -> "open circuit";
            case ChannelCommand.Current c -> c.ampere() > 0 ? "charge" : "discharge";
            case ChannelCommand.Voltage v -> "voltage";
            default -> command.toString();
        };
    }
}
