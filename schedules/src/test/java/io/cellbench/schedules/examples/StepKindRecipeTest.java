package io.cellbench.schedules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellbench.protocols.model.Step;
import io.cellbench.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recipe "a step kind" of docs/architecture.md lists the main source files that hold an
 * exhaustive switch over the sealed {@link Step} (a case for every permitted kind): the files a
 * new kind makes the compiler ask about. This test finds those files in every module's main
 * sources and holds the recipe's list to them, so the recipe stays exact as the code moves.
 */
class StepKindRecipeTest {
    private static final Pattern LISTED = Pattern.compile("`([a-z-]+/src/main/java/[^`]+\\.java)`");

    @Test
    void theRecipeListsExactlyTheFilesWithAnExhaustiveSwitchOverStep() throws IOException {
        Path root = ProjectFiles.root();
        assertNotNull(root, "the project root (run-tests and pom.xml) above " + Path.of("").toAbsolutePath());
        List<String> kinds = Arrays.stream(Step.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
        Set<String> switching = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String text = Files.readString(f);
                        if (kinds.stream().allMatch(k -> Pattern.compile("case Step\\." + k + "\\b").matcher(text).find())) {
                            switching.add(root.relativize(f).toString().replace('\\', '/'));
                        }
                    }
                }
            }
        }
        String doc = Files.readString(root.resolve("docs/architecture.md"));
        int from = doc.indexOf("### a step kind");
        int to = doc.indexOf("\n### ", from + 1);
        String recipe = doc.substring(from, to < 0 ? doc.length() : to);
        Set<String> listed = new TreeSet<>();
        Matcher m = LISTED.matcher(recipe);
        while (m.find()) {
            listed.add(m.group(1));
        }
        listed.remove("protocols/src/main/java/io/cellbench/protocols/model/Step.java"); // where the kind is declared
        assertEquals(switching, listed, "docs/architecture.md, \"a step kind\": the files with an exhaustive switch"
                + " over Step (kinds " + kinds + ")");
    }
}
