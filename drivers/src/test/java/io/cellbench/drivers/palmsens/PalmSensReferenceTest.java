package io.cellbench.drivers.palmsens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.testing.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reply transcripts PalmSens documents (shared/reference/palmsens: MethodSCRIPT_Examples at
 * tag MethodSCRIPT_v1.8), read from the documents at test time and decoded by the driver's
 * reply reader ({@link ReplyScopes}, {@link DataPackage}); where the documents give decoded
 * values, they are asserted.
 */
class PalmSensReferenceTest {

    /**
     * The listing that follows the first line containing {@code marker}: the lines between the
     * next pair of AsciiDoc "----" delimiters, with the literal "\n" PalmSens writes at their
     * ends taken off.
     */
    static List<String> listingAfter(Path adoc, String marker) throws IOException {
        List<String> lines = Files.readAllLines(adoc, StandardCharsets.UTF_8);
        int at = 0;
        while (!lines.get(at).contains(marker)) {
            at++;
        }
        while (!lines.get(at).equals("----")) {
            at++;
        }
        List<String> out = new ArrayList<>();
        for (at++; !lines.get(at).equals("----"); at++) {
            String line = lines.get(at);
            out.add(line.endsWith("\\n") ? line.substring(0, line.length() - 2) : line);
        }
        return out;
    }

    /** A reply read as the driver reads it: echo, loops, packages and the end of the script. */
    record Reply(boolean echoed, int loops, List<DataPackage> packages, boolean ended) {
    }

    static Reply read(List<String> transcript) {
        ReplyScopes scopes = new ReplyScopes();
        List<DataPackage> packages = new ArrayList<>();
        boolean echoed = false;
        boolean ended = false;
        for (String line : transcript) {
            assertTrue(!ended, "nothing after the end of the script: " + line);
            if (!echoed) {
                assertTrue(line.startsWith("e"), "the echo first: " + line);
                echoed = true;
                line = line.substring(1); // the Python README's "eM0000"
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                ended = true;
            } else if (ReplyScopes.isStart(line)) {
                scopes.start(line);
            } else if (ReplyScopes.isEnd(line)) {
                assertNull(scopes.end(line), line);
            } else {
                assertTrue(DataPackage.isPackage(line) && scopes.inMeasurementLoop(), line);
                packages.add(DataPackage.parse(line));
            }
        }
        assertTrue(scopes.allClosed(), "every loop ended");
        return new Reply(echoed, scopes.measurementLoops(), packages, ended);
    }

    private static void assertLsvOnTenKiloOhm(Reply reply) {
        assertTrue(reply.echoed() && reply.ended());
        assertEquals(1, reply.loops());
        assertEquals(4, reply.packages().size());
        // first package Pda7F85F3Fu;ba48D503Dp,10,288: 0x7F85F3F − 2^27 = −499905 µV
        DataPackage first = reply.packages().get(0);
        assertEquals(-0.499905, first.field("da").orElseThrow().value(), 1e-12);
        assertEquals(-57847747e-12, first.field("ba").orElseThrow().value(), 1e-20);
        double lastVolt = Double.NEGATIVE_INFINITY;
        for (DataPackage p : reply.packages()) {
            DataPackage.Field current = p.field("ba").orElseThrow();
            // "10,288": status 0 (OK), current range 0x88 — "1 mA. The first bit 8 implies that it is high-speed mode"
            assertEquals("OK", current.statusText());
            assertEquals(0x88, current.range());
            assertEquals("1 mA (high speed)", DeviceType.EMSTAT_PICO.currentRange(current.range()));
            // a sweep from −0.5 V to +0.5 V (E rises) through the 10 kΩ dummy cell: E / i within 15 % of 10 kΩ
            double e = p.field("da").orElseThrow().value();
            assertTrue(e > lastVolt, "E rises: " + e);
            lastVolt = e;
            assertEquals(10e3, e / current.value(), 1.5e3, "E / i of " + p);
        }
    }

