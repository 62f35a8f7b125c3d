package io.cellbench.compile;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a target cannot do, compiler style: every refusal at its step's
 * file:line:column with the source line and carets under the step, naming the target. The
 * translation goes on after a refusal, so one run reports all of them (the first {@link #CAP});
 * {@link #throwIfAny} ends it. Warnings say where the compiled file behaves differently from
 * the protocol run in cellbench.
 */
public final class Refusals {
    /** Problems shown; beyond this the count is given (a 200-step protocol should not scroll away). */
    public static final int CAP = 20;

    private final CompileTarget target;
    private final List<ProtocolException> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, List<String>> sources = new HashMap<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private int total;

    public Refusals(CompileTarget target) {
        this.target = target;
    }

    public CompileTarget target() {
        return target;
    }

    /** The step cannot be compiled for the target: {@code reason} says why, {@code hint} what to do. */
    public void refuse(Step step, String reason, String hint) {
        if (!seen.add(step.at() + reason)) {
            return; // one step, one reason, once (a C-rate set point and a C-rate cut-off, say)
        }
        total++;
        if (problems.size() < CAP) {
            problems.add(at(step, target.label() + " " + reason, hint));
        }
    }

    /** A problem of the protocol as a whole (its limits, its logging rule): no step to point at. */
    public void refuseProtocol(String file, String reason, String hint) {
        total++;
        if (problems.size() < CAP) {
            problems.add(ProtocolException.forFile(file, target.label() + " " + reason, hint));
        }
    }

    /** The compiled step behaves differently from the protocol run in cellbench; say how. */
    public void warn(Step step, String text) {
        SourceLocation at = step.at();
        warnings.add(at + ": warning: " + target.label() + ": " + text);
    }

    public void warnProtocol(String file, String text) {
        warnings.add(file + ": warning: " + target.label() + ": " + text);
    }

    public boolean any() {
        return total > 0;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void throwIfAny() {
        if (total > 0) {
            throw new CompileException(target, problems, total);
        }
    }

    private ProtocolException at(Step step, String problem, String hint) {
        SourceLocation at = step.at();
        String line = line(at);
        int caret = Math.max(0, at.column() - 1);
        int length = step.text().isEmpty() ? 1 : step.text().length();
        if (line != null) {
            length = Math.max(1, Math.min(length, line.length() - caret));
        }
        return new ProtocolException(at.file(), at.line(), at.column(), step.text(), problem, hint, line, caret, length);
    }

    /** The source line of {@code at}, or null when the file cannot be read (a protocol parsed from text). */
    private String line(SourceLocation at) {
        List<String> lines = sources.computeIfAbsent(at.file(), Refusals::read);
        return at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : null;
    }

    private static List<String> read(String file) {
        try {
            Path p = Path.of(file);
            return Files.isRegularFile(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // no source line to show; the location is still given
        }
    }
}
