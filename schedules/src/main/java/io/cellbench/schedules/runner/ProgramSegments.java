package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol cut for a cycler that runs programs of its own: runs of steps it can run, each a
 * program of its own, and between them the impedance steps, which cellbench runs on the
 * cell's analyzer (a cycler channel has none). A repeat that holds an impedance step is
 * written out pass by pass, so each pass's sweep falls between two programs; other repeats stay
 * loops of the program. The steps are the protocol's own objects, so a segment's step keeps the
 * protocol's step index.
 */
final class ProgramSegments {
    private ProgramSegments() {
    }

    /** One part of the protocol: a program's steps, or one impedance step. */
    record Segment(List<Step> steps, Step.Eis eis) {
        boolean program() {
            return eis == null;
        }

        /** The segment as a protocol of its own, for the compiler (same limits and logging). */
        Protocol asProtocol(Protocol whole, int number, int of) {
            return new Protocol(of == 1 ? whole.name() : whole.name() + " (part " + number + " of " + of + ")",
                    whole.source(), whole.limits(), whole.logging(), steps);
        }

        /** The step a position falls back on before any of the segment's steps began. */
        Step first() {
            return eis != null ? eis : steps.getFirst();
        }
    }

    static List<Segment> of(Protocol protocol) {
        List<Step> flat = new ArrayList<>();
        flatten(protocol.steps(), flat);
        List<Segment> out = new ArrayList<>();
        List<Step> run = new ArrayList<>();
        for (Step s : flat) {
            if (s instanceof Step.Eis eis) {
                if (!run.isEmpty()) {
                    out.add(new Segment(List.copyOf(run), null));
                    run.clear();
                }
                out.add(new Segment(List.of(), eis));
            } else {
                run.add(s);
            }
        }
        if (!run.isEmpty()) {
            out.add(new Segment(List.copyOf(run), null));
        }
        return List.copyOf(out);
    }

    private static void flatten(List<Step> steps, List<Step> out) {
        for (Step s : steps) {
            if (s instanceof Step.Repeat r && holdsEis(r.steps())) {
                for (int k = 0; k < r.times(); k++) {
                    flatten(r.steps(), out);
                }
            } else {
                out.add(s);
            }
        }
    }

    private static boolean holdsEis(List<Step> steps) {
        for (Step s : steps) {
            if (s instanceof Step.Eis || s instanceof Step.Repeat r && holdsEis(r.steps())) {
                return true;
            }
        }
        return false;
    }
}
