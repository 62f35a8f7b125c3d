package io.cellbench.daq.run;

/**
 * Cell ids name directories ({@code cells/<id>/}), so they must be safe file names on every
 * operating system a lab might copy the data to.
 */
public final class CellIds {

    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final int MAX_LENGTH = 100;

    private CellIds() {
    }

    /** Returns {@code id} when it can name a directory; otherwise says what is wrong with it. */
    public static String requireValid(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException("cell id " + (id == null ? "null" : "\"" + id + "\"")
                    + " cannot name a directory: " + problem
                    + "; use letters, digits, '-', '_', '.' or spaces (e.g. \"A1\", \"NMC811-LPSCl-03\")");
        }
        return id;
    }

    private static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "it is empty";
        }
        if (id.equals(".") || id.equals("..")) {
            return "it is a relative directory name";
        }
        if (id.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (!id.strip().equals(id)) {
            return "it starts or ends with white space";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                return c == '/' || c == '\\' ? "it contains the path separator '" + c + "'"
                        : "it contains '" + c + "', which Windows does not allow in file names";
            }
            if (Character.isISOControl(c)) {
                return "it contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }
}
