package io.cellbench.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.cellbench.core.format.Decimals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.DoubleFunction;

/**
 * cellbench's JSON text, written by Jackson: which characters are escaped how, and how a
 * number is printed (not finite: null; whole and below 10^15: an integer). Two styles, both
 * as before issue 12: {@link #forData} for {@code data --format json} (readable: short escapes
 * for newline, return and tab, numbers without exponent as docs/data.md promises) and
 * {@link #forWeb} for the live page's API (every control character and {@code <} as
 * {@code \\u00XX}, so an answer is safe even inside HTML; numbers as Java prints them, as
 * docs/live-page.md shows).
 */
public final class JsonText {
    private static final JsonFactory DATA = factory(new Escapes(false));
    private static final JsonFactory WEB = factory(new Escapes(true));

    private JsonText() {
    }

    /** A generator for data output: ", " between fields and ": " after a name, nothing between rows. */
    public static JsonGenerator forData(Writer out) {
        try {
            return DATA.createGenerator(out).setPrettyPrinter(new MinimalPrettyPrinter("") {
                @Override
                public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
                    g.writeRaw(": ");
                }

                @Override
                public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
                    g.writeRaw(", ");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compact generator for the live page's API. */
    public static JsonGenerator forWeb(Writer out) {
        try {
            return WEB.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code v}: null when not finite, a whole number below 10^15 as an integer, else {@code text}. */
    public static void number(JsonGenerator g, double v, DoubleFunction<String> text) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(text.apply(v));
        }
    }

    /** Writes a value of an output column as data output prints it (numbers by {@link Decimals}). */
    static void dataValue(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Double d -> number(g, d, Decimals::whole);
            case Float f -> {
                if (Float.isFinite(f)) {
                    g.writeNumber(Decimals.plain(f));
                } else {
                    g.writeNull();
                }
            }
            case Number n -> g.writeNumber(n.toString());
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(v.toString());
        }
    }

    private static JsonFactory factory(CharacterEscapes escapes) {
        JsonFactory f = JsonFactory.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();
        f.setCharacterEscapes(escapes);
        f.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return f;
    }

    /** Jackson's escapes, but {@code \\u00XX} for backspace and form feed (and, for the web, more). */
    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes(boolean web) {
            ascii['\b'] = ESCAPE_STANDARD;
            ascii['\f'] = ESCAPE_STANDARD;
            if (web) {
                for (int c = 0; c < 0x20; c++) {
                    ascii[c] = ESCAPE_STANDARD;
                }
                ascii['<'] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // nothing beyond ASCII is escaped
        }
    }
}
