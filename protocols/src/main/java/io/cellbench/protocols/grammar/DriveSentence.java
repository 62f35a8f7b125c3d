package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.grammar.TermClauses.Clauses;
import io.cellbench.protocols.grammar.TermClauses.HoldPhase;
import io.cellbench.protocols.grammar.Token.Kind;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A drive ("Charge at C/10 until 3.7 V then hold until C/50", "Hold at 4.2 V until C/50") or a
 * rest, with its clauses ({@link TermClauses}) and a temperature suffix ("… at 25 °C").
 */
final class DriveSentence extends SentencePart {
    private static final List<Dimension> SET_POINTS =
            List.of(Dimension.CURRENT, Dimension.C_RATE, Dimension.POWER, Dimension.RESISTANCE, Dimension.VOLTAGE);

    DriveSentence(SentencePart sentence) {
        super(sentence);
    }

    List<Step> drive() {
        Token verb = tokens.advance();
        DriveKind kind = DriveKind.valueOf(verb.text().toUpperCase(Locale.ROOT));
        Token at = tokens.peek();
        if (!at.is("at")) {
            throw tokens.unexpected(at, List.of("at"), "say what to " + verb.lower() + " at, e.g. '" + verb.text()
                    + (kind == DriveKind.HOLD ? " at 4.2 V until C/50'" : " at C/10 for 10 hours'"));
        }
        tokens.advance();
        Amount setPoint = values.amount("a set point", SET_POINTS, false);
        Control control = switch (setPoint.dimension()) {
            case CURRENT -> Control.CURRENT;
            case C_RATE -> Control.C_RATE;
            case POWER -> Control.POWER;
            case RESISTANCE -> Control.RESISTANCE;
            default -> Control.VOLTAGE;
        };
        // PyBaMM reads "Hold at 1 A" as a discharge at 1 A (its sign convention: Hold = +, discharge).
        if (kind == DriveKind.HOLD && control != Control.VOLTAGE) {
            kind = DriveKind.DISCHARGE;
        }
        if (kind == DriveKind.CHARGE && control == Control.RESISTANCE) {
            throw src.error(setPoint.start(), setPoint.end(), "a resistance load can only discharge the cell",
                    "write 'Discharge at " + tokens.text(setPoint) + " …'");
        }
        values.positive(setPoint, "set point", control == Control.VOLTAGE ? "write a voltage above 0 V"
                : "write the magnitude; Charge or Discharge gives the direction (for open circuit write 'Rest for …')");
        window.setPoint(kind, control, setPoint);

        Clauses c = clauses(true);
        if (c.duration == null && c.terms.isEmpty() && c.hold == null) {
            throw src.error(0, src.text().length(), "'" + src.text().strip() + "' never ends",
                    "add " + switch (control) {
                        case VOLTAGE -> "'until 50 mA', 'until C/50'";
                        default -> kind == DriveKind.CHARGE ? "'until 4.2 V'" : "'until 2.5 V'";
                    } + " or 'for 2 hours'");
        }
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : c.terms) {
            Termination t = TerminationRules.forDrive(kind, control, raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        Step.CvHold hold = c.hold == null ? null : cvHold(c, control, until);
        window.clamp(control, setPoint); // last: a mistake in the sentence itself is reported first
        Step.Drive drive = new Step.Drive(src.location(0), src.text(), kind, control, setPoint.value(),
                c.duration == null ? null : c.duration.value(), until, hold,
                c.period == null ? null : c.period.value());
        return withTemperature(c, drive);
    }

    private Step.CvHold cvHold(Clauses c, Control control, List<Termination> ccUntil) {
        HoldPhase h = c.hold;
        if (control == Control.VOLTAGE) {
            throw src.error(h.start(), h.end(), "'then hold' follows a constant-current, C-rate or power phase",
                    "this step already holds a voltage: drop 'then hold …'");
        }
        double volt;
        if (h.volt() != null) {
            volt = h.volt().value();
        } else {
            List<Termination> voltages = ccUntil.stream().filter(t -> t.measure() == Measure.VOLTAGE).toList();
            if (voltages.size() != 1) {
                throw src.error(h.start(), h.headEnd(), voltages.isEmpty()
                                ? "'then hold' needs a voltage to hold at"
                                : "'then hold' cannot tell which of the cut-off voltages to hold at",
                        "end the first phase on one voltage ('until 3.7 V then hold until C/50') "
                                + "or name it ('then hold at 3.7 V until C/50')");
            }
            volt = voltages.getFirst().value();
        }
        window.holdVoltage(volt, h.start(), h.end());
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : h.terms()) {
            Termination t = TerminationRules.forHold(raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        return new Step.CvHold(volt, until);
    }

    List<Step> rest() {
        tokens.advance();
        Clauses c = clauses(false);
        if (c.duration == null && c.terms.isEmpty()) {
            throw src.error(0, src.text().length(), "'" + src.text().strip() + "' needs 'for' or 'until'",
                    "e.g. 'Rest for 1 hour', or 'Rest until >= 3.0 V or 2 hours'");
        }
        List<Termination> until = new ArrayList<>();
        for (RawTerm raw : c.terms) {
            Termination t = TerminationRules.forRest(raw, src);
            window.termination(t, raw);
            until.add(t);
        }
        Step.Rest rest = new Step.Rest(src.location(0), src.text(), c.duration == null ? null : c.duration.value(),
                until, c.period == null ? null : c.period.value());
        return withTemperature(c, rest);
    }

    /**
     * "… at 25oC": older PyBaMM read a temperature suffix (today's PyBaMM wants a keyword
     * argument instead). A cycler cannot run one step at a temperature, it sets the chamber:
     * the suffix becomes "Set temperature to 25 °C and wait until stable" before the step,
     * and the chamber stays there until the protocol sets it again.
     */
    private List<Step> withTemperature(Clauses c, Step step) {
        if (c.temperature == null) {
            return List.of(step);
        }
        Step.SetTemperature set = new Step.SetTemperature(src.location(c.temperatureAt), src.text(),
                c.temperature.value(), true);
        return List.of(set, step);
    }

    private Clauses clauses(boolean drive) {
        return new TermClauses(this).clauses(drive);
    }
}
