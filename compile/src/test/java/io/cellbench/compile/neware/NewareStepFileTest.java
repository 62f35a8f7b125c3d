package io.cellbench.compile.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.ProtocolCompiler;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.testing.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Step files compiled by cellbench against the step files BTS Client wrote itself
 * (reference/neware/step-xml): the same elements, in the same places, in the same units.
 */
class NewareStepFileTest {
    static final String AURORA = "neware/step-xml/Step-aurora-nw4-120-6-1-36.xml";
    static final String CELLPY = "neware/step-xml/Step-cellpy-IFE_BTS85_2_9_8_1.xml";

    /**
     * The program BTS wrote into nw4-120-6-1-36.ndax (a 45 mAh cell: C/2 charge to 4.2 V for at
     * most 3 h, hold until C/20 or 30 min, C/2 discharge to 2.75 V, five times; 2.5–4.3 V,
     * ±30 mA, a record every 10 s), written as a cellbench protocol.
     */
    static final String AURORA_AS_PROTOCOL = """
            name: C/2 cycling, 45 mAh
            limits:
              voltage: [2.5 V, 4.3 V]
              current: [-30 mA, 30 mA]
            logging:
              period: 10 s
              voltage_change: off
            steps:
              - Repeat 5 times:
                  - Charge at C/2 for 3 hours or until 4.2 V
                  - Hold at 4.2 V until C/20 or 30 minutes
                  - Discharge at C/2 for 3 hours or until 2.75 V
            """;

    static final CompileOptions OPTIONS = new CompileOptions(0.045, LocalDateTime.of(2026, 1, 2, 3, 4, 5),
            UUID.fromString("00000000-0000-0000-0000-000000000001"));

    static Compiled compile(String protocol, CompileOptions options) {
        return ProtocolCompiler.compile(ProtocolLoader.parse(protocol, "p.yaml"), CompileTarget.NEWARE, options);
    }

    @Test
    void theProgramBtsWroteComesOutWithTheSameStepsLimitsAndUnits() throws Exception {
        StepFileXml bts = StepFileXml.parse(Files.readAllBytes(ReferenceData.require(AURORA)));
        StepFileXml ours = StepFileXml.parse(compile(AURORA_AS_PROTOCOL, OPTIONS).content());

        List<Element> btsSteps = bts.steps();
        List<Element> ourSteps = ours.steps();
        assertEquals(btsSteps.size(), ourSteps.size(), "steps");
        for (int i = 0; i < btsSteps.size(); i++) {
            Element b = btsSteps.get(i);
            Element o = ourSteps.get(i);
            assertEquals(b.getTagName(), o.getTagName());
            assertEquals(b.getAttribute("Step_ID"), o.getAttribute("Step_ID"));
            assertEquals(b.getAttribute("Step_Type"), o.getAttribute("Step_Type"), b.getTagName() + " Step_Type");
            for (String part : List.of("Limit/Main", "Limit/Other")) {
                Element bl = StepFileXml.at(b, part);
                Element ol = StepFileXml.at(o, part);
                assertEquals(bl == null, ol == null, b.getTagName() + "/" + part);
                if (bl == null) {
                    continue;
                }
                // same fields in the same order...
                assertEquals(names(bl), names(ol), b.getTagName() + "/" + part);
                for (Element field : StepFileXml.children(bl)) {
                    String path = part + "/" + field.getTagName();
                    String expected = field.getAttribute("Value");
                    if (b.getTagName().equals("Step2") && path.equals("Limit/Main/Curr")) {
                        // BTS's user typed the CC current as the CV step's limit; cellbench limits a
                        // hold to the safety window, as its runner does (docs/protocols.md)
                        expected = "30";
                    }
                    // ...and the same values in the same units (0.1 mV, mA, ms)
                    assertEquals(expected, StepFileXml.value(o, path), b.getTagName() + "/" + path);
                }
            }
        }
        Element bp = StepFileXml.at(bts.config(), "Whole_Prt/Protect/Main");
        Element op = StepFileXml.at(ours.config(), "Whole_Prt/Protect/Main");
        for (String path : List.of("Volt/Upper", "Volt/Lower", "Curr/Upper", "Curr/Lower")) {
            assertEquals(StepFileXml.value(bp, path), StepFileXml.value(op, path), "Whole_Prt/Protect/Main/" + path);
        }
        assertEquals("10000", StepFileXml.value(bts.config(), "Whole_Prt/Record/Main/Time"));
        assertEquals("10000", StepFileXml.value(ours.config(), "Whole_Prt/Record/Main/Time"));
        assertEquals(StepFileXml.value(bts.config(), "Head_Info/MultCap"),
                StepFileXml.value(ours.config(), "Head_Info/MultCap"), "45 mAh in mA·s");
        assertEquals("Step File", ours.config().getAttribute("type"));
        assertEquals("20260102030405", ours.config().getAttribute("date"));
        assertEquals(String.valueOf(btsSteps.size()), StepFileXml.at(ours.config(), "Step_Info").getAttribute("Num"));
    }

