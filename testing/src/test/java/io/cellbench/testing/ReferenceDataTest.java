package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    @Test
    void findsTheSharedReferenceReadme() throws Exception {
        Path readme = ReferenceData.require("README.md");
        assertTrue(Files.readString(readme).startsWith("# shared/reference"),
                "the reference root's README should open with its title: " + readme);
    }

    @Test
    void palmSensFolderIsWhereItsReadmeSays() {
        Path folder = ReferenceData.require("palmsens");
        assertEquals("palmsens", folder.getFileName().toString());
        assertTrue(Files.isDirectory(folder));
    }
}
