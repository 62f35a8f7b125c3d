package io.cellbench.importers.bdf;

import io.cellbench.core.data.SampleField;
import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.ImportNote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What each column of a BDF CSV header is, after deprecated terms are mapped to their successors. */
final class BdfColumns {

    /**
     * What a reader does with a column, and the BDF term that carries it: the terms cellbench's
     * samples also carry are named by {@link SampleField}, the others (BDF's, which cellbench
     * does not write) here. AUX: any other term, kept as an extra column.
     */
    enum Role {
        TEST_TIME(SampleField.TEST_TIME), UNIX_TIME(SampleField.UNIX_TIME), STEP_TIME("step_time_second"),
        VOLTAGE(SampleField.VOLTAGE), CURRENT(SampleField.CURRENT), CYCLE(SampleField.CYCLE_COUNT),
        STEP_COUNT(SampleField.STEP_COUNT), STEP_ID(SampleField.STEP_ID), STEP_TYPE("step_type"),
        RECORD_INDEX("record_index"), STEP_RECORD_INDEX(SampleField.STEP_RECORD_INDEX),
        CHARGE_AH(SampleField.CHARGING_CAPACITY), DISCHARGE_AH(SampleField.DISCHARGING_CAPACITY),
        CHARGE_WH(SampleField.CHARGING_ENERGY), DISCHARGE_WH(SampleField.DISCHARGING_ENERGY),
        AMBIENT_TEMPERATURE(SampleField.AMBIENT_TEMPERATURE), AUX((String) null);

        private final String term;

        Role(SampleField field) {
            this(field.columnName());
        }

        Role(String term) {
            this.term = term;
        }
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

    /** The role of each BDF term a reader uses. */
    private static final Map<String, Role> ROLES = Arrays.stream(Role.values()).filter(r -> r.term != null)
            .collect(Collectors.toUnmodifiableMap(r -> r.term, r -> r));

    private static Role roleOf(String name) {
        return ROLES.getOrDefault(name, Role.AUX);
    }
}
