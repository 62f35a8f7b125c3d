package io.cellbench.drivers.palmsens;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error line of a MethodSCRIPT device: {@code !XXXX} (hex code), followed for script
 * errors by {@code : Line L, Col C} (1-based, counted from the {@code e} line). The device
 * may put the letter of the command it answers in front ({@code e!4001: ...},
 * {@code Z!0006}).
 *
 * @param code   the error code
 * @param line   the script line, or -1
 * @param column the column, or -1
 */
public record MethodScriptError(int code, int line, int column) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z]?!([0-9A-Fa-f]{4})(?::\\s*Line\\s+(\\d+)(?:,\\s*Col\\s+(\\d+))?)?\\s*");

    /** Descriptions of the codes seen most (MethodSCRIPT manual, "Error codes"). */
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(0x0001, "an unspecified error"),
            Map.entry(0x0003, "the command was not recognised"),
            Map.entry(0x0006, "no script is running"),
            Map.entry(0x0007, "an argument has an unexpected value"),
            Map.entry(0x0008, "the command is too long"),
            Map.entry(0x0009, "the command timed out"),
            Map.entry(0x000C, "no script is loaded"),
            Map.entry(0x000E, "an overflow while averaging a measured value"),
            Map.entry(0x000F, "the potential is not valid"),
            Map.entry(0x0011, "the frequency is not valid"),
            Map.entry(0x0012, "the amplitude is not valid"),
            Map.entry(0x0014, "an OCP measurement is not allowed with the cell on"),
            Map.entry(0x001B, "not supported by this device"),
            Map.entry(0x001F, "the device is not licensed for this technique"),
            Map.entry(0x4000, "syntax error in the script"),
            Map.entry(0x4001, "unknown script command"),
            Map.entry(0x4002, "invalid argument"),
            Map.entry(0x4003, "argument out of range"),
            Map.entry(0x4004, "unexpected character"),
            Map.entry(0x4005, "the script is too large for the device"),
            Map.entry(0x4006, "unknown variable type"),
            Map.entry(0x4007, "variable not declared"),
            Map.entry(0x4008, "invalid optional argument"),
            Map.entry(0x7FFF, "fatal error, the device must be reset"));

    /** True for a line that reports an error. */
    public static boolean isError(String line) {
        return line.startsWith("!") || (line.length() > 1 && line.charAt(1) == '!' && Character.isLetter(line.charAt(0)));
    }

    /** Reads an error line; null when it is not one this format describes. */
    public static MethodScriptError parse(String line) {
        Matcher m = FORM.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new MethodScriptError(Integer.parseInt(m.group(1), 16),
                m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3)));
    }

    /** "!4003 (argument out of range)". */
    public String describe() {
        String text = DESCRIPTIONS.get(code);
        return String.format("!%04X", code) + (text == null ? "" : " (" + text + ")");
    }
}
