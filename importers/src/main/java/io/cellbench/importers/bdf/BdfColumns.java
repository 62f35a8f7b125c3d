package io.cellbench.importers.bdf;

import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.ImportNote;
import java.util.ArrayList;
import java.util.List;

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

    private static Role roleOf(String name) {
        return switch (name) {
            case "test_time_second" -> Role.TEST_TIME;
            case "unix_time_second" -> Role.UNIX_TIME;
            case "step_time_second" -> Role.STEP_TIME;
            case "voltage_volt" -> Role.VOLTAGE;
            case "current_ampere" -> Role.CURRENT;
            case "cycle_count" -> Role.CYCLE;
            case "step_count" -> Role.STEP_COUNT;
            case "step_id" -> Role.STEP_ID;
            case "step_type" -> Role.STEP_TYPE;
            case "record_index" -> Role.RECORD_INDEX;
            case "step_record_index" -> Role.STEP_RECORD_INDEX;
            case "charging_capacity_ah" -> Role.CHARGE_AH;
            case "discharging_capacity_ah" -> Role.DISCHARGE_AH;
            case "charging_energy_wh" -> Role.CHARGE_WH;
            case "discharging_energy_wh" -> Role.DISCHARGE_WH;
            case "ambient_temperature_celsius" -> Role.AMBIENT_TEMPERATURE;
            default -> Role.AUX;
        };
    }
}
