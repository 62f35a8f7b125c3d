package io.cellbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a result with its golden file. A mismatch is printed as a unified diff (golden file
 * first, what the code gives now second) for a person to review, and fails the test: a golden
 * file is changed by hand, after reading that diff, never rewritten by a test. The exception is a
 * golden file of figures no one can write by hand (hashes of a run's files, see
 * {@link #assertMatchesFile}): it is rewritten on request, printing the same diff to review.
 */
public final class Golden {

    /** {@code -Dcellbench.golden=write} rewrites the files of {@link #assertMatchesFile} (run-tests refuses it). */
    public static final String WRITE_PROPERTY = "cellbench.golden";

    private static final int CONTEXT = 3;

    private Golden() {
    }

    /** Fails, printing the diff, unless {@code actual} equals the golden file's {@code expected} text. */
    public static void assertMatches(String goldenName, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String diff = diff(goldenName, expected, actual);
        System.out.println("*** " + goldenName + " differs from what the code gives now; review the change:");
        System.out.println(diff);
        throw new AssertionError(goldenName + " differs from what the code gives now (diff on the console):\n" + diff);
    }

    /**
     * Fails, printing the diff, unless {@code actual} equals the golden file at {@code relative}
     * (a path from the project root, {@link ProjectFiles#root()}). With
     * {@code -Dcellbench.golden=write} the file is rewritten instead and the diff printed, for a
     * person to review (and to see again in {@code git diff}) before committing it.
     */
    public static void assertMatchesFile(String relative, String actual) {
        Path root = ProjectFiles.root();
        if (root == null) {
            throw new AssertionError("cannot find the project root (run-tests and pom.xml) above "
                    + Path.of("").toAbsolutePath() + " to read " + relative);
        }
        checkFile(root.resolve(relative), relative, actual, "write".equals(System.getProperty(WRITE_PROPERTY)));
    }

    /** {@link #assertMatchesFile}, with the switch given: true rewrites a differing file and prints the diff. */
    static void checkFile(Path file, String name, String actual, boolean write) {
        try {
            String expected = Files.exists(file) ? Files.readString(file) : null;
            if (write) {
                if (actual.equals(expected)) {
                    System.out.println("*** " + name + " is unchanged");
                    return;
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                System.out.println("*** rewrote " + name + "; review the change before committing it:");
                System.out.println(diff(name, expected == null ? "" : expected, actual));
                return;
            }
            String how = "; if the change is meant, rewrite it with -D" + WRITE_PROPERTY + "=write (docs/testing.md),"
                    + " review the diff it prints and commit it";
            if (expected == null) {
                throw new AssertionError(name + " does not exist" + how);
            }
            if (!expected.equals(actual)) {
                System.out.println("*** " + name + " differs from what the code gives now; review the change:");
                System.out.println(diff(name, expected, actual));
                throw new AssertionError(name + " differs from what the code gives now (diff on the console)" + how);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * A unified diff of two texts, by lines, with three lines of context: "--- golden", "+++ now",
     * hunks of " " kept, "-" only in the golden text and "+" only in the new one.
     */
    public static String diff(String goldenName, String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        List<String> edits = edits(a, b);
        StringBuilder out = new StringBuilder("--- " + goldenName + " (golden)\n+++ " + goldenName + " (now)\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).charAt(0) == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int quiet = 0;
            while (end < edits.size() && quiet <= 2 * CONTEXT) {
                quiet = edits.get(end).charAt(0) == ' ' ? quiet + 1 : 0;
                end++;
            }
            end -= Math.max(0, quiet - CONTEXT);
            int[] lines = position(edits, start);
            int[] lengths = lengths(edits, start, end);
            out.append("@@ -").append(lines[0] + 1).append(',').append(lengths[0])
                    .append(" +").append(lines[1] + 1).append(',').append(lengths[1]).append(" @@\n");
            for (int k = start; k < end; k++) {
                out.append(edits.get(k)).append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    /** The shortest edit script from a to b (longest common subsequence), one prefixed line each. */
    private static List<String> edits(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int x = a.size() - 1; x >= 0; x--) {
            for (int y = b.size() - 1; y >= 0; y--) {
                common[x][y] = a.get(x).equals(b.get(y)) ? common[x + 1][y + 1] + 1
                        : Math.max(common[x + 1][y], common[x][y + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int x = 0;
        int y = 0;
        while (x < a.size() || y < b.size()) {
            if (x < a.size() && y < b.size() && a.get(x).equals(b.get(y))) {
                out.add(" " + a.get(x++));
                y++;
            } else if (x < a.size() && (y == b.size() || common[x + 1][y] >= common[x][y + 1])) {
                out.add("-" + a.get(x++)); // what went before what came in its place
            } else {
                out.add("+" + b.get(y++));
            }
        }
        return out;
    }

    private static int[] position(List<String> edits, int upTo) {
        int[] at = new int[2];
        for (int k = 0; k < upTo; k++) {
            char c = edits.get(k).charAt(0);
            at[0] += c != '+' ? 1 : 0;
            at[1] += c != '-' ? 1 : 0;
        }
        return at;
    }

    private static int[] lengths(List<String> edits, int from, int to) {
        return position(edits.subList(from, to), to - from);
    }
}
