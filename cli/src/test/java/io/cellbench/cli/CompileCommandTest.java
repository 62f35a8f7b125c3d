package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cellbench compile: a file, or every refusal at its file:line:column and no file. */
class CompileCommandTest {
    @TempDir
    Path dir;

    static final String PROTOCOL = """
            name: compiled
            parameters:
              rate: C/5
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            steps:
              - Rest for 10 minutes
              - Repeat 2 times:
                  - Charge at {rate} until 3.7 V then hold until C/20
                  - Discharge at {rate} until 1.9 V
            """;

    @Test
    void aProtocolCompilesToANewareStepFileWithParametersAndCapacity() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), PROTOCOL);
        Path out = dir.resolve("out").resolve("p.xml");
        Console c = Console.run("compile", p.toString(), "--to", "neware", "--capacity", "2mAh", "--param", "rate=C/10",
                "-o", out.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("wrote " + out + ": Neware BTS step file of protocol 'compiled'"), c.out());
        String xml = Files.readString(out);
        assertTrue(xml.contains("<Step2 Step_ID=\"2\" Step_Type=\"7\">"), "a CCCV step:\n" + xml);
        assertTrue(xml.contains("<Curr Value=\"0.2\" />") && xml.contains("<Rate Value=\"0.1\" />"), "C/10 of 2 mAh");
        assertTrue(xml.contains("<Cycle_Count Value=\"2\" />"));
        try (var left = Files.list(out.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }

    @Test
    void biologicSettingsAreWrittenInCp1252() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), PROTOCOL.replace("{rate}", "5 uA").replace("C/20", "1 uA"));
        Path out = dir.resolve("p.mps");
        Console c = Console.run("compile", p.toString(), "--to", "BioLogic", "-o", out.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(new String(Files.readAllBytes(out), Charset.forName("windows-1252")).contains("10 \u00b5A"));
    }

    @Test
    void refusalsAreReportedAllAtOnceWithExitStatus2AndNoFile() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), """
                name: refused
                limits:
                  voltage: [1.8 V, 3.8 V]
                steps:
                  - Set pressure to 10 MPa
                  - Charge at C/5 until 3.7 V
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                """);
        Path out = dir.resolve("p.xml");
        Console c = Console.run("compile", p.toString(), "--to", "neware", "-o", out.toString());
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains(p + ":5:5: error: neware cannot set a stack pressure"), c.err());
        assertTrue(c.err().contains(p + ":6:5: error: neware needs the cell's nominal capacity"), c.err());
        assertTrue(c.err().contains(p + ":7:5: error: neware cannot measure impedance"), c.err());
        assertTrue(c.err().contains("3 problems: the protocol cannot be compiled for neware"), c.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAreUserErrors() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), PROTOCOL);
        Console target = Console.run("compile", p.toString(), "--to", "arbin", "-o", dir.resolve("x").toString());
        assertEquals(2, target.exitCode());
        assertTrue(target.err().contains("--to: unknown compile target 'arbin'; targets: neware, biologic"), target.err());
        Console param = Console.run("compile", p.toString(), "--to", "neware", "--param", "speed=1", "-o",
                dir.resolve("x").toString());
        assertEquals(2, param.exitCode());
        assertTrue(param.err().contains("speed"), param.err());
    }
}