    @Test
    void theCReadmesLsvTranscriptOnADummyCell() throws IOException {
        List<String> transcript = listingAfter(ReferenceData.require("palmsens/Example_C-README.adoc"),
                "Linear Sweep Voltammetry (LSV) measurement on a dummy cell");
        assertEquals(List.of("e", "M0000"), transcript.subList(0, 2), "e and M0000 on lines of their own");
        assertEquals(List.of("*", ""), transcript.subList(6, 8));
        assertLsvOnTenKiloOhm(read(transcript));
    }

    @Test
    void thePythonReadmesLsvTranscriptWithTheEchoAndTheLoopStartOnOneLine() throws IOException {
        List<String> transcript = listingAfter(ReferenceData.require("palmsens/Example_Python-README.adoc"),
                "Linear Sweep Voltammetry (LSV) measurement on a dummy cell");
        assertEquals("eM0000", transcript.get(0));
        assertLsvOnTenKiloOhm(read(transcript));
    }

    @Test
    void thePythonReadmesSinglePackageDecodesAsItSays() throws IOException {
        // Example_Python/README.adoc, "Example 1: Console Example": Pda84E63DAn;ba82AB973f,14,284 →
        // "Applied potential = 0.005137 V, WE current = 2.8e-09 A, STATUS: UNDERLOAD, CR: 25 uA (High speed)"
        List<String> listing = listingAfter(ReferenceData.require("palmsens/Example_Python-README.adoc"),
                "Here's a sample measurement data package");
        assertEquals(List.of("Pda84E63DAn;ba82AB973f,14,284"), listing);
        DataPackage p = DataPackage.parse(listing.get(0));
        assertEquals(0.005137, p.field("da").orElseThrow().value(), 0.5e-6);
        DataPackage.Field current = p.field("ba").orElseThrow();
        assertEquals(2.8e-9, current.value(), 0.05e-9);
        assertEquals("UNDERLOAD", current.statusText());
        assertEquals("25 uA (high speed)", DeviceType.EMSTAT_PICO.currentRange(current.range()));
    }

    @Test
    void theCReadmesSamplePackagesDecodeAsItSays() throws IOException {
        Path c = ReferenceData.require("palmsens/Example_C-README.adoc");
        // "Sample output", EIS on a 10 kΩ dummy cell: Frequency 100.0 Hz, Zreal 9885.956 Ω, Zimag 2.995 Ω,
        // Status OK, CR 200uA (High speed)
        List<String> eis = listingAfter(c, "from an EIS measurement on a dummy cell");
        DataPackage p = DataPackage.parse(eis.get(0));
        assertEquals(100.0, p.field("dc").orElseThrow().value(), 0.05);
        assertEquals(9885.956, p.field("cc").orElseThrow().value(), 0.5e-3);
        assertEquals(2.995, p.field("cd").orElseThrow().value(), 0.5e-3);
        assertEquals("OK", p.field("cc").orElseThrow().statusText());
        assertEquals("200 uA (high speed)", DeviceType.EMSTAT_PICO.currentRange(p.field("cc").orElseThrow().range()));
        // "Sample output", LSV: E = −4.999E−01 V, CR 1mA (High speed). The README prints the same number for i,
        // a slip: 0x4BA99F0 − 2^27 = −54 879 760 pA, −0.5 V across 10 kΩ within the dummy cell's tolerance.
        List<String> lsv = listingAfter(c, "from a LSV measurement on a dummy cell");
        DataPackage q = DataPackage.parse(lsv.get(0));
        assertEquals(-0.4999, q.field("da").orElseThrow().value(), 0.5e-4);
        assertEquals(-54879760e-12, q.field("ba").orElseThrow().value(), 1e-20);
        assertEquals("1 mA (high speed)", DeviceType.EMSTAT_PICO.currentRange(q.field("ba").orElseThrow().range()));
    }
}
