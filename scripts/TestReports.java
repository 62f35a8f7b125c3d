import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks what the test run did, from the surefire reports of every module (found, not listed:
 * a new module is counted as soon as it has tests): prints tests, failures, errors and skipped
 * per module against the floors in scripts/test-floor, and fails when a test was skipped or
 * when fewer tests ran than a floor says. A test aborted because the public reference data are
 * absent is the one skip allowed, and only without CELLBENCH_REFERENCE_REQUIRED (then its count
 * is printed loudly; with the flag those tests fail instead).
 *
 * <pre>java scripts/TestReports.java PROJECT_ROOT</pre>
 */
public class TestReports {

    static final String REFERENCE_ABSENT = "reference data absent";

    record Count(int tests, int failures, int errors, List<String> skipped, List<String> referenceAbsent) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, Integer> floors = floors(root.resolve("scripts/test-floor"));
        Map<String, Count> counts = new TreeMap<>();
        for (Path module : modules(root)) {
            counts.put(root.relativize(module).toString(), count(module.resolve("target/surefire-reports")));
        }
        boolean required = required(System.getenv("CELLBENCH_REFERENCE_REQUIRED"));
        List<String> problems = new ArrayList<>();

        System.out.println();
        System.out.println("run-tests: tests per module (floors in scripts/test-floor)");
        System.out.printf("  %-16s %6s %7s %7s %8s %6s%n", "module", "tests", "failed", "errors", "skipped", "floor");
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Count> e : counts.entrySet()) {
            Count c = e.getValue();
            Integer floor = floors.get(e.getKey());
            int skips = c.skipped().size() + c.referenceAbsent().size();
            System.out.printf("  %-16s %6d %7d %7d %8d %6s%n", e.getKey(), c.tests(), c.failures(), c.errors(), skips,
                    floor == null ? "-" : floor);
            tests += c.tests();
            failures += c.failures();
            errors += c.errors();
            skipped += skips;
            absent.addAll(c.referenceAbsent());
            for (String s : c.skipped()) {
                problems.add("skipped: " + s);
            }
            if (floor == null) {
                System.out.println("    (no floor for " + e.getKey() + ": add '" + e.getKey() + " " + c.tests()
                        + "' to scripts/test-floor)");
            } else if (c.tests() < floor) {
                problems.add(e.getKey() + " ran " + c.tests() + " tests, fewer than its floor of " + floor
                        + " (scripts/test-floor): tests went missing or did not run");
            }
        }
        Integer totalFloor = floors.get("total");
        System.out.printf("  %-16s %6d %7d %7d %8d %6s%n", "total", tests, failures, errors, skipped,
                totalFloor == null ? "-" : totalFloor);
        for (String module : floors.keySet()) {
            if (!module.equals("total") && !counts.containsKey(module)) {
                problems.add("scripts/test-floor has a floor for '" + module + "', which is not a module with a pom.xml");
            }
        }
        if (totalFloor == null) {
            problems.add("scripts/test-floor has no 'total' floor");
        } else if (tests < totalFloor) {
            problems.add(tests + " tests ran, fewer than the floor of " + totalFloor + " (scripts/test-floor)");
        } else if (tests > totalFloor) {
            System.out.println("run-tests: " + tests + " tests ran, the floor is " + totalFloor
                    + ": raise the floors in scripts/test-floor to keep the new tests counted");
        }
        if (!absent.isEmpty()) {
            if (required) {
                absent.forEach(a -> problems.add("skipped although CELLBENCH_REFERENCE_REQUIRED is set: " + a));
            } else {
                System.out.println();
                System.out.println("*** " + absent.size() + " tests did not run: " + REFERENCE_ABSENT
                        + " (put it beside the project as ../shared/reference, or set CELLBENCH_REFERENCE) ***");
                absent.forEach(a -> System.out.println("***   " + a));
                System.out.println();
            }
        }
        if (!problems.isEmpty()) {
            System.out.println("run-tests: the test run is not complete:");
            problems.forEach(p -> System.out.println("  - " + p));
            System.exit(1);
        }
    }

    /** Every directory below the root (not in target or node_modules) that holds a pom.xml. */
    static List<Path> modules(Path root) throws Exception {
        try (Stream<Path> poms = Files.walk(root, 4)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(d -> !d.equals(root))
                    .filter(d -> Stream.of(root.relativize(d).toString().split("/"))
                            .noneMatch(part -> part.equals("target") || part.equals("node_modules") || part.startsWith(".")))
                    .sorted().toList();
        }
    }

    static Count count(Path reports) throws Exception {
        int tests = 0, failures = 0, errors = 0;
        List<String> skipped = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return new Count(0, 0, 0, skipped, absent);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(reports)) {
            files = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path f : files) {
            Element suite = factory.newDocumentBuilder().parse(f.toFile()).getDocumentElement();
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failures += Integer.parseInt(suite.getAttribute("failures"));
            errors += Integer.parseInt(suite.getAttribute("errors"));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element tc = (Element) cases.item(i);
                NodeList skip = tc.getElementsByTagName("skipped");
                if (skip.getLength() == 0) {
                    continue;
                }
                String message = ((Element) skip.item(0)).getAttribute("message");
                String name = tc.getAttribute("classname") + "." + tc.getAttribute("name")
                        + (message.isEmpty() ? "" : ": " + message);
                (message.startsWith(REFERENCE_ABSENT) ? absent : skipped).add(name);
            }
        }
        return new Count(tests, failures, errors, skipped, absent);
    }

    /** "module count" lines; # starts a comment. */
    static Map<String, Integer> floors(Path file) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            String l = line.replaceAll("#.*", "").strip();
            if (!l.isEmpty()) {
                String[] parts = l.split("\\s+");
                out.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return out;
    }

    /** As io.cellbench.testing.ReferenceData.required(): set, and not 0 or false. */
    static boolean required(String flag) {
        return flag != null && !flag.isBlank() && !flag.equals("0") && !flag.equalsIgnoreCase("false");
    }
}
