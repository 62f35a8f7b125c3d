package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aGoodProtocolPassesAndPrintsNormalizedJson() throws IOException {
        Path p = write("f.yaml", """
                name: formation
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Charge at C/20 until 3.7 V then hold until C/100
                  - Discharge at 200 uA until 1.9 V or 30 hours
                """);
        Console ok = Console.run("validate", p.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().startsWith("ok: "), ok.out());
        Console json = Console.run("validate", "--json", p.toString());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("formation", root.get("protocol").asText());
        JsonNode discharge = root.get("steps").get(1);
        assertEquals("discharge", discharge.get("kind").asText());
        assertEquals("current", discharge.get("control").asText());
        assertEquals(200e-6, discharge.get("value").asDouble(), 1e-15);
        assertEquals(6, discharge.get("line").asInt());
        assertEquals("<=", discharge.get("until").get(0).get("op").asText());
        assertEquals(30 * 3600, discharge.get("until").get(1).get("value").asDouble(), 1e-9);
    }

    @Test
    void aBadProtocolNamesFileLineAndColumnWithoutAStackTrace() throws IOException {
        Path good = write("good.yaml", "steps:\n  - Rest for 1 hour\n");
        Path bad = write("bad.yaml", "steps:\n  - Rest for 1 hour\n  - Charge at C/10 until 3.7 Vv\n");
        Console c = Console.run("validate", good.toString(), bad.toString());
        assertEquals(2, c.exitCode());
        assertTrue(c.out().contains("ok: " + good), "the good file is still checked: " + c.out());
        assertTrue(c.err().contains(bad + ":3:"), c.err());
        assertTrue(c.err().contains("hint:"), c.err());
        assertFalse(c.err().contains("Exception") || c.err().contains("\tat "), c.err());
    }

    @Test
    void aScheduleIsCheckedWithItsProtocols() throws IOException {
        write("p.yaml", """
                parameters: {pressure: 5 MPa}
                steps:
                  - Set pressure to {pressure}
                  - Rest for 1 hour
                """);
        Path schedule = write("s.yaml", """
                name: two cells
                cells:
                  - id: a
                    nominal_capacity: 2 mAh
                    protocol: p.yaml
                  - id: b
                    nominal_capacity: 2 mAh
                    protocol: p.yaml
                    parameters: {presure: 10 MPa}
                """);
        Console c = Console.run("validate", schedule.toString());
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains(schedule + ":9:18"), c.err());
        assertTrue(c.err().contains("has no parameter 'presure'"), c.err());
        assertTrue(c.err().contains("it declares pressure: remove 'presure'"), c.err());
    }

    @Test
    void everyExampleInTheRepositoryValidates() throws IOException {
        int labs = 0;
        int wired = 0;
        Path examples = Path.of("..", "examples");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Console c = Console.run("validate", f.toString());
                boolean lab = f.getParent().getFileName().toString().equals("labs");
                labs += lab ? 1 : 0;
                assertEquals(0, c.exitCode(), f + ": " + c.err());
                if (lab) {
                    assertTrue(c.out().contains(": lab '"), c.out());
                }
                // alone, a schedule's wiring is not checked: one named after a lab file
                // (virtual-lab-full.yaml after labs/virtual-lab.yaml) must also fit that lab
                Path itsLab = labFor(examples, f);
                if (itsLab != null) {
                    wired++;
                    Console fits = Console.run("validate", "--lab", itsLab.toString(), f.toString());
                    assertEquals(0, fits.exitCode(), f + " against " + itsLab + ": " + fits.err());
                    assertTrue(fits.out().contains("fits lab '"), fits.out());
                }
            }
        }
        assertEquals(2, labs, "lab files in examples/labs");
        assertEquals(2, wired, "schedules checked against their lab file");
    }

    private static Path labFor(Path examples, Path file) throws IOException {
        if (!file.getParent().getFileName().toString().equals("schedules")) {
            return null;
        }
        String name = file.getFileName().toString();
        try (Stream<Path> labs = Files.list(examples.resolve("labs"))) {
            return labs.filter(l -> name.startsWith(l.getFileName().toString().replace(".yaml", "")))
                    .findFirst().orElse(null);
        }
    }

    @Test
    void theFullVirtualLabScheduleWiresEveryInstrumentKindOfItsLabFile() {
        Console c = Console.run("validate", "--lab", "../examples/labs/virtual-lab.yaml",
                "../examples/schedules/virtual-lab-full.yaml");
        assertEquals(0, c.exitCode(), c.err());
        for (String wired : new String[] {"channel ch-1 = keithley-2450-1 (keithley-2450)", "a channel of pool maccor",
                "EIS palmsens-methodscript-1 mux 4", "fixture modbus-pressure-4", "chamber modbus-chamber-1"}) {
            assertTrue(c.out().contains(wired), wired + " in\n" + c.out());
        }
    }

    @Test
    void theVirtualLabsExampleScheduleFitsItsLabFile() {
        Console c = Console.run("validate", "--lab", "../examples/labs/virtual-lab.yaml",
                "../examples/schedules/virtual-lab.yaml");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("fits lab 'virtual lab'"), c.out());
        assertTrue(c.out().contains("cell-2: protocol 'Channel check, C/5 pulses'"), c.out());
    }

    @Test
    void aLabFilesMistakeIsLocatedAndTheSchedulesAreNotCheckedAgainstIt() throws IOException {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, """
                lab: bench
                instruments:
                  smu-1:
                    driver: keithley-2450
                    host: 10.0.0.5
                    rest: floating
                """);
        Console alone = Console.run("validate", lab.toString());
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().startsWith(lab + ":6:11: error: instrument 'smu-1' (keithley-2450): setting 'rest' must be"
                + " one of open-relay, zero-current, got 'floating'\n        rest: floating\n              ^^^^^^^^"),
                alone.err());
        Console with = Console.run("validate", "--lab", lab.toString(), "../examples/schedules/virtual-lab.yaml");
        assertEquals(2, with.exitCode());
        assertTrue(with.err().contains("not checked against " + lab), with.err());
    }

    @Test
    void aMissingFileIsAClearError() {
        Console c = Console.run("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("no such file"), c.err());
    }
}
