package io.cellbench.compile.neware;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A step file read back with the JDK's own parser, for tests that compare files element by element. */
record StepFileXml(Document doc) {

    static StepFileXml parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new StepFileXml(f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
    }

    Element config() {
        return child(doc.getDocumentElement(), "config");
    }

    /** The {@code StepN} elements of Step_Info, in order. */
    List<Element> steps() {
        return children(child(config(), "Step_Info"));
    }

    /** The element at a path of names below {@code from} ("Limit/Main/Curr"), or null. */
    static Element at(Element from, String path) {
        Element e = from;
        for (String name : path.split("/")) {
            e = e == null ? null : child(e, name);
        }
        return e;
    }

    /** The Value attribute at {@code path} below {@code from}, or null when the element is absent. */
    static String value(Element from, String path) {
        Element e = at(from, path);
        return e == null ? null : e.getAttribute("Value");
    }

    static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every element path in the file, step numbers folded ("config/Step_Info/StepN/Limit/Main/Curr"). */
    Set<String> paths() {
        Set<String> out = new TreeSet<>();
        walk(doc.getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element e, String prefix, Set<String> out) {
        String name = e.getTagName().matches("Step\\d+") ? "StepN" : e.getTagName();
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        out.add(path);
        for (Element c : children(e)) {
            walk(c, path, out);
        }
    }
}
