package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {

    @Test
    void equalTextsPass() {
        Golden.assertMatches("g.json", "a\nb\n", "a\nb\n");
    }

    @Test
    void aChangeIsShownAsAUnifiedDiffWithThreeLinesOfContext() {
        String golden = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String now = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n11\n";
        assertEquals("""
                --- g.json (golden)
                +++ g.json (now)
                @@ -3,8 +3,9 @@
                 3
                 4
                 5
                -6
                +six
                 7
                 8
                 9
                 10
                +11
                """, Golden.diff("g.json", golden, now));
        AssertionError e = assertThrows(AssertionError.class, () -> Golden.assertMatches("g.json", golden, now));
        assertTrue(e.getMessage().startsWith("g.json differs from what the code gives now (diff on the console):\n"
                + "--- g.json (golden)\n"), e.getMessage());
    }

    @Test
    void farApartChangesAreTwoHunks() {
        StringBuilder golden = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            golden.append(i).append('\n');
        }
        String now = golden.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");
        String diff = Golden.diff("g", golden.toString(), now);
        assertTrue(diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"), diff);
        assertTrue(diff.contains("@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n"), diff);
    }

    @Test
    void aGoldenFileOfFiguresFailsWithHowToRewriteItAndIsRewrittenOnlyOnRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prints.txt");
        Files.writeString(file, "a 1\nb 2\n");
        Golden.checkFile(file, "prints.txt", "a 1\nb 2\n", false);

        AssertionError e = assertThrows(AssertionError.class,
                () -> Golden.checkFile(file, "prints.txt", "a 1\nb 3\n", false));
        assertTrue(e.getMessage().startsWith("prints.txt differs from what the code gives now (diff on the console);"
                + " if the change is meant, rewrite it with -Dcellbench.golden=write"), e.getMessage());
        assertEquals("a 1\nb 2\n", Files.readString(file), "comparing never writes");

        Golden.checkFile(file, "prints.txt", "a 1\nb 3\n", true);
        assertEquals("a 1\nb 3\n", Files.readString(file));

        Path missing = dir.resolve("sub/new.txt");
        assertThrows(AssertionError.class, () -> Golden.checkFile(missing, "new.txt", "x\n", false));
        Golden.checkFile(missing, "new.txt", "x\n", true);
        assertEquals("x\n", Files.readString(missing));
    }
}