    /** Elements BTS-written files do not show, each written for a reason given in the compiler. */
    static final Set<String> NOT_IN_BTS_FILES = Set.of(
            // aurora-unicycler writes these and runs its files on BTS 8.0
            "root/config/Head_Info/Creator", "root/config/Head_Info/Remark",
            // BTS writes them in a step's Record; aurora-unicycler in Whole_Prt's
            "root/config/Whole_Prt/Record/Main/Volt", "root/config/Whole_Prt/Record/Main/Curr",
            // BTS wrote Temp/Upper here, and Upper and Lower for every other bound
            "root/config/Whole_Prt/Protect/Aux/Temp/Lower");

    @Test
    void everyElementWeWriteIsOneBtsWroteOrIsListed() throws Exception {
        Set<String> bts = new TreeSet<>(StepFileXml.parse(Files.readAllBytes(ReferenceData.require(AURORA))).paths());
        bts.addAll(StepFileXml.parse(Files.readAllBytes(ReferenceData.require(CELLPY))).paths());
        String protocol = """
                name: every verified field
                limits:
                  voltage: [1.8 V, 3.8 V]
                  current: [-2 mA, 2 mA]
                  temperature: [10 °C, 45 °C]
                logging:
                  period: 10 s
                  voltage_change: 5 mV
                  current_change: 10 uA
                steps:
                  - Rest for 10 minutes (30 s period)
                  - Repeat 3 times:
                      - Charge at C/5 until 3.7 V then hold until C/20 or 1 hour
                      - Charge at 1 mA until 3.7 V then hold until 0.1 mA
                      - Discharge at C/5 for 5 hours or until 1.9 V
                  - Discharge at 3 V for 1 hour
                """;
        Set<String> ours = StepFileXml.parse(compile(protocol, OPTIONS.withCapacityAh(0.002)).content()).paths();
        Set<String> unknown = new TreeSet<>(ours);
        unknown.removeAll(bts);
        unknown.removeAll(NOT_IN_BTS_FILES);
        assertEquals(Set.of(), unknown, "elements BTS never wrote");
    }

    private static final Pattern BTS_LINE = Pattern.compile(
            "( {2})*(<\\?xml version=\"1\\.0\" encoding=\"[A-Za-z0-9-]+\"\\?>|<[A-Za-z_0-9]+( [A-Za-z_]+=\"[^\"]*\")*( /)?>"
                    + "|</[A-Za-z_0-9]+>)");

