package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Range;
import io.cellbench.protocols.model.SafetyLimits;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolLoaderTest {

    static final String BRIEF_EXAMPLE = """
            name: SSB formation and cycling
            limits:            # safety window, all optional
              voltage: [1.9 V, 3.8 V]
              current: [-10 mA, 10 mA]
              temperature: [0 °C, 80 °C]
              pressure: [1 MPa, 100 MPa]
            logging:           # all optional; defaults = LoggingRule.DEFAULT
              period: 10 s
              voltage_change: 5 mV
              current_change: 1 mA
              sample_period: 1 s
            steps:
              - Set pressure to 5 MPa and wait until stable
              - Rest for 1 hour
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
              - Repeat 3 times:
                  - Charge at C/10 until 3.7 V then hold until C/50
                  - Discharge at C/10 until 1.9 V
            """;

    static Protocol parse(String yaml) {
        return ProtocolLoader.parse(yaml, "p.yaml");
    }

    /** Asserts the file fails at line:column, pointing at {@code offending}, with problem and hint parts. */
    static ProtocolException fails(String yaml, int line, int column, String offending, String problemPart,
                                   String hintPart) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(yaml));
        assertEquals("p.yaml", e.file());
        assertEquals(line, e.line(), e::getMessage);
        assertEquals(column, e.column(), e::getMessage);
        if (offending != null) {
            assertEquals(offending, e.offendingText(), e::getMessage);
        }
        assertTrue(e.problem().contains(problemPart), e::getMessage);
        assertTrue(e.hint().contains(hintPart), e::getMessage);
        assertTrue(e.getMessage().startsWith("p.yaml:" + line + ":" + column + ": error: "), e::getMessage);
        assertNull(e.getCause(), "no parser exception may leak through");
        return e;
    }

    @Nested
    class Reading {

        @Test
        void theFormatOfTheReference() {
            Protocol p = parse(BRIEF_EXAMPLE);
            assertEquals("SSB formation and cycling", p.name());
            assertEquals("p.yaml", p.source());
            assertEquals(new SafetyLimits(new Range(1.9, 3.8), new Range(-0.01, 0.01), new Range(0, 80),
                    new Range(1e6, 100e6)), p.limits());
            assertEquals(new LoggingRule(10, 0.005, 0.001, 1), p.logging());
            assertEquals(4, p.steps().size());
            assertEquals(new Step.SetPressure(new SourceLocation("p.yaml", 13, 5),
                    "Set pressure to 5 MPa and wait until stable", 5e6, true), p.steps().get(0));
            assertEquals(new Step.Rest(new SourceLocation("p.yaml", 14, 5), "Rest for 1 hour", 3600.0, List.of(), null),
                    p.steps().get(1));
            Step.Repeat repeat = (Step.Repeat) p.steps().get(3);
            assertEquals(new SourceLocation("p.yaml", 16, 5), repeat.at());
            assertEquals("Repeat 3 times", repeat.text());
            assertEquals(3, repeat.times());
            Step.Drive charge = (Step.Drive) repeat.steps().get(0);
            assertEquals(new SourceLocation("p.yaml", 17, 9), charge.at());
            assertEquals(new Step.CvHold(3.7, List.of(new Termination(Termination.Measure.C_RATE,
                    Termination.Op.AT_MOST, 0.02))), charge.thenHold());
            assertEquals(new SourceLocation("p.yaml", 18, 9), repeat.steps().get(1).at());
        }

        @Test
        void everythingButStepsIsOptional() {
            Protocol p = ProtocolLoader.parse("steps:\n  - Rest for 1 h\n", "dir/gitt-short.yaml");
            assertEquals("gitt-short", p.name());
            assertEquals(SafetyLimits.NONE, p.limits());
            assertEquals(LoggingRule.DEFAULT, p.logging());
        }

        @Test
        void repeatsNestAndTakeFlowStyleOrASingleStep() {
            Protocol p = parse("""
                    steps:
                      - Repeat 2 times:
                          - Repeat 40 times:
                              - Discharge at C/20 for 10 minutes
                              - Rest for 1 hour
                          - Charge at C/10 until 3.7 V
                      - {Repeat 5 times: [Rest for 1 s, "Discharge at 1 mA for 1 s"]}
                      - Repeat 3 times: Rest for 2 s
                    limits:
                      voltage: [1.9 V, 3.8 V]
                    """);
            Step.Repeat outer = (Step.Repeat) p.steps().get(0);
            Step.Repeat inner = (Step.Repeat) outer.steps().get(0);
            assertEquals(40, inner.times());
            assertEquals(2, inner.steps().size());
            assertEquals(5, inner.steps().get(1).at().line());
            assertEquals(5, ((Step.Repeat) p.steps().get(1)).times());
            assertEquals(2, ((Step.Repeat) p.steps().get(1)).steps().size());
            Step.Repeat single = (Step.Repeat) p.steps().get(2);
            assertEquals(List.of(new Step.Rest(new SourceLocation("p.yaml", 8, 21), "Rest for 2 s", 2.0, List.of(), null)),
                    single.steps());
        }

        @Test
        void aTemperatureSuffixAddsASetTemperatureStep() {
            Protocol p = parse("steps:\n  - Discharge at 1C for 1 hour at 25oC\nlimits: {voltage: [1.9 V, 3.8 V]}\n");
            assertEquals(2, p.steps().size());
            assertEquals(new SourceLocation("p.yaml", 2, 32), p.steps().get(0).at());
            assertTrue(p.steps().get(0) instanceof Step.SetTemperature t && t.celsius() == 25 && t.waitUntilStable());
        }

        @Test
        void limitsMayBeOneSidedAndLoggingRulesOff() {
            Protocol p = parse("""
                    limits:
                      voltage: [~, 3.8 V]
                      pressure: [1 MPa, null]
                    logging:
                      voltage_change: off
                      current_change: 500 uA
                    steps:
                      - Rest for 1 h
                    """);
            assertEquals(new Range(Double.NEGATIVE_INFINITY, 3.8), p.limits().voltage());
            assertEquals(new Range(1e6, Double.POSITIVE_INFINITY), p.limits().pressure());
            assertEquals(Range.UNBOUNDED, p.limits().current());
            assertEquals(new LoggingRule(10, Double.POSITIVE_INFINITY, 5e-4, 1), p.logging());
        }

        @Test
        void loadsFilesAndReportsWhatIsWrongWithThem(@TempDir Path dir) throws IOException {
            Path f = dir.resolve("formation.yaml");
            Files.writeString(f, "\ufeffname: bom\nsteps:\n  - Rest for 1 h\n", StandardCharsets.UTF_8);
            Protocol p = ProtocolLoader.load(f);
            assertEquals("bom", p.name());
            assertEquals(f.toString(), p.source());

            ProtocolException missing = assertThrows(ProtocolException.class,
                    () -> ProtocolLoader.load(dir.resolve("nope.yaml")));
            assertTrue(missing.getMessage().startsWith(dir.resolve("nope.yaml") + ": error: no such file\n  hint: check the path"),
                    missing::getMessage);

            Path latin1 = dir.resolve("latin1.yaml");
            Files.write(latin1, "steps:\n  - Set temperature to 25 \u00b0C\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(assertThrows(ProtocolException.class, () -> ProtocolLoader.load(latin1)).problem()
                    .contains("not UTF-8"));
        }
    }

    @Nested
    class Errors {

        @Test
        void stepErrorsPointAtTheTokenInsideTheYamlLine() {
            ProtocolException e = fails("name: x\nsteps:\n  - Rest for 1 hour\n  - Charge at 1 A until 4.1 Vv\n",
                    4, 29, "Vv", "unknown unit 'Vv'", "voltage: V");
            assertEquals("""
                    p.yaml:4:29: error: unknown unit 'Vv'
                          - Charge at 1 A until 4.1 Vv
                                                    ^^
                      hint: accepted units:""", e.getMessage().lines().limit(4)
                    .reduce((a, b) -> a + "\n" + b).orElseThrow());
        }

        @Test
        void positionsInQuotedAndFoldedSteps() {
            fails("steps:\n  - \"Charge at 1 A until 4.1 Vv\"\n", 2, 30, "Vv", "unknown unit", "");
            fails("steps:\n  - 'it''s Charge at 1 A'\n", 2, 6, "it", "unknown step 'it'", "");
            fails("steps:\n  - \"Charge\\tat 1 A until 4.1 Vv\"\n", 2, 31, "Vv", "unknown unit", "");
            fails("steps:\n  - >-\n    Charge at 1 A\n    until 4.1 Vv\n", 4, 15, "Vv", "unknown unit", "");
            fails("steps:\n  - Charge at 1 A\n    until 4.1 Vv\n", 3, 15, "Vv", "unknown unit", "");
            fails("steps:\n  - |\n    Charge at 1 A until 4.1 Vv\n", 3, 29, "Vv", "unknown unit", "");
            fails("steps:\n  - Repeat 2 times:\n      - Repeat 3 times:\n          - Rest for 1 hr until 3 V\n",
                    4, 33, "3 V", "a rest has no direction", "until >= 3 V");
        }

        @Test
        void unknownKeysSuggestTheRightOne() {
            fails("name: x\nstpes:\n  - Rest for 1 hour\n", 2, 1, "stpes", "unknown top-level key 'stpes'",
                    "did you mean 'steps'? Allowed: name, parameters, limits, logging, fit, steps");
            fails("limit:\n  voltage: [1 V, 2 V]\nsteps:\n  - Rest for 1 h\n", 1, 1, "limit", "unknown top-level key",
                    "did you mean 'limits'?");
            fails("limits:\n  voltag: [1 V, 2 V]\nsteps:\n  - Rest for 1 h\n", 2, 3, "voltag",
                    "unknown limit 'limits.voltag'", "did you mean 'voltage'?");
            fails("logging:\n  sample: 1 s\nsteps:\n  - Rest for 1 h\n", 2, 3, "sample", "unknown logging key 'logging.sample'",
                    "period, voltage_change, current_change, sample_period");
            fails("description: x\nsteps:\n  - Rest for 1 h\n", 1, 1, "description", "unknown top-level key",
                    "Allowed: name, parameters, limits, logging, fit, steps");
            fails("name: x\nsteps:\n  - Rest for 1 h\nname: y\n", 4, 1, "name", "'name' is given twice", "line 1");
        }

        @Test
        void yamlSyntaxErrorsComeOutWithTheirPosition() {
            ProtocolException e = fails("name: x\n steps: [a\n", 2, 7, null, "YAML syntax: mapping values are not allowed here",
                    "quote a step");
            assertFalse(e.getMessage().contains("jackson"), e.getMessage());
            assertFalse(e.getMessage().contains("in 'reader'"), e.getMessage());
            fails("name: x\nsteps:\n\t- a\n", 3, 1, null, "YAML syntax", "indent with spaces");
            fails("steps:\n  - \"Rest for 1 h\n", 3, 1, null, "YAML syntax", "");
            fails("steps: [Rest for 1 h\n", 2, 1, null, "YAML syntax", "");
            fails("steps:\n  - Rest for 1 h\n---\nsteps: []\n", 4, 1, null, "a second YAML document", "'---'");
            fails("name: &a x\nsteps:\n  - *a\n", 3, 5, null, "YAML aliases", "Repeat N times");
        }

        @Test
        void structureErrors() {
            fails("", 1, 1, null, "the protocol file is empty", "steps:");
            fails("# only a comment\n", 1, 1, null, "the protocol file is empty", "steps:");
            fails("- Rest for 1 h\n", 1, 1, null, "a protocol file is a mapping", "name:");
            fails("name: x\n", 1, 1, null, "the protocol has no 'steps'", "Rest for 1 hour");
            fails("steps: Rest for 1 h\n", 1, 8, null, "'steps' needs a list of steps, not a single value", "'- '");
            fails("steps: []\n", 1, 8, null, "the list of steps is empty", "Rest for 1 hour");
            fails("steps:\n  -\n", 2, 4, null, "empty step", "remove the line");
            fails("steps:\n  - Rest for 1 h\n   - Rest for 2 h\n", 3, 4, "-", "unexpected '-' inside a step",
                    "must line up");
            fails("steps:\n  - - Rest for 1 h\n", 2, 5, null, "a list inside the list of steps", "Repeat 3 times");
            fails("steps:\n  - Rest: for 1 hour\n", 2, 5, "Rest", "is followed by ':', which makes it a YAML key",
                    "put the step in quotes");
            fails("steps:\n  - Repeat 3 times:\n", 2, 5, null, "'Repeat 3 times' has no steps to repeat", "'- '");
            fails("steps:\n  - Repeat three times:\n      - Rest for 1 h\n", 2, 12, "three",
                    "expected how many times to repeat", "Repeat 3 times");
            fails("steps:\n  - Repeat 2 times:\n      - Rest for 1 h\n    Repeat 3 times:\n      - Rest for 1 h\n",
                    4, 5, "Repeat 3 times", "two keys in one list item", "its own '- '");
            fails("name: [a, b]\nsteps:\n  - Rest for 1 h\n", 1, 7, null, "'name' needs a single line of text", "");
            fails("steps:\n  - 42\n", 2, 5, "42", "a step starts with a word, not '42'", "'Charge'");
        }

        @Test
        void limitAndLoggingErrors() {
            fails("limits:\n  voltage: [1.9 A, 3 V]\nsteps:\n  - Rest for 1 h\n", 2, 13, "1.9 A",
                    "'1.9 A' is a current, expected a voltage limit", "4.2 V");
            fails("limits:\n  voltage: [3.8 V, 1.9 V]\nsteps:\n  - Rest for 1 h\n", 2, 20, null,
                    "upper limit is not above the lower limit", "[1.9 V, 3.8 V]");
            fails("limits:\n  voltage: 3.8 V\nsteps:\n  - Rest for 1 h\n", 2, 12, null, "limits.voltage takes [min, max]",
                    "~ for no limit");
            fails("limits:\n  temperature: [0, 80 °C]\nsteps:\n  - Rest for 1 h\n", 2, 17, "0", "'0' has no unit",
                    "°C");
            fails("limits: 3 V\nsteps:\n  - Rest for 1 h\n", 1, 9, null, "'limits' needs indented 'key: value' lines",
                    "voltage: [1.9 V, 3.8 V]");
            fails("logging:\n  period: 0 s\nsteps:\n  - Rest for 1 h\n", 2, 11, "0 s", "logging.period must be above zero",
                    "'off'");
            fails("logging:\n  sample_period: off\nsteps:\n  - Rest for 1 h\n", 2, 18, null, "cannot be off", "1 s");
            fails("logging:\n  period: 1 s\n  sample_period: 5 s\nsteps:\n  - Rest for 1 h\n", 3, 18, null,
                    "sample_period (5 s) is longer than period (1 s)", "shorten sample_period");
            fails("logging:\n  period: 10 V\nsteps:\n  - Rest for 1 h\n", 2, 11, "10 V", "is a voltage, expected a time",
                    "2 hours");
        }

        @Test
        void cutOffsOutsideTheSafetyWindow() {
            String yaml = BRIEF_EXAMPLE.replace("Charge at C/10 until 3.7 V", "Charge at C/10 until 4.3 V");
            ProtocolException e = fails(yaml, 17, 30, "4.3 V",
                    "cut-off 4.3 V is above the safety limit 3.8 V (limits.voltage)", "would trip");
            assertTrue(e.getMessage().contains("\n          - Charge at C/10 until 4.3 V then hold until C/50\n"
                    + "                                 ^^^^^\n"), e.getMessage());
            fails(BRIEF_EXAMPLE.replace("Set pressure to 5 MPa", "Set pressure to 150 MPa"), 13, 21, "150 MPa",
                    "pressure 150 MPa is above the safety limit 100 MPa", "limits.pressure");
            // limits written after the steps still apply
            fails("steps:\n  - Discharge at 1 A until 1 V\nlimits:\n  voltage: [1.9 V, 3.8 V]\n", 2, 28, "1 V",
                    "below the safety limit 1.9 V", "");
        }
    }
}
