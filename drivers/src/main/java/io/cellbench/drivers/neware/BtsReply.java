package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.InstrumentException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A reply of the BTS API, parsed: its {@code <cmd>} (BTS spells some wrong: {@code donwload_resp},
 * {@code donwloadlog_resp}, and says {@code log_lever}; only the command's first letters are
 * checked) and its elements. Values BTS has none for are written "--"; they read as absent.
 * A reply that is not XML, or answers another command, is an {@link InstrumentException}.
 */
final class BtsReply {
    private final Element root;
    private final String cmd;

    private BtsReply(Element root, String cmd) {
        this.root = root;
        this.cmd = cmd;
    }

    /**
     * Parses {@code xml} as the reply to {@code command}; {@code expectedPrefix} is how the reply's
     * {@code <cmd>} must begin ("getchlstatus", "do" for BTS's "donwload_resp").
     */
    static BtsReply parse(String instrument, String command, String xml, String expectedPrefix) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            // the parser's own handling (stop at a fatal error) without its printing "[Fatal Error]" on stderr
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new InstrumentException(instrument, command, "the reply is not XML (" + e.getMessage() + "): '"
                    + shown(xml) + "'");
        }
        Element cmd = child(root, "cmd");
        String name = cmd == null ? "" : cmd.getTextContent().strip();
        if (!root.getTagName().equals("bts") || !name.startsWith(expectedPrefix)) {
            throw new InstrumentException(instrument, command, "expected a " + expectedPrefix + "… reply, got <"
                    + root.getTagName() + "> with cmd '" + name + "': '" + shown(xml) + "'");
        }
        return new BtsReply(root, name);
    }

    String cmd() {
        return cmd;
    }

    /** The first element called {@code name} below {@code <bts>}, or null. */
    Element element(String name) {
        return child(root, name);
    }

    /** The elements inside {@code <container>} ({@code list}, {@code middle}), in order; empty when there is none. */
    List<Element> items(String container) {
        Element c = child(root, container);
        return c == null ? List.of() : children(c);
    }

    /** An attribute's text, or null when absent or "--" (BTS's "no value"). */
    static String attr(Element e, String name) {
        if (!e.hasAttribute(name)) {
            return null;
        }
        String v = e.getAttribute(name).strip();
        return v.equals("--") || v.isEmpty() ? null : v;
    }

    /** A number attribute, NaN when absent or "--". */
    static double number(Element e, String name) {
        String v = attr(e, name);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** A whole-number attribute, {@code otherwise} when absent or "--". */
    static long whole(Element e, String name, long otherwise) {
        double v = number(e, name);
        return Double.isNaN(v) ? otherwise : (long) v;
    }

    static String text(Element e) {
        return e.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String shown(String xml) {
        String s = xml.length() > 200 ? xml.substring(0, 200) + "…" : xml;
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 && c != '\n' ? '?' : c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