    @Test
    void linesAreLaidOutAsBtsLaysThemOut() throws Exception {
        String bts = Files.readString(ReferenceData.require(CELLPY), StandardCharsets.UTF_8);
        String ours = compile(AURORA_AS_PROTOCOL, OPTIONS).text();
        for (String file : List.of(bts, ours)) {
            assertFalse(file.endsWith("\n"), "no line end after </root>");
            assertFalse(file.replace("\r\n", "").contains("\n"), "CRLF line ends only");
            for (String line : file.split("\r\n")) {
                assertTrue(BTS_LINE.matcher(line).matches(), "line '" + line + "'");
            }
        }
        assertTrue(ours.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<root>\r\n  <config type=\"Step File\""),
                ours);
        assertTrue(ours.contains("      <Step5 Step_ID=\"5\" Step_Type=\"6\">\r\n      </Step5>\r\n"), "End step as BTS"
                + " writes it:\n" + ours);
    }

    @Test
    void unitsAreBtsUnits() throws Exception {
        String protocol = """
                name: units
                limits:
                  voltage: [1.85 V, 3.75 V]
                  current: [-1 mA, 1 mA]
                  temperature: [15 °C, 40 °C]
                steps:
                  - Charge at 0.0785 mA for 30 minutes or until 3.7 V
                  - Discharge at 0.5 mA until 1.9 V or 0.25 mAh (5 s period)
                """;
        Compiled c = compile(protocol, OPTIONS);
        StepFileXml x = StepFileXml.parse(c.content());
        Element s1 = x.steps().get(0);
        assertEquals("1", s1.getAttribute("Step_Type"));
        assertEquals("0.0785", StepFileXml.value(s1, "Limit/Main/Curr"), "mA");
        assertEquals("1800000", StepFileXml.value(s1, "Limit/Main/Time"), "ms");
        assertEquals("37000", StepFileXml.value(s1, "Limit/Main/Stop_Volt"), "0.1 mV");
        Element s2 = x.steps().get(1);
        assertEquals("2", s2.getAttribute("Step_Type"));
        assertEquals("900", StepFileXml.value(s2, "Limit/Main/Stop_Cap"), "0.25 mAh in mA·s");
        assertEquals("5000", StepFileXml.value(s2, "Record/Main/Time"), "a step's own period, ms");
        assertEquals("37500", StepFileXml.value(x.config(), "Whole_Prt/Protect/Main/Volt/Upper"));
        assertEquals("-1", StepFileXml.value(x.config(), "Whole_Prt/Protect/Main/Curr/Lower"));
        assertEquals("400", StepFileXml.value(x.config(), "Whole_Prt/Protect/Aux/Temp/Upper"), "0.1 °C");
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("p.yaml:8:5: warning: neware: the capacity cut-off")),
                c.warnings().toString());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("thermocouple")), c.warnings().toString());
    }

    @Test
    void aCcCvStepIsOneCcCvStepWhenBtsCanSayTheSameElseACcAndACvStep() throws Exception {
        String protocol = """
                name: cccv
                limits:
                  voltage: [1.8 V, 3.8 V]
                  current: [-5 mA, 5 mA]
                steps:
                  - Charge at 2 mA for 10 hours or until 3.7 V then hold until 0.1 mA
                  - Discharge at 2 mA until 2 V then hold until 0.1 mA
                  - Charge at 2 mA until 3.7 V then hold until 0.1 mA or 2 hours
                """;
        List<Element> steps = StepFileXml.parse(compile(protocol, OPTIONS).content()).steps();
        assertEquals(List.of("7", "20", "1", "3", "6"), steps.stream().map(e -> e.getAttribute("Step_Type")).toList());
        Element cccv = steps.get(0);
        assertEquals(List.of("Curr", "Volt", "Time", "Stop_Curr"), names(StepFileXml.at(cccv, "Limit/Main")));
        assertEquals("36000000", StepFileXml.value(cccv, "Limit/Main/Time"), "the 'for' covers both phases, in BTS too");
        Element cv = steps.get(3);
        assertEquals("2", StepFileXml.value(cv, "Limit/Main/Curr"), "the CV phase draws at most the CC current");
        assertEquals("7200000", StepFileXml.value(cv, "Limit/Main/Time"));
        assertEquals("37000", StepFileXml.value(steps.get(2), "Limit/Main/Stop_Volt"), "the CC phase ends at the hold");
    }

    @Test
    void nestedRepeatsAreNestedCycleSteps() throws Exception {
        String protocol = """
                name: nested
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Rest for 1 minute
                  - Repeat 3 times:
                      - Repeat 2 times:
                          - Charge at 1 mA for 1 minute
                          - Discharge at 1 mA for 1 minute
                      - Rest for 1 minute
                  - Repeat 1 times:
                      - Rest for 2 minutes
                """;
        List<Element> steps = StepFileXml.parse(compile(protocol, OPTIONS).content()).steps();
        assertEquals(List.of("4", "1", "2", "5", "4", "5", "4", "6"),
                steps.stream().map(e -> e.getAttribute("Step_Type")).toList());
        assertEquals("2", StepFileXml.value(steps.get(3), "Limit/Other/Start_Step"));
        assertEquals("2", StepFileXml.value(steps.get(3), "Limit/Other/Cycle_Count"));
        assertEquals("2", StepFileXml.value(steps.get(5), "Limit/Other/Start_Step"));
        assertEquals("3", StepFileXml.value(steps.get(5), "Limit/Other/Cycle_Count"));
    }

    private static List<String> names(Element parent) {
        return StepFileXml.children(parent).stream().map(Element::getTagName).toList();
    }
}
