package io.cellbench.compile.biologic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.ProtocolCompiler;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.testing.ReferenceData;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Modulo Bat settings compiled by cellbench against the settings EC-Lab itself printed at the
 * top of its text export of a Modulo Bat run (reference/biologic/yadg/mb.issue_95.mpt).
 */
class ModuloBatFileTest {
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final CompileOptions OPTIONS = new CompileOptions(0.002, LocalDateTime.of(2026, 1, 2, 3, 4, 5),
            UUID.fromString("00000000-0000-0000-0000-000000000001"));

    static final String CYCLING = """
            name: cycling, 2 mAh
            limits:
              voltage: [1.85 V, 3.75 V]
              current: [-2 mA, 2 mA]
            logging:
              period: 30 s
              voltage_change: 5 mV
              current_change: 10 uA
            steps:
              - Rest for 1 hour
              - Repeat 3 times:
                  - Charge at C/10 until 3.7 V then hold until C/50
                  - Rest for 10 minutes
                  - Discharge at C/10 until 1.9 V
              - EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade
              - Discharge at 5 uA for 1 hour
            """;

    static Compiled compile(String protocol) {
        return ProtocolCompiler.compile(ProtocolLoader.parse(protocol, "p.yaml"), CompileTarget.BIOLOGIC, OPTIONS);
    }

    /** The settings block of EC-Lab's export: row name → values, in order. */
    static Map<String, List<String>> table(List<String> lines, String firstRow, String lastRow) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String line : lines) {
            in |= line.startsWith(firstRow);
            if (in) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < line.length(); i += ModuloBatFile.COLUMN) {
                    cells.add(line.substring(i, Math.min(line.length(), i + ModuloBatFile.COLUMN)).strip());
                }
                rows.put(cells.removeFirst(), cells);
            }
            if (line.startsWith(lastRow)) {
                break;
            }
        }
        return rows;
    }

    @Test
    void everyRowEcLabPrintsIsThereInItsOrderInItsColumns() throws Exception {
        List<String> ecLab = Files.readAllLines(ReferenceData.require("biologic/yadg/mb.issue_95.mpt"),
                Charset.forName("ISO-8859-1"));
        Map<String, List<String>> theirs = table(ecLab, "Ns ", "Bandwidth");
        assertTrue(theirs.size() > 40, "rows in EC-Lab's export: " + theirs.keySet());
        Compiled c = compile(CYCLING);
        List<String> ours = List.of(c.text().split("\n"));
        Map<String, List<String>> mine = table(ours, "Ns ", "Bandwidth");
        List<String> order = new ArrayList<>(mine.keySet());
        order.retainAll(theirs.keySet());
        assertEquals(new ArrayList<>(theirs.keySet()), order, "EC-Lab's rows, in EC-Lab's order");
        for (String line : ours.subList(ours.indexOf("Modulo Bat") + 1, ours.size())) {
            assertEquals(0, line.length() % ModuloBatFile.COLUMN, "20-character columns: '" + line + "'");
        }
        // a fresh sequence's values are EC-Lab's (rows no sequence of ours sets)
        for (String row : List.of("ctrl_trigger", "ctrl_TO_t", "ctrl_TO_t_unit", "I Range min", "Bandwidth",
                "lim1_action", "N")) {
            assertEquals(theirs.get(row).getFirst(), mine.get(row).getFirst(), row);
        }
        assertEquals(List.of("Rest", "CC", "CV", "Rest", "CC", "Loop", "PEIS", "CC"), mine.get("ctrl_type"));
        assertEquals("1", mine.get("ctrl_seq").get(5), "the loop goes back to the charge");
        assertEquals("2", mine.get("ctrl_repeat").get(5), "three passes: two more after the first");
        assertEquals(List.of("200.000", "uA"), List.of(mine.get("ctrl1_val").get(1), mine.get("ctrl1_val_unit").get(1)));
        assertEquals("-200.000", mine.get("ctrl1_val").get(4), "a discharge current is negative");
        assertEquals(List.of("Ewe", ">", "3.700", "V"), List.of(mine.get("lim1_type").get(1),
                mine.get("lim1_comp").get(1), mine.get("lim1_value").get(1), mine.get("lim1_value_unit").get(1)));
        assertEquals(List.of("|I|", "<", "0.040", "mA"), List.of(mine.get("lim1_type").get(2),
                mine.get("lim1_comp").get(2), mine.get("lim1_value").get(2), mine.get("lim1_value_unit").get(2)));
        assertEquals(List.of("10.000", "mV", "1000.000", "kHz", "100.000", "mHz"), List.of(mine.get("ctrl1_val").get(6),
                mine.get("ctrl1_val_unit").get(6), mine.get("ctrl2_val").get(6), mine.get("ctrl2_val_unit").get(6),
                mine.get("ctrl3_val").get(6), mine.get("ctrl3_val_unit").get(6)), "PEIS amplitude and frequencies");
        assertEquals("10", mine.get("ctrl_Nd").get(6));
    }

    @Test
    void theHeaderHasEcLabsSafetyLinesAndMicroSurvivesInCp1252() throws Exception {
        List<String> ecLab = Files.readAllLines(ReferenceData.require("biologic/yadg/mb.issue_95.mpt"),
                Charset.forName("ISO-8859-1"));
        int at = ecLab.indexOf("Safety Limits :");
        assertEquals(List.of("\tEwe min = 1.40 V", "\tEwe max = 2.90 V", "\tfor t > 10 ms", "\tDo not start on E overload"),
                ecLab.subList(at + 1, at + 5), "EC-Lab's own lines, the shapes ours follow");
        Compiled c = compile(CYCLING);
        List<String> ours = List.of(c.text().split("\n"));
        assertEquals("EC-LAB SETTING FILE", ours.getFirst());
        int s = ours.indexOf("Safety Limits :");
        assertEquals(List.of("\tEwe min = 1.850 V", "\tEwe max = 3.750 V", "\t|I| = 2.000 mA", "\tfor t > 10 ms",
                "\tDo not start on E overload"), ours.subList(s + 1, s + 6));
        for (String shared : List.of("CE vs. WE compliance from -10 V to 10 V", "Electrode connection : standard",
                "Potential control : Ewe", "Ewe ctrl range : min = 0.00 V, max = 5.00 V",
                "Cycle Definition : Charge/Discharge alternance", "Modulo Bat")) {
            assertTrue(ecLab.contains(shared) && ours.contains(shared), shared);
        }
        // 5 µA sits in the 10 µA range: cp1252 writes µ as one byte, 0xB5
        byte[] bytes = c.content();
        String range = "10 \u00b5A";
        assertTrue(new String(bytes, CP1252).contains(range), "the 10 µA range");
        assertTrue(indexOf(bytes, new byte[] {'1', '0', ' ', (byte) 0xB5, 'A'}) >= 0, "µ as cp1252's 0xB5");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
