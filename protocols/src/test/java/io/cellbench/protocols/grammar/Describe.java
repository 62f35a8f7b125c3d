package io.cellbench.protocols.grammar;

import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A compact, exact description of parsed steps, for corpus files and assertions. */
final class Describe {

    private Describe() {
    }

    static String steps(List<Step> steps) {
        return steps.stream().map(Describe::step).collect(Collectors.joining(" ; "));
    }

    static String step(Step s) {
        return switch (s) {
            case Step.Drive d -> lower(d.kind()) + " " + lower(d.control()) + "=" + n(d.value())
                    + opt(" for=", d.durationSecond()) + until(d.until())
                    + (d.thenHold() == null ? "" : " hold=" + n(d.thenHold().volt()) + until(d.thenHold().until()))
                    + opt(" period=", d.periodSecond());
            case Step.Rest r -> "rest" + opt(" for=", r.durationSecond()) + until(r.until())
                    + opt(" period=", r.periodSecond());
            case Step.SetTemperature t -> "set_temperature " + n(t.celsius()) + (t.waitUntilStable() ? " wait" : "");
            case Step.SetPressure p -> "set_pressure " + n(p.pascal()) + (p.waitUntilStable() ? " wait" : "");
            case Step.Eis e -> lower(e.mode()) + " " + n(e.startHz()) + ".." + n(e.endHz()) + " amplitude="
                    + n(e.amplitude()) + " ppd=" + e.pointsPerDecade();
            case Step.Repeat r -> "repeat " + r.times() + " [" + steps(r.steps()) + "]";
        };
    }

    private static String until(List<Termination> terms) {
        if (terms.isEmpty()) {
            return "";
        }
        return " until=[" + terms.stream().map(t -> lower(t.measure()) + " " + t.op().symbol() + " " + n(t.value()))
                .collect(Collectors.joining(", ")) + "]";
    }

    private static String opt(String key, Double v) {
        return v == null ? "" : key + n(v);
    }

    static String n(double v) {
        return StepText.number(v);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
