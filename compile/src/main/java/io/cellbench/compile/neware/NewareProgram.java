package io.cellbench.compile.neware;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.DriveKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol's steps laid out as the numbered steps of a BTS step file: each drive and rest
 * becomes one step (two for a CC-CV step BTS's CCCV step cannot say), a repeat becomes its
 * body followed by a Cycle step that jumps back to the body's first step ({@code Start_Step})
 * until the body has run {@code Cycle_Count} times, and an End step closes the file. Repeats
 * may nest: each Cycle step counts its own passes. Impedance, pressure and temperature steps
 * have no BTS step and are refused where they are written.
 */
final class NewareProgram {
    private final Refusals refusals;
    private final Amounts amounts;
    private final NewareDrives drives;
    private final List<NewareStep> steps = new ArrayList<>();
    private DriveKind lastDirection;

    private NewareProgram(Protocol protocol, Refusals refusals, Amounts amounts) {
        this.refusals = refusals;
        this.amounts = amounts;
        this.drives = new NewareDrives(refusals, amounts,
                protocol.limits() == null ? io.cellbench.protocols.model.SafetyLimits.NONE : protocol.limits());
    }

    /** The numbered steps of {@code protocol} (End included); problems go to {@code refusals}. */
    static List<NewareStep> of(Protocol protocol, Refusals refusals, Amounts amounts) {
        NewareProgram p = new NewareProgram(protocol, refusals, amounts);
        p.lay(protocol.steps());
        p.steps.add(new NewareStep(NewareStepType.END, null));
        return List.copyOf(p.steps);
    }

    // Exhaustive over the sealed Step, no default: a new step kind does not compile until the
    // Neware target says what it does with it.
    private void lay(List<Step> protocolSteps) {
        for (Step step : protocolSteps) {
            switch (step) {
                case Step.Rest rest -> rest(rest);
                case Step.Drive drive -> {
                    steps.addAll(drives.translate(drive, lastDirection));
                    if (drive.kind() != DriveKind.HOLD) {
                        lastDirection = drive.kind();
                    }
                }
                case Step.Eis eis -> refusals.refuse(eis, "cannot measure impedance: a BTS channel has no impedance"
                        + " analyzer", "run the sweep on an analyzer: delegated execution will split the protocol at"
                        + " each EIS step (see docs/protocols.md, Compile targets); or compile the steps between");
                case Step.SetPressure set -> refusals.refuse(set, "cannot set a stack pressure: BTS has no press"
                        + " control", "set the press by hand before starting, or run the protocol in cellbench");
                case Step.SetTemperature set -> refusals.refuse(set, "cannot set the chamber from a step file that"
                        + " cellbench writes (BTS controls chambers through Control steps linked in BTS itself)",
                        "set the chamber by hand before starting, or run the protocol in cellbench");
                case Step.Repeat repeat -> repeat(repeat);
            }
        }
    }

    private void rest(Step.Rest rest) {
        NewareStep s = new NewareStep(NewareStepType.REST, rest);
        new NewareCutoffs(refusals, amounts, rest).duration(rest.durationSecond()).until(rest.until(), null).writeTo(s);
        if (rest.periodSecond() != null) {
            s.recordMillis = NewareUnits.millisecond(rest.periodSecond());
        }
        steps.add(s);
    }

    private void repeat(Step.Repeat repeat) {
        int first = steps.size() + 1;
        lay(repeat.steps());
        if (repeat.times() <= 1 || steps.size() + 1 == first) {
            return; // once is just the body: no Cycle step, and the cycle counter does not move
        }
        steps.add(new NewareStep(NewareStepType.CYCLE, repeat)
                .other("Start_Step", Integer.toString(first))
                .other("Cycle_Count", Integer.toString(repeat.times())));
    }
}
