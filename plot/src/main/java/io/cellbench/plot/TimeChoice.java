package io.cellbench.plot;

import io.cellbench.core.UserError;
import io.cellbench.core.data.SampleField;
import io.cellbench.daq.arrow.Column;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which recorded columns a plot against time draws (--y). A name is one of the sample table's
 * quantities ({@link Named}), where {@code pressure} and {@code temperature} also take every aux
 * column recorded in Pa or degC (an imported Neware file's T1 and T2), or any column's own name
 * ({@code temperature_t1_celsius}). Without --y: voltage, current, pressure, temperature and
 * then every other aux column, those recorded, as many as fit.
 */
final class TimeChoice {

    /** The names --y takes for the sample table's columns, in the order a default figure stacks them. */
    enum Named {
        VOLTAGE(SampleField.VOLTAGE, null),
        CURRENT(SampleField.CURRENT, null),
        PRESSURE(SampleField.APPLIED_PRESSURE, "Pa"),
        TEMPERATURE(SampleField.AMBIENT_TEMPERATURE, "degC"),
        POWER(SampleField.POWER, null);

        final SampleField field;
        /** Aux columns in this unit are this quantity too; null: none are. */
        final String auxUnit;

        Named(SampleField field, String auxUnit) {
            this.field = field;
            this.auxUnit = auxUnit;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Power is V × I, already drawn: only on request. */
    private static final Set<Named> DEFAULT = EnumSet.of(Named.VOLTAGE, Named.CURRENT, Named.PRESSURE, Named.TEMPERATURE);

    private final List<TimeQuantity> candidates = new ArrayList<>();

    /** The sample table's quantities, then the cells' aux columns in {@code aux}'s order. */
    TimeChoice(List<Column> aux) {
        for (Named n : Named.values()) {
            candidates.add(TimeQuantity.of(n.field));
        }
        for (int i = 0; i < aux.size(); i++) {
            candidates.add(TimeQuantity.aux(aux.get(i), i));
        }
    }

    List<TimeQuantity> candidates() {
        return candidates;
    }

    /** Refuses a name that is no quantity of these cells, before their samples are read. */
    void check(List<String> asked) {
        for (String name : asked) {
            if (members(name) == null) {
                List<String> aux = candidates.stream().filter(q -> q.field() == null).map(TimeQuantity::column).toList();
                throw new UserError("--y: no quantity '" + name + "'; choose from " + String.join(", ", namedKeys())
                        + (aux.isEmpty() ? "" : " or a column of the run's imported files: " + String.join(", ", aux)));
            }
        }
    }

    /** What may be drawn, before reading: the members of the names asked for, or the default's. */
    Set<TimeQuantity> wanted(List<String> asked) {
        Set<TimeQuantity> out = new LinkedHashSet<>();
        if (asked.isEmpty()) {
            DEFAULT.forEach(n -> out.addAll(members(n.key())));
            candidates.stream().filter(q -> q.field() == null).forEach(out::add);
        } else {
            asked.forEach(name -> out.addAll(members(name)));
        }
        return out;
    }

    /**
     * The quantities to draw, one panel each, of those {@code recorded} (with a value in some
     * cell); a name asked for that has none is refused, naming what was recorded. Without --y, past
     * {@code maxPanels} the rest is left out with a note.
     */
    List<TimeQuantity> choose(List<String> asked, Predicate<TimeQuantity> recorded, int maxPanels, String cells,
                              PrintStream notes) {
        List<TimeQuantity> drawn = new ArrayList<>();
        if (asked.isEmpty()) {
            wanted(asked).stream().filter(recorded).forEach(drawn::add);
            if (drawn.isEmpty()) {
                throw new UserError("nothing was recorded in the data of " + cells + " (no voltage, current, pressure,"
                        + " temperature or aux column has a value)");
            }
            if (drawn.size() > maxPanels) {
                notes.printf("plot: %d panels fit this figure; left out %s (choose with --y)%n", maxPanels,
                        String.join(", ", drawn.subList(maxPanels, drawn.size()).stream().map(TimeQuantity::column).toList()));
                return List.copyOf(drawn.subList(0, maxPanels));
            }
            return drawn;
        }
        for (String name : asked) {
            List<TimeQuantity> found = members(name).stream().filter(recorded).toList();
            if (found.isEmpty()) {
                throw new UserError("--y " + name + ": no " + name.toLowerCase(Locale.ROOT) + " was recorded in the data of "
                        + cells + "; recorded: " + String.join(", ", recordedNames(recorded)));
            }
            found.stream().filter(q -> !drawn.contains(q)).forEach(drawn::add);
        }
        if (drawn.size() > maxPanels) {
            throw new UserError("--y: " + drawn.size() + " panels (" + String.join(", ", drawn.stream()
                    .map(TimeQuantity::column).toList()) + ") do not fit a figure this high, at most " + maxPanels
                    + "; leave some out, or make the figure taller with --height");
        }
        return drawn;
    }

    /**
     * The names --y (and --y-range) know {@code q} by: the quantity's short name first when it
     * has one (voltage; temperature for an aux column in degC), then its column's name.
     */
    List<String> names(TimeQuantity q) {
        List<String> names = new ArrayList<>();
        for (Named n : Named.values()) {
            if (members(n.key()).contains(q)) {
                names.add(n.key());
            }
        }
        names.add(q.column().toLowerCase(Locale.ROOT));
        return names;
    }

    /**
     * The names of what was {@code recorded} but not {@code drawn} (power without --y, current
     * left out of --y voltage), each with the --y that draws it beside what is drawn.
     */
    Map<String, String> howToDraw(List<TimeQuantity> drawn, Predicate<TimeQuantity> recorded) {
        List<String> drawnNames = drawn.stream().map(q -> names(q).getFirst()).distinct().toList();
        Map<String, String> out = new LinkedHashMap<>();
        candidates.stream().filter(q -> !drawn.contains(q) && recorded.test(q)).flatMap(q -> names(q).stream())
                .filter(name -> !drawnNames.contains(name))
                .forEach(name -> out.putIfAbsent(name, "--y " + String.join(",", drawnNames) + "," + name));
        return out;
    }

    /** The names a user can give for what was recorded: the quantities' short names, then the aux columns'. */
    private List<String> recordedNames(Predicate<TimeQuantity> recorded) {
        List<String> names = new ArrayList<>();
        for (Named n : Named.values()) {
            if (members(n.key()).stream().anyMatch(recorded)) {
                names.add(n.key());
            }
        }
        candidates.stream().filter(q -> q.field() == null && recorded.test(q)).forEach(q -> names.add(q.column()));
        return names;
    }

    private List<String> namedKeys() {
        List<String> keys = new ArrayList<>();
        for (Named n : Named.values()) {
            keys.add(n.key());
        }
        return keys;
    }

    /** The columns a name stands for, or null when it names none. */
    private List<TimeQuantity> members(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Named n : Named.values()) {
            if (n.key().equals(key)) {
                return candidates.stream().filter(q -> q.field() == n.field
                        || (q.field() == null && n.auxUnit != null && n.auxUnit.equals(q.unit()))).toList();
            }
        }
        List<TimeQuantity> byColumn = candidates.stream().filter(q -> q.column().equalsIgnoreCase(key)).toList();
        return byColumn.isEmpty() ? null : byColumn;
    }
}
