package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProjectFilesTest {

    @Test
    void theRootHoldsRunTestsAndTheParentPom() {
        assertTrue(Files.isExecutable(ProjectFiles.root().resolve("run-tests")));
        assertTrue(Files.isRegularFile(ProjectFiles.root().resolve("testing").resolve("pom.xml")));
    }

    @Test
    void settingsAreReadFromTheSharedFile() {
        // the browser rule the test command installs and checks by
        assertEquals("/usr/bin/chromium", ProjectFiles.setting("scripts/browser.env", "CHROMIUM"));
        AssertionError e = assertThrows(AssertionError.class, () -> ProjectFiles.setting("scripts/browser.env", "FIREFOX"));
        assertTrue(e.getMessage().endsWith("scripts/browser.env does not set FIREFOX"), e.getMessage());
    }
}
