package io.cellbench.protocols;

import static io.cellbench.protocols.ProtocolLoaderTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every independent problem in a file is reported at once, as a compiler does, up to a cap;
 * and the messages that used to confuse (issue 11 item 14) say what is wrong and what to do.
 */
class ProtocolProblemsTest {

    static List<String> where(ProtocolException e) {
        return e.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
    }

    @Test
    void everyIndependentProblemIsReportedInFileOrder() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse("""
                name: many mistakes
                stpes: 3
                limits:
                  voltage: [1.9 V, 3.8 V]
                  current: [-10 mA, 10 A A]
                logging:
                  period: 0 s
                steps:
                  - Rest for 1 hour
                  - Dischrge at C/10 until 1.9 V
                  - Charge at C/10 until 4.3 V
                  - Repeat 2 times:
                      - Rest until 3 V
                      - Charge at 1 A
                """));
        assertEquals(List.of("2:1", "5:26", "7:11", "10:5", "11:26", "13:20", "14:9"), where(e), e::getMessage);
        assertEquals(7, e.count());
        // the exception describes its first problem; the message lists them all, then counts them
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("p.yaml:2:1: error: unknown top-level key 'stpes'"), e::getMessage);
        for (ProtocolException p : e.problems()) {
            assertTrue(e.getMessage().contains(p.getMessage()), p::getMessage);
        }
        assertTrue(e.getMessage().endsWith("\n7 problems in p.yaml"), e::getMessage);
        assertNull(e.getCause());
    }

    @Test
    void aSingleProblemReadsAsBefore() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse("steps:\n  - Rest for 1 hr until 3 V\n"));
        assertEquals(1, e.count());
        assertEquals(List.of(e), e.problems());
        assertFalse(e.getMessage().contains("problems in"), e::getMessage);
    }

    @Test
    void problemsThatFollowFromAnotherAreNotReported() {
        // a wrong voltage limit leaves the window unknown: no "needs a voltage window" on every step
        ProtocolException limit = assertThrows(ProtocolException.class, () -> parse(
                "limits:\n  voltage: [1.9 V, 3.8 A]\nsteps:\n  - Charge at 1 mA until 3.7 V\n  - Discharge at 1 mA until 2 V\n"));
        assertEquals(List.of("2:20"), where(limit), limit::getMessage);
        // a parameter declared without a value: its placeholders are not "unknown parameter" too
        ProtocolException parameter = assertThrows(ProtocolException.class, () -> parse(
                "parameters:\n  pressure:\nsteps:\n  - Set pressure to {pressure}\n  - Rest for 1 hour or so\n"));
        assertEquals(List.of("2:3", "5:24"), where(parameter), parameter::getMessage);
        // a repeat with a wrong count: the steps inside it are still checked
        ProtocolException repeat = assertThrows(ProtocolException.class, () -> parse(
                "steps:\n  - Repeat two times:\n      - Rest for 1 hour\n      - Rest 1 hour\n"));
        assertEquals(List.of("2:12", "4:14"), where(repeat), repeat::getMessage);
    }

    @Test
    void atMostTwentyAreShownAndTheRestCounted() {
        StringBuilder yaml = new StringBuilder("steps:\n");
        for (int i = 0; i < 250; i++) {
            yaml.append("  - Rest for ").append(i).append(" parsecs\n");
        }
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(yaml.toString()));
        assertEquals(250, e.count());
        assertEquals(Problems.KEPT, e.problems().size());
        assertEquals(ProtocolException.SHOWN, e.getMessage().split("\n(?=p\\.yaml:)").length, e::getMessage);
        assertTrue(e.getMessage().endsWith("\n250 problems in p.yaml (230 more not shown: fix these and check again)"),
                e::getMessage);
    }

    @Test
    void anEmptyListOfStepsSaysSo() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse("steps: []\n"));
        assertEquals("the list of steps is empty", e.problem());
        assertFalse(e.getMessage().contains("not a list"), e::getMessage);
        ProtocolException repeat = assertThrows(ProtocolException.class,
                () -> parse("steps:\n  - Repeat 3 times: []\n"));
        assertEquals("'Repeat 3 times' has no steps to repeat", repeat.problem());
    }

    @Test
    void aFileThatIsNotTextSaysWhereAndWhat(@TempDir Path dir) throws IOException {
        Path garbage = dir.resolve("garbage.yaml");
        Files.write(garbage, new byte[]{'s', 't', 'e', 'p', 's', ':', '\n', ' ', (byte) 0xEA, 0x01, (byte) 0xFF, 0x00});
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolLoader.load(garbage));
        assertEquals(garbage + ": error: not a text file: byte 0xEA is not UTF-8 text at line 2, column 2", e.getMessage()
                .lines().findFirst().orElseThrow());
        assertTrue(e.hint().contains("UTF-8"), e::getMessage);
        assertFalse(e.getMessage().contains("Input length"), e::getMessage);
        // the same through the reader of schedules and lab files
        ProtocolException viaDocument = assertThrows(ProtocolException.class, () -> YamlDocument.read(garbage));
        assertEquals(e.getMessage(), viaDocument.getMessage());

        Path nul = dir.resolve("nul.yaml");
        Files.write(nul, "steps:\n  - Rest\0 for 1 h\n".getBytes(StandardCharsets.UTF_8));
        ProtocolException binary = assertThrows(ProtocolException.class, () -> ProtocolLoader.load(nul));
        assertTrue(binary.problem().contains("binary data (a NUL byte) at line 2, column 9"), binary::getMessage);
    }

    @Test
    void aFileTooLargeToBeWrittenByHandSaysItsSize(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "steps:\n" + "  - Rest for 1 hour\n".repeat(260_000));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ProtocolLoader.load(big));
        assertEquals("the file is 5.2 MB; cellbench reads YAML files of up to 2 MB", e.problem());
        assertFalse(e.getMessage().contains("indentation"), e::getMessage);
        assertTrue(e.hint().contains("Repeat N times"), e::getMessage);
        ProtocolException text = assertThrows(ProtocolException.class,
                () -> ProtocolLoader.parse(Files.readString(big), "big.yaml"));
        assertEquals(e.problem(), text.problem());
    }

    @Test
    void aFolderOrAMissingFileSaysWhatToDo(@TempDir Path dir) {
        ProtocolException folder = assertThrows(ProtocolException.class, () -> ProtocolLoader.load(dir));
        assertEquals("is a folder, not a file", folder.problem());
        ProtocolException missing = assertThrows(ProtocolException.class, () -> YamlDocument.read(dir.resolve("n.yaml")));
        assertEquals("no such file", missing.problem());
        assertTrue(missing.hint().startsWith("check the path (relative paths start from "), missing::getMessage);
    }
}
