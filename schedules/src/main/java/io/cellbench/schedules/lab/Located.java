package io.cellbench.schedules.lab;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ProtocolException} at a location remembered from an earlier read (a schedule's
 * wiring names, a protocol's steps), with the source line and a caret as the loaders print them.
 */
public final class Located {
    private Located() {
    }

    public static ProtocolException error(SourceLocation at, String offending, String problem, String hint) {
        if (at == null) {
            return ProtocolException.forFile("(schedule)", problem, hint);
        }
        String lineText = null;
        try {
            List<String> lines = Files.readAllLines(Path.of(at.file()), StandardCharsets.UTF_8);
            if (at.line() >= 1 && at.line() <= lines.size()) {
                lineText = lines.get(at.line() - 1);
            }
        } catch (IOException | RuntimeException e) {
            // the message stands without the line
        }
        int start = Math.max(0, at.column() - 1);
        int length = offending == null ? 1 : Math.max(1, offending.length());
        if (lineText != null && lineText.startsWith("\"", start) || lineText != null && lineText.startsWith("'", start)) {
            length += 2; // the quotes around a quoted name
        }
        return new ProtocolException(at.file(), at.line(), at.column(), offending, problem, hint, lineText, start, length);
    }
}
