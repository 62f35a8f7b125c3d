package io.cellbench.compile;

import io.cellbench.protocols.ProtocolException;
import java.util.List;

/**
 * A protocol asks for something its compile target cannot do. Carries every problem found
 * (up to a cap), each at its step's file:line:column and naming the target and the reason, as
 * a compiler reports errors; the message lists them all and how many there were.
 */
public final class CompileException extends RuntimeException {
    private final CompileTarget target;
    private final List<ProtocolException> problems;
    private final int total;

    public CompileException(CompileTarget target, List<ProtocolException> problems, int total) {
        super(format(target, problems, total));
        this.target = target;
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public CompileTarget target() {
        return target;
    }

    /** The problems reported (at most {@link Refusals#CAP}), in file order. */
    public List<ProtocolException> problems() {
        return problems;
    }

    /** How many problems there were, including those beyond the cap. */
    public int total() {
        return total;
    }

    private static String format(CompileTarget target, List<ProtocolException> problems, int total) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolException p : problems) {
            sb.append(p.getMessage()).append('\n');
        }
        if (total > problems.size()) {
            sb.append("... and ").append(total - problems.size()).append(" more\n");
        }
        sb.append(total).append(total == 1 ? " problem" : " problems").append(": the protocol cannot be compiled for ")
                .append(target.label());
        return sb.toString();
    }
}
