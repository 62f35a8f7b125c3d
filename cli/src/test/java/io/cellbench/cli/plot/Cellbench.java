package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellbench.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Runs the command line as a user would and keeps what it printed. */
final class Cellbench {
    private Cellbench() {
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(Object... args) {
        String[] argv = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(argv);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Records the demo into {@code dir}/demo (deterministic: seeded cells in virtual time); returns it. */
    static Path demo(Path dir) {
        Path demo = dir.resolve("demo");
        Outcome o = run("demo", "--out", demo);
        assertEquals(0, o.code(), o.err());
        return demo;
    }

    /** Draws {@code plot ARGS -o svg}, which must succeed; returns the figure's texts. */
    static List<String> plotTexts(Path svg, Object... args) throws IOException {
        Outcome o = run(Stream.concat(Stream.concat(Stream.of("plot"), Arrays.stream(args)), Stream.of("-o", svg))
                .toArray());
        assertEquals(0, o.code(), o.err());
        return Images.texts(Images.svg(svg));
    }

    /**
     * Runs {@code plot ARGS -o out}, which must be refused as a user's mistake: exit code 2, a
     * message and no stack trace, no file written. Returns the message.
     */
    static String plotRefused(Path out, Object... args) {
        Outcome o = run(Stream.concat(Stream.concat(Stream.of("plot"), Arrays.stream(args)), Stream.of("-o", out))
                .toArray());
        assertEquals(2, o.code(), o.out() + o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"), "stack trace shown: " + o.err());
        assertFalse(Files.exists(out), out + " was written");
        return o.err();
    }
}
