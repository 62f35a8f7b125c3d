package io.cellbench.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a column is called: its machine name, unit and human label, written once here for
 * every table, file, export and database field that carries it.
 *
 * <p>Battery Data Format (BDF) terms are written as BDF spells them; cellbench's own columns
 * (per-cycle figures, impedance before BDF covered it) follow its style: {@code quantity_unit}
 * and "Name / unit". A term that a later BDF version renames or deprecates (issue 13) is
 * changed here, on its term, and every table that carries it follows; the name it had before
 * becomes an alias ({@link #alsoKnownAs}), so that files written before the change, and other
 * tools' files that still use it, keep reading.
 *
 * @param name    machine name, as in Arrow files, CSV headers and InfluxDB fields (quantity_unit)
 * @param unit    unit symbol: "s", "V", "A", "Ah", "Wh", "W", "Pa", "degC", "Hz", "Ohm", "deg", "1"
 * @param label   human label, "Name / unit" (BDF's preferred label where {@code bdf})
 * @param bdf     whether the Battery Data Format defines the term
 * @param aliases machine names the column had before, read but never written
 */
public record ColumnTerm(String name, String unit, String label, boolean bdf, List<String> aliases) {

    public ColumnTerm {
        aliases = List.copyOf(aliases);
    }

    public ColumnTerm(String name, String unit, String label, boolean bdf) {
        this(name, unit, label, bdf, List.of());
    }

    /** A term the Battery Data Format defines, with its name, unit and preferred label. */
    public static ColumnTerm bdf(String name, String unit, String label) {
        return new ColumnTerm(name, unit, label, true);
    }

    /** A column of cellbench's own, named in the Battery Data Format's style. */
    public static ColumnTerm own(String name, String unit, String label) {
        return new ColumnTerm(name, unit, label, false);
    }

    /** This term, which readers also find under the machine names it had before. */
    public ColumnTerm alsoKnownAs(String... olderNames) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(Arrays.asList(olderNames));
        return new ColumnTerm(name, unit, label, bdf, all);
    }

    /** Every machine name a reader accepts for this column: its name first, then its aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>(1 + aliases.size());
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
