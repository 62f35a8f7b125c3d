package io.cellbench.drivers.palmsens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One MethodSCRIPT data package: a line {@code P<field>;<field>;...} where each field is a
 * 2-letter variable type ({@code dc} applied frequency, {@code cc} Z real, {@code cd} Z
 * imaginary, {@code ab} WE potential...), a value (see {@link MethodScriptNumbers}) and
 * optional metadata after commas ({@code ,1X} status flags, {@code ,2XX} range).
 *
 * @param fields the fields in the order sent
 */
public record DataPackage(List<Field> fields) {

    /** Status flag in the metadata: the value was measured while the range overflowed. */
    public static final int STATUS_OVERLOAD = 0x2;

    /** The status flags of {@code 1x} metadata (mscript.h; Example_Python/README.adoc lists their names). */
    private static final String[] STATUS_NAMES = {"TIMING_ERROR", "OVERLOAD", "UNDERLOAD", "OVERLOAD_WARNING"};

    /**
     * @param type   the variable type, e.g. "cc"
     * @param value  in SI units (Ω, Hz, V, A); NaN when the device sent nan
     * @param status the status flags of the metadata, or -1 when it sent none
     * @param range  the range index of {@code 2xx} metadata (0x80 set: a high-speed range), or -1
     */
    public record Field(String type, double value, int status, int range) {

        /** "OK", "UNDERLOAD", "OVERLOAD | OVERLOAD_WARNING"…; null when the package sent no status. */
        public String statusText() {
            if (status < 0) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < STATUS_NAMES.length; bit++) {
                if ((status & (1 << bit)) != 0) {
                    b.append(b.isEmpty() ? "" : " | ").append(STATUS_NAMES[bit]);
                }
            }
            return b.isEmpty() ? "OK" : b.toString();
        }
    }

    public DataPackage {
        fields = List.copyOf(fields);
    }

    /** True for a line that is meant to be a package (starts with 'P'). */
    public static boolean isPackage(String line) {
        return !line.isEmpty() && line.charAt(0) == 'P';
    }

    /**
     * Decodes a package line (without its line end).
     *
     * @throws IllegalArgumentException naming the field that cannot be read
     */
    public static DataPackage parse(String line) {
        if (!isPackage(line)) {
            throw new IllegalArgumentException("a data package starts with 'P'");
        }
        List<Field> fields = new ArrayList<>();
        String body = line.substring(1);
        if (body.isEmpty()) {
            return new DataPackage(fields);
        }
        int index = 0;
        for (String token : body.split(";", -1)) {
            index++;
            String[] parts = token.split(",", -1);
            String head = parts[0];
            if (head.length() != 10) {
                throw new IllegalArgumentException("field " + index + " '" + token + "' is not a 2-letter type, 7 hex"
                        + " digits and an SI prefix");
            }
            String type = head.substring(0, 2);
            if (!Character.isLetter(type.charAt(0)) || !Character.isLetter(type.charAt(1))) {
                throw new IllegalArgumentException("field " + index + " '" + token + "' has no variable type");
            }
            double value;
            try {
                value = MethodScriptNumbers.decodePackageValue(head.substring(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field " + index + ": " + e.getMessage(), e);
            }
            int status = -1;
            int range = -1;
            for (int i = 1; i < parts.length; i++) {
                String meta = parts[i];
                // the first character says what the metadata is (1 status, 2 range, 4 noise: Example_C/README.adoc)
                if (meta.length() == 2 && meta.charAt(0) == '1') {
                    status = Character.digit(meta.charAt(1), 16);
                } else if (meta.length() == 3 && meta.charAt(0) == '2') {
                    range = hex(meta.substring(1));
                }
            }
            fields.add(new Field(type, value, status, range));
        }
        return new DataPackage(fields);
    }

    private static int hex(String digits) {
        int v = 0;
        for (char c : digits.toCharArray()) {
            int d = Character.digit(c, 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The first field of the given type. */
    public Optional<Field> field(String type) {
        return fields.stream().filter(f -> f.type().equals(type)).findFirst();
    }
}
