package io.cellbench.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An SVG the plot module wrote, parsed with the JDK's XML parser (tests read what a viewer would). */
final class SvgFile {
    private SvgFile() {
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // the writer drops the DOCTYPE; with one left, this parser refuses the file rather than fetch a DTD
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    /** The content of every text element of an SVG document held in memory. */
    static List<String> texts(byte[] svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            return texts(f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg)));
        } catch (Exception e) {
            throw new IllegalStateException("not an SVG document: " + e.getMessage(), e);
        }
    }

    /** The content of every text element, in document order. */
    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }
}
