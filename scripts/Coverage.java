import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints the JaCoCo coverage of each module's own tests (branches first, then lines and
 * instructions), from the target/site/jacoco/jacoco.csv that the test command writes in every
 * module: found, not listed, so a new module is picked up by itself. There is no threshold.
 *
 * <pre>java scripts/Coverage.java PROJECT_ROOT</pre>
 */
public class Coverage {

    /** Missed and covered counts of one counter. */
    record Counter(long missed, long covered) {
        Counter plus(Counter o) {
            return new Counter(missed + o.missed, covered + o.covered);
        }

        String percent() {
            long total = missed + covered;
            return total == 0 ? "     -" : String.format("%5.1f%%", 100.0 * covered / total);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> reports;
        try (Stream<Path> s = Files.walk(root, 6)) {
            reports = s.filter(p -> p.endsWith(Path.of("target", "site", "jacoco", "jacoco.csv")))
                    .filter(p -> !p.toString().contains("node_modules")).sorted().toList();
        }
        System.out.println();
        if (reports.isEmpty()) {
            System.out.println("run-tests: no JaCoCo reports (target/site/jacoco/jacoco.csv) were written");
            return;
        }
        System.out.println("run-tests: coverage by each module's own tests (JaCoCo; no threshold)");
        System.out.printf("  %-16s %9s %9s %12s   %s%n", "module", "branches", "lines", "instructions", "branches covered");
        Counter[] total = {new Counter(0, 0), new Counter(0, 0), new Counter(0, 0)};
        for (Path csv : reports) {
            Counter[] module = sum(csv);
            String name = root.relativize(csv.getParent().getParent().getParent().getParent()).toString();
            print(name, module);
            for (int i = 0; i < 3; i++) {
                total[i] = total[i].plus(module[i]);
            }
        }
        print("total", total);
    }

    private static void print(String name, Counter[] c) {
        System.out.printf("  %-16s %9s %9s %12s   %d of %d%n", name, c[0].percent(), c[1].percent(), c[2].percent(),
                c[0].covered(), c[0].missed() + c[0].covered());
    }

    /** Branch, line and instruction counters summed over the classes of one jacoco.csv. */
    private static Counter[] sum(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int[] missed = {header.indexOf("BRANCH_MISSED"), header.indexOf("LINE_MISSED"), header.indexOf("INSTRUCTION_MISSED")};
        int[] covered = {header.indexOf("BRANCH_COVERED"), header.indexOf("LINE_COVERED"), header.indexOf("INSTRUCTION_COVERED")};
        Counter[] out = {new Counter(0, 0), new Counter(0, 0), new Counter(0, 0)};
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int i = 0; i < 3; i++) {
                out[i] = out[i].plus(new Counter(Long.parseLong(f[missed[i]]), Long.parseLong(f[covered[i]])));
            }
        }
        return out;
    }
}
