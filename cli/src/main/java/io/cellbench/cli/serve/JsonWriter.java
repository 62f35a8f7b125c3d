package io.cellbench.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cellbench.cli.format.JsonText;
import io.cellbench.core.data.SampleField;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The API's JSON (docs/live-page.md), through {@link JsonText#forWeb}: NaN becomes null as JSON
 * requires; a cell's voltage, current and test time are keyed by their sample column names.
 */
final class JsonWriter {
    private static final String VOLTAGE = SampleField.VOLTAGE.columnName();
    private static final String CURRENT = SampleField.CURRENT.columnName();
    private static final String TEST_TIME = SampleField.TEST_TIME.columnName();

    private JsonWriter() {
    }

    /** What one answer writes into its generator. */
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String cells(String runId, boolean live, List<CellView> cells) {
        return text(g -> {
            g.writeStartObject();
            g.writeStringField("run_id", runId);
            g.writeBooleanField("live", live);
            g.writeArrayFieldStart("cells");
            for (CellView c : cells) {
                g.writeStartObject();
                g.writeStringField("id", orEmpty(c.id()));
                g.writeStringField("state", orEmpty(c.state()));
                g.writeStringField("step", orEmpty(c.step()));
                g.writeNumberField("cycle", c.cycle());
                number(g, VOLTAGE, c.voltageVolt());
                number(g, CURRENT, c.currentAmpere());
                number(g, TEST_TIME, c.testTimeSecond());
                number(g, "progress", c.progress());
                g.writeStringField("outcome", c.outcome());
                g.writeStringField("last_event", orEmpty(c.lastEvent()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String series(Series s) {
        return text(g -> {
            g.writeStartObject();
            g.writeStringField("cell_id", orEmpty(s.cellId()));
            g.writeNumberField("total", s.total());
            g.writeArrayFieldStart(TEST_TIME);
            for (double t : s.testTimeSecond()) {
                JsonText.number(g, t, Double::toString);
            }
            g.writeEndArray();
            floats(g, VOLTAGE, s.voltageVolt());
            floats(g, CURRENT, s.currentAmpere());
            g.writeEndObject();
        });
    }

    /** The body of a refusal: {"error": message}. */
    static String error(String message) {
        return text(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        JsonText.number(g, v, Double::toString);
    }

    private static void floats(JsonGenerator g, String name, float[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (float v : values) {
            if (Float.isFinite(v)) {
                g.writeNumber(Float.toString(v));
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String text(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonText.forWeb(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
