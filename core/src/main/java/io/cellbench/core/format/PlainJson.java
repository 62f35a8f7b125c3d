package io.cellbench.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * The JSON factory of every JSON file and answer cellbench writes with Jackson (run.json,
 * events.jsonl, the journal, status --json, alarms, protocol and schedule JSON, bdf.json):
 * its generators print every finite double and float through {@link Decimals}, so a unix
 * time is 1796569168.0839665, not Jackson's 1.7965691680839665E9 (docs/data.md: numbers in
 * text never have an exponent). It works below the object mapper, on the generator, because
 * a tree's number nodes and a record's double components reach the text by the same call
 * ({@code writeNumber(double)}), which a serializer module would not see for trees.
 *
 * <p>Give it to a mapper: {@code new ObjectMapper(PlainJson.factory())}. {@code
 * JsonNode.toString()} and {@code toPrettyString()} use Jackson's own mapper and keep its
 * exponents: write a tree through such a mapper instead.
 */
public final class PlainJson {
    private static final JsonGeneratorDecorator PLAIN_NUMBERS = (factory, generator) -> new Generator(generator);

    private PlainJson() {
    }

    /** A new factory (a mapper owns and configures its factory, so each mapper gets its own). */
    public static JsonFactory factory() {
        return JsonFactory.builder().addDecorator(PLAIN_NUMBERS).build();
    }

    /** Numbers through {@link Decimals}; everything else as the generator below writes it. */
    private static final class Generator extends JsonGeneratorDelegate {
        Generator(JsonGenerator below) {
            // false: a value written as an object or a tree goes through this generator too
            super(below, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(Decimals.plain(v));
            } else {
                delegate.writeNumber(v); // NaN and infinities as Jackson's features say
            }
        }

        /** A double[] (a journal's instrument state): the generator below would write each value itself. */
        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(Decimals.plain(v));
            } else {
                delegate.writeNumber(v);
            }
        }
    }
}
