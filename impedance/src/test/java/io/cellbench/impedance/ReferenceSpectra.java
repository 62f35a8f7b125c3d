package io.cellbench.impedance;

import io.cellbench.testing.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the public reference spectra (../shared/reference/impedance) the way their projects read them. */
public final class ReferenceSpectra {

    private ReferenceSpectra() {
    }

    /** impedance.py's data/exampleData.csv: f, Z', Z'' per line, no header. */
    public static MeasuredSpectrum exampleData() {
        return columns(ReferenceData.require("impedance/impedance_py/exampleData.csv"), ",", 0, 0, 1, 2);
    }

    /** A Scribner ZPlot file (Circuit3_EIS_1.z): rows after "End Comments", f in column 1, Z' 5, Z'' 6 (1-based). */
    public static MeasuredSpectrum zplot(String name) {
        Path file = ReferenceData.require("impedance/impedance_py/" + name);
        List<String> lines = read(file);
        int start = 0;
        while (!lines.get(start).startsWith("End Comments")) {
            start++;
        }
        return parse(lines.subList(start + 1, lines.size()), "\t", 0, 4, 5);
    }

    /** A pyDRTtools tutorial file: header ",Freq,Real,Imag", then index, f, Z', Z''. */
    public static MeasuredSpectrum pyDrtTools(String relative) {
        return columns(ReferenceData.require("impedance/pyDRTtools/" + relative), ",", 1, 1, 2, 3);
    }

    private static MeasuredSpectrum columns(Path file, String separator, int skip, int f, int re, int im) {
        List<String> lines = read(file);
        return parse(lines.subList(skip, lines.size()), separator, f, re, im);
    }

    private static MeasuredSpectrum parse(List<String> rows, String separator, int f, int re, int im) {
        List<double[]> values = new ArrayList<>();
        for (String row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.trim().split(separator);
            values.add(new double[] {Double.parseDouble(cells[f]), Double.parseDouble(cells[re]),
                    Double.parseDouble(cells[im])});
        }
        double[] fs = values.stream().mapToDouble(v -> v[0]).toArray();
        double[] res = values.stream().mapToDouble(v -> v[1]).toArray();
        double[] ims = values.stream().mapToDouble(v -> v[2]).toArray();
        return MeasuredSpectrum.of(fs, res, ims);
    }

    /** Only the points with Z'' &lt; 0, as impedance.py's {@code preprocessing.ignoreBelowX} keeps them. */
    public static MeasuredSpectrum capacitiveOnly(MeasuredSpectrum spectrum) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < spectrum.size(); i++) {
            if (spectrum.imag(i) < 0) {
                keep.add(i);
            }
        }
        return MeasuredSpectrum.of(keep.stream().mapToDouble(spectrum::frequencyHz).toArray(),
                keep.stream().mapToDouble(spectrum::real).toArray(), keep.stream().mapToDouble(spectrum::imag).toArray());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
