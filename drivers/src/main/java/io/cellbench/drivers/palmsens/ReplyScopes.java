package io.cellbench.drivers.palmsens;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The loops a MethodSCRIPT reply opens and closes. PalmSens' reply ids
 * (MethodSCRIPT_Examples, Example_C/.../mscript.h; Example_C/README.adoc, "Parsing the
 * measurement data packages"): {@code M} + 4 hex digits starts a measurement loop and
 * {@code *} ends it; {@code L} starts a loop and {@code +} ends it; {@code C} + 4 hex digits
 * starts a scan within a measurement loop ({@code nscans} &gt; 1) and {@code -} ends it. An end
 * must match the innermost open start, and a data package belongs inside a measurement loop.
 */
final class ReplyScopes {

    private final Deque<Character> open = new ArrayDeque<>();
    private int measurementLoops;

    /** True for a line that starts a loop: {@code Mxxxx}, {@code Cxxxx} (x hex) or {@code L}. */
    static boolean isStart(String line) {
        if (line.equals("L")) {
            return true;
        }
        if (line.length() != 5 || (line.charAt(0) != 'M' && line.charAt(0) != 'C')) {
            return false;
        }
        for (int i = 1; i < 5; i++) {
            if (Character.digit(line.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True for a line that ends a loop: {@code *}, {@code +} or {@code -}. */
    static boolean isEnd(String line) {
        return line.equals("*") || line.equals("+") || line.equals("-");
    }

    /** Opens the loop {@code line} starts ({@link #isStart} must hold). */
    void start(String line) {
        char kind = line.charAt(0);
        open.push(kind);
        if (kind == 'M') {
            measurementLoops++;
        }
    }

    /** Closes the innermost loop; null when {@code line} ends it, else what is wrong. */
    String end(String line) {
        char expected = switch (line.charAt(0)) {
            case '*' -> 'M';
            case '+' -> 'L';
            default -> 'C';
        };
        if (open.isEmpty()) {
            return "an end of a " + name(expected) + " with none open";
        }
        if (open.peek() != expected) {
            return "an end of a " + name(expected) + " inside a " + name(open.peek());
        }
        open.pop();
        return null;
    }

    /** True inside a measurement loop (where data packages belong). */
    boolean inMeasurementLoop() {
        return open.contains('M');
    }

    /** True when every loop opened has ended. */
    boolean allClosed() {
        return open.isEmpty();
    }

    /** Measurement loops started so far. */
    int measurementLoops() {
        return measurementLoops;
    }

    private static String name(char kind) {
        return switch (kind) {
            case 'M' -> "measurement loop ('M…' … '*')";
            case 'L' -> "loop ('L' … '+')";
            default -> "scan ('C…' … '-')";
        };
    }
}
