package io.cellbench.compile.neware;

import io.cellbench.compile.Amounts;
import io.cellbench.compile.Refusals;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import java.util.List;

/**
 * Charge, discharge and hold steps as BTS steps. Currents and limits follow what cellbench
 * itself does when it runs the protocol (docs/runner.md): a constant-voltage step may draw up
 * to the safety window's current in its direction; the CV phase of a CC-CV step no more than
 * its CC phase did. A CC-CV step becomes one CCCV step when BTS's can say the same (its time
 * limit covers both phases, as the protocol's "for" does), else a CC step and a CV step.
 */
final class NewareDrives {
    private final Refusals refusals;
    private final Amounts amounts;
    private final SafetyLimits limits;

    NewareDrives(Refusals refusals, Amounts amounts, SafetyLimits limits) {
        this.refusals = refusals;
        this.amounts = amounts;
        this.limits = limits;
    }

    /**
     * The BTS steps of {@code d}; {@code lastDirection} is the kind of the drive before it in
     * the file (CHARGE or DISCHARGE, or null), which decides the direction of a bare hold.
     */
    List<NewareStep> translate(Step.Drive d, DriveKind lastDirection) {
        DriveKind direction = d.kind() == DriveKind.HOLD ? lastDirection : d.kind();
        if (direction == null) {
            refusals.refuse(d, "holds a voltage in one direction only (CV_Chg or CV_DChg), and this hold follows"
                    + " no charge or discharge to take it from", "write 'Charge at 4.2 V …' or 'Discharge at 3 V …',"
                    + " or put the hold after a charge or a discharge");
            return List.of();
        }
        boolean charge = direction == DriveKind.CHARGE;
        return switch (d.control()) {
            case CURRENT, C_RATE -> d.thenHold() == null ? List.of(constantCurrent(d, charge)) : cccv(d, charge);
            case VOLTAGE -> List.of(constantVoltage(d, charge));
            case POWER -> d.thenHold() != null ? refused(d, "has no constant-power-then-hold step that cellbench"
                    + " writes (BTS's CPCV steps are not in any step file BTS wrote that cellbench could read)")
                    : List.of(power(d, charge));
            case RESISTANCE -> List.of(resistance(d));
        };
    }

    private List<NewareStep> refused(Step.Drive d, String reason) {
        refusals.refuse(d, reason, "split it into a constant-power step and a 'Hold at … V' step");
        return List.of();
    }

    private NewareStep constantCurrent(Step.Drive d, boolean charge) {
        NewareStep s = new NewareStep(charge ? NewareStepType.CC_CHG : NewareStepType.CC_DCHG, d);
        setCurrent(s, d);
        new NewareCutoffs(refusals, amounts, d).duration(d.durationSecond()).until(d.until(), charge).writeTo(s);
        return record(s, d);
    }

    private List<NewareStep> cccv(Step.Drive d, boolean charge) {
        Step.CvHold hold = d.thenHold();
        double ccAmpere = amounts.ampere(d);
        double cvLimit = Math.min(ccAmpere, safetyAmpere(charge));
        boolean ccOnlyAtHoldVoltage = d.until().stream()
                .allMatch(t -> t.measure() == Termination.Measure.VOLTAGE && t.value() == hold.volt());
        boolean holdOnlyOnCurrent = hold.until().stream().allMatch(t -> t.measure() == Termination.Measure.CURRENT
                || t.measure() == Termination.Measure.C_RATE);
        if (ccOnlyAtHoldVoltage && holdOnlyOnCurrent) {
            // One CCCV step: BTS switches from CC to CV at the voltage, and its time limit covers
            // both phases, as the protocol's "for" does.
            NewareStep s = new NewareStep(charge ? NewareStepType.CCCV_CHG : NewareStepType.CCCV_DCHG, d);
            setCurrent(s, d);
            s.main("Volt", NewareUnits.volt(hold.volt()));
            new NewareCutoffs(refusals, amounts, d).duration(d.durationSecond()).until(hold.until(), null).writeTo(s);
            warnIfLimited(d, ccAmpere, cvLimit);
            return List.of(record(s, d));
        }
        if (d.durationSecond() != null) {
            refusals.refuse(d, "cannot limit the time of a CC-CV step over both phases when the hold has other"
                    + " conditions than a current: BTS's CCCV step holds one time limit and one current cut-off",
                    "split it: 'Charge at … until " + hold.volt() + " V' then 'Hold at " + hold.volt()
                            + " V until … or 2 hours'");
            return List.of();
        }
        NewareStep cc = new NewareStep(charge ? NewareStepType.CC_CHG : NewareStepType.CC_DCHG, d);
        setCurrent(cc, d);
        NewareCutoffs ccEnds = new NewareCutoffs(refusals, amounts, d).until(d.until(), charge);
        if (ccEnds.volt == null) {
            ccEnds.volt = hold.volt(); // the CC phase ends at the hold voltage when it names none itself
        }
        ccEnds.writeTo(cc);
        NewareStep cv = new NewareStep(charge ? NewareStepType.CV_CHG : NewareStepType.CV_DCHG, d);
        cv.main("Curr", NewareUnits.milliampere(cvLimit));
        cv.main("Volt", NewareUnits.volt(hold.volt()));
        new NewareCutoffs(refusals, amounts, d).until(hold.until(), null).writeTo(cv);
        return List.of(record(cc, d), record(cv, d));
    }

