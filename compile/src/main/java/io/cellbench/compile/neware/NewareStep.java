package io.cellbench.compile.neware;

import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a BTS step file before it is written: its kind, its {@code Limit/Main} values
 * (set points and cut-offs), its {@code Limit/Other} values (a Cycle's start and count) and its
 * own record period, each as BTS writes it; {@code source} is the protocol step it came from.
 */
final class NewareStep {
    final NewareStepType type;
    final Step source;
    final List<String[]> main = new ArrayList<>();
    final List<String[]> other = new ArrayList<>();
    String recordMillis;

    NewareStep(NewareStepType type, Step source) {
        this.type = type;
        this.source = source;
    }

    NewareStep main(String name, String value) {
        main.add(new String[] {name, value});
        return this;
    }

    NewareStep other(String name, String value) {
        other.add(new String[] {name, value});
        return this;
    }
}
