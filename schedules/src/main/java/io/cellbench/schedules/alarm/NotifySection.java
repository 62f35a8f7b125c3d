package io.cellbench.schedules.alarm;

import io.cellbench.core.quantity.Dimension;
import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import io.cellbench.protocols.YamlNode.Entry;
import io.cellbench.protocols.YamlNode.Mapping;
import io.cellbench.protocols.YamlNode.Scalar;
import io.cellbench.protocols.YamlNode.Sequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One top-level section of a notify file ({@code command:}, {@code webhook:}, {@code retry:}…),
 * with the readers every section uses: each mistake is reported as {@code file:line:column}
 * with a hint, and secrets come from a variable or a file the section names, never from the
 * notify file itself (it is copied into the run directory).
 */
public final class NotifySection {
    /**
     * What every section of one file is read with: the file, the environment secrets come from,
     * and whether they are read at all (not when {@code cellbench validate} only checks).
     */
    record Source(YamlDocument doc, Map<String, String> env, boolean secrets) {
    }

    private final Source from;
    private final Entry entry;

    NotifySection(Source from, Entry entry) {
        this.from = from;
        this.entry = entry;
    }

    /** The section's indented {@code key: value} lines. */
    public Mapping mapping() {
        if (entry.value() instanceof Mapping m) {
            return m;
        }
        throw from.doc().error(entry.value() == null ? entry.key() : entry.value(), "'" + entry.key().value()
                + "' takes indented 'key: value' lines", "see examples/notify.yaml");
    }

    /**
     * The value of a {@code *_env} or {@code *_file} entry: the variable's value or the file's
     * first line. When the notify file is only checked ({@code cellbench validate}, on a machine
     * that may not have the secrets), a URL's is a placeholder and anything else's null.
     */
    public String secret(Entry e) {
        String name = scalar(e);
        // checked also when the secret itself is not read, so validate refuses what run refuses
        if (e.key().value().endsWith("_file") && !Path.of(name).isAbsolute()) {
            throw from.doc().error(e.value(), "a secret file is named by its absolute path",
                    "e.g. /etc/cellbench/webhook-url; the notify file is copied into the run directory, the secret is not");
        }
        if (!from.secrets()) {
            return e.key().value().startsWith("url") ? "https://not-read.invalid/" : null;
        }
        if (e.key().value().endsWith("_env")) {
            String v = from.env().get(name);
            if (v == null || v.isBlank()) {
                throw from.doc().error(e.value(), "the environment variable " + name + " is not set",
                        "export it in the shell that starts cellbench (also for 'cellbench resume')");
            }
            return v.strip();
        }
        Path p = Path.of(name);
        try {
            String v = Files.readString(p, StandardCharsets.UTF_8).strip();
            if (v.isEmpty()) {
                throw from.doc().error(e.value(), "the file " + name + " is empty", "write the secret on its first line");
            }
            return v.lines().findFirst().orElseThrow().strip();
        } catch (IOException ex) {
            String why = ex instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : ex instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw from.doc().error(e.value(), "cannot read " + name + ": " + why,
                    "check the path and that this user may read it");
        }
    }

    /** A program and its arguments, as a list: no shell is involved. */
    public List<String> arguments(Entry e) {
        if (!(e.value() instanceof Sequence s) || s.items().isEmpty()) {
            throw from.doc().error(e.value() == null ? e.key() : e.value(), "'" + e.key().value() + "' is the command as a "
                    + "list of arguments", "e.g. " + e.key().value() + ": [/usr/local/bin/page-me, --team, lab]; no "
                    + "shell is involved");
        }
        List<String> args = new ArrayList<>();
        for (YamlNode item : s.items()) {
            if (!(item instanceof Scalar sc) || sc.value() == null) {
                throw from.doc().error(item, "each argument is a single value", "quote it if it contains ',' or ':'");
            }
            args.add(sc.value());
        }
        String program = args.getFirst();
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            throw from.doc().error(s.items().getFirst(), "the program is an absolute path or a name on PATH",
                    "a relative path would depend on the directory cellbench is started from");
        }
        return args;
    }

    /** A single value, stripped. */
    public String scalar(Entry e) {
        if (e.value() instanceof Scalar s && s.value() != null && !s.value().isBlank()) {
            return s.value().strip();
        }
        throw from.doc().error(e.value() == null ? e.key() : e.value(), "'" + e.key().value() + "' takes a single value",
                "write it after the key on the same line");
    }

    /** A positive time with its unit ("10 min", "30 s"). */
    public Duration duration(Entry e) {
        scalar(e);
        double seconds = from.doc().quantity((Scalar) e.value(), Dimension.TIME, e.key().value());
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw from.doc().error(e.value(), "'" + e.key().value() + "' must be a positive time", "e.g. 10 min or 30 s");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** A whole number of at least {@code min}. */
    public int count(Entry e, int min) {
        String v = scalar(e);
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // the message below
        }
        throw from.doc().error(e.value(), "'" + e.key().value() + "' must be a whole number of at least " + min,
                "e.g. " + e.key().value() + ": " + Math.max(min, 5));
    }

    /** A key this section does not know; {@code known} lists those it does. */
    public ProtocolException unknown(Entry e, String known) {
        return from.doc().error(e.key(), "unknown key '" + e.key().value() + "'", "the keys here are " + known);
    }

    /** A mistake at {@code node}: what is wrong, and what to write instead. */
    public ProtocolException error(YamlNode node, String what, String hint) {
        return from.doc().error(node, what, hint);
    }
}
