package io.cellbench.importers.bdf;

import io.cellbench.core.data.SampleField;
import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.ImportNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What each column of a BDF CSV header is, after deprecated terms are mapped to their successors. */
final class BdfColumns {

    enum Role {
        TEST_TIME, UNIX_TIME, STEP_TIME, VOLTAGE, CURRENT, CYCLE, STEP_COUNT, STEP_ID, STEP_TYPE, RECORD_INDEX,
        STEP_RECORD_INDEX, CHARGE_AH, DISCHARGE_AH, CHARGE_WH, DISCHARGE_WH, AMBIENT_TEMPERATURE, AUX
    }

    /** A column: its role, the factor to SI, and for AUX its place in the record's aux values. */
    record Column(Role role, double scale, int aux, String header, BdfTerms.Term term) {
    }

    final List<Column> columns = new ArrayList<>();
    final List<AuxColumn> aux = new ArrayList<>();
    final List<ImportNote> notes = new ArrayList<>();
    boolean labels;
    boolean machineNames;

    static BdfColumns of(String[] header) {
        BdfColumns result = new BdfColumns();
        BdfTerms terms = BdfTerms.get();
        for (String raw : header) {
            String name = raw.strip();
            BdfTerms.Term term = terms.forHeader(name);
            if (term == null) {
                result.aux.add(new AuxColumn(name, "", null));
                result.columns.add(new Column(Role.AUX, 1, result.aux.size() - 1, name, null));
                result.notes.add(ImportNote.warning("unknown-column", "column '" + name + "' is not a BDF "
                        + terms.version() + " term: kept as an extra column, unchanged", -1));
                continue;
            }
            if (name.equalsIgnoreCase(term.name())) {
                result.machineNames = true;
            } else {
                result.labels = true;
            }
            double scale = 1;
            BdfTerms.Term current = term;
            if (term.deprecated()) {
                current = terms.terms().get(term.supersededBy());
                if ("ms".equals(term.unit()) && "s".equals(current.unit())) {
                    scale = 0.001;
                }
                result.notes.add(ImportNote.repair("deprecated-term", "column '" + name + "' is the deprecated BDF term "
                        + term.name() + ": read as " + current.name() + (scale != 1 ? " (ms to s)" : ""), 0, 0));
            }
            Role role = roleOf(current.name());
            int auxIndex = -1;
            if (role == Role.AUX) {
                result.aux.add(new AuxColumn(current.name(), current.unit(), current.name()));
                auxIndex = result.aux.size() - 1;
            }
            result.columns.add(new Column(role, scale, auxIndex, name, current));
        }
        return result;
    }

    boolean has(Role role) {
        return columns.stream().anyMatch(c -> c.role() == role);
    }

    /**
     * The role of each BDF term a reader uses. The terms cellbench's samples also carry are named
     * by {@link SampleField}, the others (BDF's, which cellbench does not write) here.
     */
    private static final Map<String, Role> ROLES = Map.ofEntries(
            Map.entry(SampleField.TEST_TIME.columnName(), Role.TEST_TIME),
            Map.entry(SampleField.UNIX_TIME.columnName(), Role.UNIX_TIME),
            Map.entry("step_time_second", Role.STEP_TIME),
            Map.entry(SampleField.VOLTAGE.columnName(), Role.VOLTAGE),
            Map.entry(SampleField.CURRENT.columnName(), Role.CURRENT),
            Map.entry(SampleField.CYCLE_COUNT.columnName(), Role.CYCLE),
            Map.entry(SampleField.STEP_COUNT.columnName(), Role.STEP_COUNT),
            Map.entry(SampleField.STEP_ID.columnName(), Role.STEP_ID),
            Map.entry("step_type", Role.STEP_TYPE),
            Map.entry("record_index", Role.RECORD_INDEX),
            Map.entry(SampleField.STEP_RECORD_INDEX.columnName(), Role.STEP_RECORD_INDEX),
            Map.entry(SampleField.CHARGING_CAPACITY.columnName(), Role.CHARGE_AH),
            Map.entry(SampleField.DISCHARGING_CAPACITY.columnName(), Role.DISCHARGE_AH),
            Map.entry(SampleField.CHARGING_ENERGY.columnName(), Role.CHARGE_WH),
            Map.entry(SampleField.DISCHARGING_ENERGY.columnName(), Role.DISCHARGE_WH),
            Map.entry(SampleField.AMBIENT_TEMPERATURE.columnName(), Role.AMBIENT_TEMPERATURE));

    private static Role roleOf(String name) {
        return ROLES.getOrDefault(name, Role.AUX);
    }
}