    private NewareStep constantVoltage(Step.Drive d, boolean charge) {
        NewareStep s = new NewareStep(charge ? NewareStepType.CV_CHG : NewareStepType.CV_DCHG, d);
        double limit = d.kind() == DriveKind.HOLD
                ? Math.min(safetyAmpere(true), safetyAmpere(false)) : safetyAmpere(charge);
        if (!Double.isFinite(limit)) {
            refusals.refuse(d, "needs a current limit for a constant-voltage step, and cellbench takes it from the"
                    + " safety window, which has none", "set limits: current: [-5 mA, 5 mA] in the protocol");
            return s;
        }
        s.main("Curr", NewareUnits.milliampere(limit));
        s.main("Volt", NewareUnits.volt(d.value()));
        new NewareCutoffs(refusals, amounts, d).duration(d.durationSecond()).until(d.until(), null).writeTo(s);
        return record(s, d);
    }

    private NewareStep power(Step.Drive d, boolean charge) {
        NewareStep s = new NewareStep(charge ? NewareStepType.CP_CHG : NewareStepType.CP_DCHG, d);
        s.main("Power", NewareUnits.milliwatt(d.value()));
        refusals.warn(d, "the power set point is written as Power (mW), a field not seen in a step file BTS wrote:"
                + " check the step in BTS's step editor before the first run");
        new NewareCutoffs(refusals, amounts, d).duration(d.durationSecond()).until(d.until(), charge).writeTo(s);
        return record(s, d);
    }

    private NewareStep resistance(Step.Drive d) {
        NewareStep s = new NewareStep(NewareStepType.CR_DCHG, d);
        s.main("Resistance", NewareUnits.milliohm(d.value()));
        refusals.warn(d, "the load is written as Resistance (mΩ), a field not seen in a step file BTS wrote:"
                + " check the step in BTS's step editor before the first run");
        new NewareCutoffs(refusals, amounts, d).duration(d.durationSecond()).until(d.until(), false).writeTo(s);
        return record(s, d);
    }

    private void setCurrent(NewareStep s, Step.Drive d) {
        double ampere = amounts.ampere(d);
        if (Double.isNaN(ampere)) {
            return; // refused already: a C-rate without a capacity
        }
        s.main("Curr", NewareUnits.milliampere(ampere));
        if (d.control() == Control.C_RATE) {
            s.main("Rate", NewareUnits.rate(d.value()));
        }
    }

    /** The largest |current| the safety window allows in a direction, A (+∞ when it sets none). */
    private double safetyAmpere(boolean charge) {
        return charge ? limits.current().max() : -limits.current().min();
    }

    private void warnIfLimited(Step.Drive d, double ccAmpere, double cvLimit) {
        if (cvLimit < ccAmpere) {
            refusals.warn(d, "BTS's CCCV step holds the CC current as the CV phase's limit; cellbench would limit"
                    + " the CV phase to the safety window's " + cvLimit * 1e3 + " mA");
        }
    }

    private static NewareStep record(NewareStep s, Step.Drive d) {
        if (d.periodSecond() != null) {
            s.recordMillis = NewareUnits.millisecond(d.periodSecond());
        }
        return s;
    }
}
