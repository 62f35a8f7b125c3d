package io.cellbench.protocols;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.cellbench.protocols.grammar.SourceText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML document with Jackson's streaming YAML parser into {@link YamlNode}s that
 * keep each token's position (a tree from {@code ObjectMapper.readTree} would lose them).
 * Every YAML problem becomes a {@link ProtocolException} at the line and column the YAML
 * parser names; nothing of Jackson's leaks out.
 */
final class YamlTree {

    /**
     * How deep YAML may nest. A protocol needs two levels per nested repeat: 100 allows about
     * 48 repeats inside each other, far beyond any real protocol, and stops a runaway file
     * with a clear message at the line where it goes too deep.
     */
    static final int MAX_NESTING = 100;

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    /** The document's root node, or null for an empty document. */
    static YamlNode read(SourceLines lines) {
        if (lines.text().length() > TextFile.MAX_BYTES) {
            throw TextFile.tooLarge(lines.file(), lines.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        try (JsonParser p = YAML.createParser(lines.text())) {
            if (p.nextToken() == null) {
                return null;
            }
            YamlNode root = node(p, lines, 1);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw error(lines, at.getLineNr(), at.getColumnNr(), "a second YAML document in one protocol file",
                        "remove the '---' line: one file holds one protocol");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // the parser's own limit (1000 levels) can trip before our count on a flow-style "[[[[…"
            JsonLocation at = e.getLocation();
            throw nestedTooDeep(lines, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
        } catch (JsonProcessingException e) {
            // SnakeYAML's message names the problem, then "in 'reader', line L, column C:" and a
            // snippet; a context (with its own mark) may come first. The last mark is the problem's.
            Problem p = problem(e.getOriginalMessage());
            JsonLocation at = e.getLocation();
            int line = p != null ? p.line() : at == null ? 1 : at.getLineNr();
            int column = p != null ? p.column() : at == null ? 1 : at.getColumnNr();
            String text = p != null ? p.text() : firstLine(e.getOriginalMessage());
            throw error(lines, line, column, "YAML syntax: " + text.replace("\t", "\\t"), hintFor(text));
        } catch (IOException | RuntimeException e) {
            // A YAML library failure that is not a syntax error: still a message, never a trace.
            if (e instanceof ProtocolException pe) {
                throw pe;
            }
            throw ProtocolException.forFile(lines.file(), "cannot read YAML: " + firstLine(e.getMessage()),
                    "check the file is a YAML protocol (see docs/protocols.md)");
        }
    }

    private static YamlNode node(JsonParser p, SourceLines lines, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_NESTING) {
            throw nestedTooDeep(lines, line, column);
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw error(lines, line, column, "YAML aliases ('*" + p.getText() + "') are not supported in protocols",
                    "write the steps out, or use 'Repeat N times:' for a block that recurs");
        }
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation k = p.currentTokenLocation();
                    YamlNode.Scalar key = new YamlNode.Scalar(p.currentName(), k.getLineNr(), k.getColumnNr());
                    p.nextToken();
                    entries.add(new YamlNode.Entry(key, node(p, lines, depth + 1)));
                }
                yield new YamlNode.Mapping(List.copyOf(entries), line, column);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, lines, depth + 1));
                }
                yield new YamlNode.Sequence(List.copyOf(items), line, column);
            }
            case VALUE_NULL -> new YamlNode.Scalar(null, line, column);
            default -> new YamlNode.Scalar(p.getText(), line, column);
        };
    }

    private static ProtocolException nestedTooDeep(SourceLines lines, int line, int column) {
        return error(lines, line, column, "the YAML nests deeper than " + MAX_NESTING + " levels here",
                "a protocol needs a few levels (two per 'Repeat N times:' inside another): flatten the repeats,"
                        + " or multiply their counts into one");
    }

    static ProtocolException error(SourceLines lines, int line, int column, String problem, String hint) {
        int offset = lines.offset(line, column);
        SourceText.Spot s = lines.spot(offset);
        return new ProtocolException(lines.file(), s.line(), s.column(), "", problem, hint, s.lineText(),
                s.indexInLine(), 1);
    }

    private record Problem(String text, int line, int column) {
    }

    private static final Pattern MARK = Pattern.compile("^ in '[^']*', line (\\d+), column (\\d+):$");

    private static Problem problem(String message) {
        if (message == null) {
            return null;
        }
        List<String> ls = message.lines().toList();
        for (int i = ls.size() - 1; i > 0; i--) {
            Matcher m = MARK.matcher(ls.get(i));
            if (m.matches() && !ls.get(i - 1).isBlank() && !ls.get(i - 1).strip().equals("^")) {
                return new Problem(ls.get(i - 1).strip(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return null;
    }

    private static String hintFor(String problem) {
        String p = problem.toLowerCase(Locale.ROOT);
        if (p.contains("tab")) {
            return "indent with spaces, not tabs";
        }
        if (p.contains("mapping values are not allowed")) {
            return "': ' starts a key: quote a step that contains one, or check the indentation";
        }
        if (p.contains("expected ':'") || p.contains("block end") || p.contains("indentation")) {
            return "check the indentation of this line and the one before it";
        }
        if (p.contains("quote") || p.contains("scalar")) {
            return "check that every quote you open is closed on the same step";
        }
        return "check the indentation and quotes around this line";
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "unreadable";
        }
        return s.strip().lines().findFirst().orElse(s);
    }
}
