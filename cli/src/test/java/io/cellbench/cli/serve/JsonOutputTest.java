package io.cellbench.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.cli.format.OutputColumn;
import io.cellbench.cli.format.OutputFormat;
import io.cellbench.cli.format.TablePrinter;
import io.cellbench.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact bytes of cellbench's JSON (and, beside it, CSV) for text and numbers that are easy
 * to get wrong: quotes, backslashes, control characters, {@code <}, characters beyond ASCII,
 * NaN and infinities (null), integral doubles (printed as integers), large and small doubles.
 * Covers {@code data --format json|csv} (TablePrinter), the live page's API (cells and series)
 * and its refusal of an unknown cell, so that moving them onto one JSON library (issue 12)
 * changes no byte. The golden file is {@value #GOLDEN} (docs/testing.md says how to rewrite it).
 */
class JsonOutputTest {
    static final String GOLDEN = "cli/src/test/resources/io/cellbench/cli/serve/json-output.txt";

    /** Text that JSON and CSV writers must escape or keep as it is. */
    static final List<String> TEXTS = List.of("plain", "a \"quoted\" word", "back\\slash", "tab\there",
            "new\nline", "carriage\rreturn", "bell\u0007 backspace\b formfeed\f unit\u001f", "<script>&'",
            "Zürich µΩ 电池 \uD83D\uDD0B", "line\u2028separator", "comma, here", "");

    /** Numbers that JSON and CSV writers print differently from Java's toString, or not at all. */
    static final List<Double> NUMBERS = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.0,
            -0.0, 0.1, -2.5e-7, 1e15 - 1, 1e15, 1e16, 1.7965691680839665E9, 123456789012.5, Double.MAX_VALUE,
            Double.MIN_VALUE);

    record Row(String text, Double number, Object other) {
    }

    @Test
    void dataJsonAndCsvAndTheLivePageApiAreThoseOfBefore(@TempDir Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Object> others = Arrays.asList(7, -12L, Long.MAX_VALUE, true, null, 2.5f, 'c');
        for (int i = 0; i < Math.max(TEXTS.size(), NUMBERS.size()); i++) {
            rows.add(new Row(TEXTS.get(i % TEXTS.size()), NUMBERS.get(i % NUMBERS.size()),
                    others.get(i % others.size())));
        }
        List<OutputColumn<Row>> columns = List.of(OutputColumn.of("text", "text", 0, Row::text),
                OutputColumn.of("number \"n\"", "number", 3, Row::number), OutputColumn.of("other", "other", 1, Row::other));
        for (OutputFormat format : List.of(OutputFormat.JSON, OutputFormat.CSV)) {
            out.add("== data --format " + format.name().toLowerCase(java.util.Locale.ROOT));
            out.add(print(columns, rows, format));
            out.add("== data --format " + format.name().toLowerCase(java.util.Locale.ROOT) + ", no rows");
            out.add(print(columns, List.of(), format));
        }

        List<CellView> cells = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            double n = NUMBERS.get(i % NUMBERS.size());
            cells.add(new CellView(TEXTS.get(i), TEXTS.get((i + 1) % TEXTS.size()), TEXTS.get((i + 2) % TEXTS.size()),
                    i, n, -n, NUMBERS.get((i + 3) % NUMBERS.size()), NUMBERS.get((i + 4) % NUMBERS.size()),
                    i % 3 == 0 ? null : TEXTS.get((i + 5) % TEXTS.size()), TEXTS.get((i + 6) % TEXTS.size())));
        }
        out.add("== GET /api/cells");
        out.add(JsonWriter.cells("run \"<1>\"\n", true, cells));
        out.add(JsonWriter.cells("", false, List.of()));
        double[] times = NUMBERS.stream().mapToDouble(Double::doubleValue).toArray();
        float[] volts = new float[times.length];
        float[] amperes = new float[times.length];
        for (int i = 0; i < times.length; i++) {
            volts[i] = (float) times[i];
            amperes[i] = (float) (times[i] / 3);
        }
        out.add("== GET /api/cells/{id}/series");
        out.add(JsonWriter.series(new Series("cell \"x\" <y>\u0001", times, volts, amperes, 99)));
        out.add(JsonWriter.series(new Series("empty", new double[0], new float[0], new float[0], 0)));

        out.add("== GET /api/cells/{id}/series of a cell the run does not have");
        try (RunDirectorySource source = new RunDirectorySource(dir)) {
            LiveServer server = LiveServer.start(source, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    null);
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api/cells/%3Cb%22%5Cc%01%C3%BC%0A/series")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(404, answer.statusCode(), answer.body());
                out.add(answer.body());
            } finally {
                server.close();
            }
        }
        Golden.assertMatchesFile(GOLDEN, String.join("\n", out) + "\n");
    }

    private static String print(List<OutputColumn<Row>> columns, List<Row> rows, OutputFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new TablePrinter<>(columns).print(rows.iterator(), format, ps);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
