package io.cellbench.importers;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cellbench.testing.ReferenceData;
import io.cellbench.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference files damaged at random (bytes overwritten, the file cut short): a reader either reads
 * them or refuses them with an {@link ImportException}; it never ends in another exception (an
 * index out of bounds, a buffer underflow, an array of a negative size) and never hangs. The seed
 * is printed; {@code -Dcellbench.seed=N} replays a run.
 */
class DamagedFilesTest {

    private static final int MUTANTS = 60;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"neware/fastnda/21_10_7_85.ndax", "neware/fastnda/scrubbed_ndc2.ndax",
            "neware/fastnda/nda_v8.nda.zip", "neware/NewareNDA/nda/neware_reader/new_nda_file.nda",
            "neware/NewareNDA/nda/github/Issue72/TestFile.nda", "biologic/yadg/cp.mpr", "biologic/yadg/peis.mpr",
            "arbin/battery-data-format/mits7-0.res.gz", "maccor/beep/maccor_test_file_4267-66-6519.041",
            "maccor/beep/maccor_test_file_4267-66-6519.EDA0001.041", "bdf/tests/sample.bdf.csv"})
    void damagedFilesAreReadOrRefusedNeverCrash(String reference) throws Exception {
        Path original = ReferenceData.require(reference);
        long seed = Seeds.seed("DamagedFilesTest " + reference);
        Random random = new Random(seed);
        byte[] bytes = Files.readAllBytes(original);
        String name = original.getFileName().toString();
        for (int m = 0; m < MUTANTS; m++) {
            byte[] damaged = damage(bytes, random);
            Path file = Files.write(tmp.resolve(m + "-" + name), damaged);
            String what = reference + " mutant " + m + " (" + Seeds.replay(seed) + ")";
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    Importers.forFile(file).read(file, new CollectingSink());
                } catch (ImportException expected) {
                    if (!expected.getMessage().startsWith(file.toString())) {
                        throw new AssertionError(what + ": the message does not start with the file: "
                                + expected.getMessage());
                    }
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw new AssertionError(what + " ended in " + e, e);
                }
            }, what + " hung");
        }
    }

    /**
     * The same inside an .ndax: members damaged and zipped again with a valid checksum, so that our
     * page and row parsing meets the damage rather than the ZIP's CRC check.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"neware/fastnda/21_10_7_85.ndax", "neware/fastnda/scrubbed_ndc2.ndax",
            "neware/NewareNDA/nda/github/Issue27_2/ZZZZZZZZTEST.ndax",
            "neware/NewareNDA/nda/github/PR28/TESTCELL0001-Test_Data_Collection_Ndc17.ndax"})
    void damagedNdaxMembersAreReadOrRefused(String reference) throws Exception {
        Path original = ReferenceData.require(reference);
        long seed = Seeds.seed("DamagedFilesTest members of " + reference);
        Random random = new Random(seed);
        java.util.List<String> members;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(original.toFile())) {
            members = zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".ndc")).toList();
        }
        for (int m = 0; m < MUTANTS; m++) {
            String member = members.get(random.nextInt(members.size()));
            Path file = ZipEdit.copy(original, tmp.resolve(m + "-" + original.getFileName()), member,
                    b -> damage(b, random));
            String what = reference + " mutant " + m + " of " + member + " (" + Seeds.replay(seed) + ")";
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    new io.cellbench.importers.neware.NdaxReader().read(file, new CollectingSink());
                } catch (ImportException expected) {
                    // refused, by name
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw new AssertionError(what + " ended in " + e, e);
                }
            }, what + " hung");
        }
    }

    /** Overwrites a few bytes, or cuts the file, or both. */
    private static byte[] damage(byte[] bytes, Random random) {
        byte[] damaged = bytes.clone();
        int kind = random.nextInt(3);
        if (kind != 1) {
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
        }
        if (kind != 0) {
            damaged = Arrays.copyOf(damaged, 1 + random.nextInt(damaged.length - 1));
        }
        return damaged;
    }
}
