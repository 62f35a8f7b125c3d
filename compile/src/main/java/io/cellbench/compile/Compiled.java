package io.cellbench.compile;

import java.util.List;
import java.util.Objects;

/**
 * A protocol compiled for a target: the file's bytes, in the target's encoding, and the
 * warnings (file:line:column: warning: …) about what the file does differently from running
 * the protocol in cellbench, or what could not be checked against a file the vendor wrote.
 */
public record Compiled(CompileTarget target, byte[] content, List<String> warnings) {

    public Compiled {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        warnings = List.copyOf(warnings);
    }

    /** The file as text. */
    public String text() {
        return new String(content, target.charset());
    }
}
