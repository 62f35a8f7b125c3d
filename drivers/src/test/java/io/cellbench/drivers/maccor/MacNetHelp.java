package io.cellbench.drivers.maccor;

import io.cellbench.testing.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Maccor's MacNet help (shared/reference/maccor/pymacnet/macnet_from_maccor_help.pdf, printed
 * from MacTest32's help on 2022-05-18), read at test time: its JSON request and reply examples,
 * taken from the text as printed (page headers and footers removed), so that transcript tests
 * use the vendor's own bytes.
 */
final class MacNetHelp {

    private static List<String> lines;

    private MacNetHelp() {
    }

    /** The help's text, one entry per line, without the browser's page headers and footers. */
    static synchronized List<String> lines() {
        if (lines == null) {
            try (PDDocument pdf = Loader.loadPDF(ReferenceData.require("maccor/pymacnet/macnet_from_maccor_help.pdf")
                    .toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                List<String> out = new ArrayList<>();
                for (String line : stripper.getText(pdf).split("\\R")) {
                    String t = line.strip();
                    if (t.startsWith("file:///") || t.startsWith("Remote Control - MacNet - LabView")) {
                        continue;
                    }
                    out.add(t);
                }
                lines = List.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /**
     * The JSON example after the first {@code label} line ("Transmit message", "Reply message")
     * in the JSON part of the section whose heading starts with {@code section} ("(6, 7) Start
     * direct mode"): the lines from its first "{" until its braces balance.
     */
    static String example(String section, String label) {
        List<String> all = lines();
        int at = 0;
        while (!all.get(at).startsWith(section)) {
            at++;
        }
        at++;
        while (!all.get(at).equals("JSON")) { // the section's JSON part, after its binary layout
            at++;
        }
        while (!all.get(at).startsWith(label)) {
            at++;
        }
        while (!all.get(at).startsWith("{")) {
            at++;
        }
        StringBuilder json = new StringBuilder();
        int depth = 0;
        do {
            String line = all.get(at++);
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            json.append(line).append("\r\n");
        } while (depth > 0);
        return json.toString();
    }
}
