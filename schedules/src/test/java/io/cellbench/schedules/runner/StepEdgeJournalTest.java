package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.InstrumentException;
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

    /**
     * The rest's command fails at the instrument: the run ends on a fault before the rest's start
     * was journaled, with the protocol's lists already left. The journal keeps the charge (its
     * command was the last one that acted), and the run ends as a fault, not with an exception
     * on the cell's thread (whole-suite run S8E, a full disk: "a position needs a step path").
     */
    @Test
    void aStepWhoseCommandFailsIsNeverJournaledAndTheRunEndsOnTheFault() {
        Harness h = new Harness();
        List<Heard> heard = new ArrayList<>();
        PositionListener journal = hearing(h, heard, position -> {
        });
        CyclerChannel failingRest = new CyclerChannel() {
            @Override
            public String name() {
                return h.cell.name();
            }

            @Override
            public String identify() {
                return h.cell.identify();
            }

            @Override
            public void apply(ChannelCommand command) {
                if (command instanceof ChannelCommand.OpenCircuit && !heard.isEmpty()) {
                    throw new InstrumentException(name(), ":OUTP OFF", "no answer");
                }
                h.cell.apply(command);
            }

            @Override
            public ChannelReading read() {
                return h.cell.read();
            }

            @Override
            public double maxCurrentAmpere() {
                return h.cell.maxCurrentAmpere();
            }

            @Override
            public void close() {
                h.cell.close();
            }
        };
        RunEvent.Outcome outcome = h.run(protocol("""
                  - Charge at 1 mA until 3.05 V
                  - Rest for 10 s
                """), failingRest, h.clock, b -> b.positionListener(journal));

        assertEquals(RunEvent.Outcome.FAULT, outcome, h.events.of(RunEvent.RunEnded.class).toString());
        assertEquals(List.of(1), heard.stream().map(Heard::stepIndex).distinct().toList(),
                "the steps the journal heard");
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
