package io.cellbench.protocols;

import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads protocol files (YAML, see docs/protocols.md) into the protocol model. Everything
 * wrong with a file — YAML syntax, unknown keys, a step the grammar cannot read, a cut-off
 * outside the safety window — is a {@link ProtocolException} with file:line:column.
 */
public final class ProtocolLoader {

    private ProtocolLoader() {
    }

    /** Reads and checks a protocol file; errors name the file as {@code file.toString()}. */
    public static Protocol load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Reads a protocol with some of its declared {@code parameters:} set to other values
     * (a schedule's per-cell settings, e.g. {@code pressure -> "15 MPa"}). Setting a
     * parameter the protocol does not declare is an error.
     */
    public static Protocol load(Path file, Map<String, String> parameters) {
        return parse(read(file), file.toString(), parameters);
    }

    /** The parameter names a protocol file declares, in file order. */
    public static List<String> parameterNames(Path file) {
        String text = read(file);
        return new ProtocolReader(new SourceLines(file.toString(), stripBom(text))).parameterNames();
    }

    private static String read(Path file) {
        return TextFile.read(file);
    }

    /**
     * Reads and checks protocol text; {@code fileName} is used in error messages and as the
     * protocol's {@link Protocol#source()} (and, without a {@code name:} key, its name).
     */
    public static Protocol parse(String text, String fileName) {
        return parse(text, fileName, Map.of());
    }

    public static Protocol parse(String text, String fileName, Map<String, String> parameters) {
        return new ProtocolReader(new SourceLines(fileName, stripBom(text)), parameters).read();
    }

    private static String stripBom(String text) {
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }
}
