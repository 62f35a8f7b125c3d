package io.cellbench.compile.biologic;

import io.cellbench.protocols.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of a Modulo Bat technique: a sequence's values by row name, starting from the
 * values EC-Lab gives a fresh sequence. The rows, in order, are those of EC-Lab 11.5x settings
 * files (aurora-unicycler's layout, tested by Empa on EC-Lab 11.52 and 11.61); EC-Lab 11.43's
 * own text export shows the same rows but for the newer ctrl5/ctrl_tM and the second limit and
 * record, which it leaves out when no sequence uses them.
 */
final class ModuloBatSequence {

    /** Row names and the value of a fresh sequence, in file order. */
    static final List<String[]> ROWS = List.of(
            row("Ns", ""), row("ctrl_type", ""), row("Apply I/C", "I"), row("current/potential", "current"),
            row("ctrl1_val", ""), row("ctrl1_val_unit", ""), row("ctrl1_val_vs", ""),
            row("ctrl2_val", ""), row("ctrl2_val_unit", ""), row("ctrl2_val_vs", ""),
            row("ctrl3_val", ""), row("ctrl3_val_unit", ""), row("ctrl3_val_vs", ""),
            row("N", "0.00"), row("charge/discharge", "Charge"), row("charge/discharge_1", "Charge"),
            row("Apply I/C_1", "I"), row("N1", "0.00"), row("ctrl4_val", ""), row("ctrl4_val_unit", ""),
            row("ctrl5_val", ""), row("ctrl5_val_unit", ""), row("ctrl_tM", "0"), row("ctrl_seq", "0"),
            row("ctrl_repeat", "0"), row("ctrl_trigger", "Falling Edge"), row("ctrl_TO_t", "0.000"),
            row("ctrl_TO_t_unit", "d"), row("ctrl_Nd", "6"), row("ctrl_Na", "2"), row("ctrl_corr", "0"),
            row("lim_nb", "0"),
            row("lim1_type", "Time"), row("lim1_comp", ">"), row("lim1_Q", ""), row("lim1_value", "0.000"),
            row("lim1_value_unit", "s"), row("lim1_action", "Next sequence"), row("lim1_seq", ""),
            row("lim2_type", ""), row("lim2_comp", ""), row("lim2_Q", ""), row("lim2_value", ""),
            row("lim2_value_unit", ""), row("lim2_action", "Next sequence"), row("lim2_seq", ""),
            row("rec_nb", "0"), row("rec1_type", ""), row("rec1_value", ""), row("rec1_value_unit", ""),
            row("rec2_type", ""), row("rec2_value", ""), row("rec2_value_unit", ""),
            row("E range min (V)", "0.000"), row("E range max (V)", "5.000"), row("I Range", "Auto"),
            row("I Range min", "Unset"), row("I Range max", "Unset"), row("I Range init", "Unset"),
            row("auto rest", "1"), row("Bandwidth", "5"));

    /** Limits and records a sequence holds (lim1, lim2; rec1, rec2). */
    static final int MAX_LIMITS = 2;
    static final int MAX_RECORDS = 2;

    final Step source;
    private final Map<String, String> values = new LinkedHashMap<>();
    private int limits;
    private int records;

    ModuloBatSequence(int ns, String ctrlType, Step source) {
        this.source = source;
        for (String[] r : ROWS) {
            values.put(r[0], r[1]);
        }
        set("Ns", Integer.toString(ns));
        set("ctrl_type", ctrlType);
        set("lim1_seq", Integer.toString(ns + 1));
        set("lim2_seq", Integer.toString(ns + 1));
    }

    ModuloBatSequence set(String row, String value) {
        if (!values.containsKey(row)) {
            throw new IllegalArgumentException("no Modulo Bat row '" + row + "'");
        }
        values.put(row, value);
        return this;
    }

    String get(String row) {
        return values.get(row);
    }

    /** Adds a limit ("Time", ">", "600.000", "s"); false when the sequence already holds {@link #MAX_LIMITS}. */
    boolean limit(String type, String comp, String value, String unit) {
        if (limits == MAX_LIMITS) {
            return false;
        }
        limits++;
        String p = "lim" + limits + "_";
        set(p + "type", type).set(p + "comp", comp).set(p + "value", value).set(p + "value_unit", unit);
        set("lim_nb", Integer.toString(limits));
        return true;
    }

    int limitCount() {
        return limits;
    }

    /** Adds a record condition ("Time", "10.000", "s"); ignored beyond {@link #MAX_RECORDS}. */
    void record(String type, String value, String unit) {
        if (records == MAX_RECORDS) {
            return;
        }
        records++;
        String p = "rec" + records + "_";
        set(p + "type", type).set(p + "value", value).set(p + "value_unit", unit);
        set("rec_nb", Integer.toString(records));
    }

    private static String[] row(String name, String fresh) {
        return new String[] {name, fresh};
    }
}
