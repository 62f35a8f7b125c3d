package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.BdfVersion;
import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.CycleField;
import io.cellbench.core.data.DataColumn;
import io.cellbench.core.data.SampleField;
import io.cellbench.core.data.SpectrumField;
import io.cellbench.impedance.table.DrtField;
import io.cellbench.impedance.table.FitField;
import io.cellbench.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House rules that hold across every module's main sources (issue 12, "E"), read from the
 * source tree: cli's tests are the ones that see every module.
 * <ul>
 * <li>A table's column name (every name and alias of {@link SampleField}, {@link CycleField},
 * {@link SpectrumField}, the impedance analyses' {@link FitField} and {@link DrtField}, and the
 * BDF 1.2 names of the sample columns) is a Java string literal
 * in one main file only: the enum that defines it. Everything else takes it from there, so a
 * rename (BDF 1.3 did two) is one edit. The only exceptions are a vendor protocol's own words
 * that happen to be spelled like a column ({@link #VENDOR_WORDS}).</li>
 * <li>No main source file is longer than 400 lines unless docs/architecture.md, "Classes that
 * stay whole", names it and says why (and a class named there is still that long).</li>
 * <li>No two main classes share a simple name: a name says which class it is without its package.</li>
 * </ul>
 */
class MainSourceRulesTest {
    static final int MOST_LINES = 400;

    /**
     * Words of a vendor's wire protocol, written where that protocol is (the driver and its
     * simulator, which must not share code): they are the vendor's, not cellbench's column names,
     * and must not follow when a column is renamed. Neware BTS's XML names the channel's program
     * step {@code step_id}, as BDF 1.3 happens to name its column.
     */
    static final Map<String, Set<String>> VENDOR_WORDS = Map.of(
            "drivers/src/main/java/io/cellbench/drivers/neware/NewareBtsChannel.java", Set.of("step_id"),
            "test-fixtures/src/main/java/io/cellbench/fixtures/wire/neware/BtsCommands.java", Set.of("step_id"));

    private static Path root;
    private static List<Path> mainSources;

    @BeforeAll
    static void readTree() throws IOException {
        root = ProjectFiles.root();
        assertNotNull(root, "the project root (run-tests and pom.xml) above " + Path.of("").toAbsolutePath());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 500, "main sources found under " + root + ": " + files.size());
        mainSources = files;
    }

    @Test
    void everyColumnNameIsALiteralOnlyInTheEnumThatDefinesIt() throws IOException {
        Map<String, Set<String>> home = columnNames();
        Map<String, List<String>> spelledAt = new TreeMap<>();
        for (Path f : mainSources) {
            String file = relative(f);
            for (JavaStringLiterals.Literal l : JavaStringLiterals.of(Files.readString(f))) {
                for (String n : home.keySet()) {
                    boolean spelled = l.value().equals(n) || l.value().contains("\"" + n + "\"");
                    if (spelled && !VENDOR_WORDS.getOrDefault(file, Set.of()).contains(n)) {
                        spelledAt.computeIfAbsent(n, k -> new ArrayList<>()).add(file + ":" + l.line());
                    }
                }
            }
        }
        List<String> strays = new ArrayList<>();
        home.forEach((n, enums) -> {
            List<String> places = spelledAt.getOrDefault(n, List.of());
            List<String> outside = places.stream().filter(p -> !enums.contains(p.substring(0, p.indexOf(':')))).toList();
            if (places.isEmpty()) {
                strays.add("\"" + n + "\" is spelled nowhere: the test no longer sees its definition in " + enums);
            }
            outside.forEach(p -> strays.add(p + ": \"" + n + "\" (defined by " + enums + ")"));
            Set<String> files = new TreeSet<>(places.stream().map(p -> p.substring(0, p.indexOf(':'))).toList());
            if (outside.isEmpty() && files.size() > 1) {
                strays.add("\"" + n + "\" is defined in " + files.size() + " files " + files + ": one takes it from the other");
            }
        });
        assertTrue(strays.isEmpty(), "column names spelled outside their definition; take them from the enum"
                + " (e.g. SampleField.VOLTAGE.columnName()):\n" + String.join("\n", strays));
    }

    @Test
    void noMainClassIsLongerThan400LinesUnlessArchitectureSaysWhy() throws IOException {
        Set<String> whole = classesThatStayWhole();
        List<String> problems = new ArrayList<>();
        Set<String> long_ = new TreeSet<>();
        for (Path f : mainSources) {
            long lines = Files.readString(f).chars().filter(c -> c == '\n').count();
            String name = simpleName(f);
            if (lines > MOST_LINES) {
                long_.add(name);
                if (!whole.contains(name)) {
                    problems.add(relative(f) + ": " + lines + " lines");
                }
            }
        }
        for (String listed : whole) {
            if (!long_.contains(listed)) {
                problems.add(listed + " is listed in docs/architecture.md \"Classes that stay whole\" but is not over "
                        + MOST_LINES + " lines (or not found): take it off the list");
            }
        }
        assertTrue(problems.isEmpty(), "split these along their seams, or say in docs/architecture.md \"Classes"
                + " that stay whole\" why they stay whole:\n" + String.join("\n", problems));
    }

    @Test
    void noTwoMainClassesShareASimpleName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path f : mainSources) {
            String name = simpleName(f);
            if (!name.equals("package-info") && !name.equals("module-info")) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(relative(f));
            }
        }
        List<String> shared = new ArrayList<>();
        byName.forEach((name, files) -> {
            if (files.size() > 1) {
                shared.add(name + ": " + files);
            }
        });
        assertTrue(shared.isEmpty(), "main classes with the same simple name:\n" + String.join("\n", shared));
    }

    /** Each column name, with the main file(s) whose enum defines it. */
    private static Map<String, Set<String>> columnNames() {
        Map<String, Set<String>> home = new TreeMap<>();
        List<DataColumn<?>> columns = new ArrayList<>();
        columns.addAll(List.of(SampleField.values()));
        columns.addAll(List.of(CycleField.values()));
        columns.addAll(List.of(SpectrumField.values()));
        columns.add(SpectrumField.POINT_INDEX);
        columns.addAll(List.of(FitField.values()));
        columns.addAll(List.of(DrtField.values()));
        for (DataColumn<?> c : columns) {
            // a constant reusing another table's term (a spectrum's cycle_count is the sample's)
            // makes its enum a home of the name too; the literal must still stand in one file
            Class<?> owner = c instanceof Enum<?> e ? e.getDeclaringClass() : SpectrumField.class;
            List<ColumnTerm> terms = new ArrayList<>(List.of(c.term()));
            if (c instanceof SampleField s && s.term(BdfVersion.V1_2) != null) {
                terms.add(s.term(BdfVersion.V1_2));
            }
            for (ColumnTerm t : terms) {
                for (String n : t.names()) {
                    home.computeIfAbsent(n, k -> new TreeSet<>()).add(sourceOf(owner));
                }
            }
        }
        assertTrue(home.size() > 40, "column names: " + home.keySet());
        return home;
    }

    /** The simple names docs/architecture.md lists under "Classes that stay whole" (- **`module/…/Name`**). */
    private static Set<String> classesThatStayWhole() throws IOException {
        String doc = Files.readString(root.resolve("docs/architecture.md"));
        int from = doc.indexOf("## Classes that stay whole");
        assertTrue(from >= 0, "docs/architecture.md has a section \"Classes that stay whole\"");
        int to = doc.indexOf("\n## ", from + 1);
        Matcher m = Pattern.compile("(?m)^- \\*\\*`([^`]+)`\\*\\*").matcher(doc.substring(from, to < 0 ? doc.length() : to));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1).substring(m.group(1).lastIndexOf('/') + 1));
        }
        return names;
    }

    private static String sourceOf(Class<?> c) {
        String tail = "/src/main/java/" + c.getName().replace('.', '/') + ".java";
        return mainSources.stream().map(MainSourceRulesTest::relative).filter(p -> p.endsWith(tail)).findFirst()
                .orElseThrow(() -> new AssertionError("no main source for " + c.getName()));
    }

    private static String relative(Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    private static String simpleName(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".java".length());
    }
}
