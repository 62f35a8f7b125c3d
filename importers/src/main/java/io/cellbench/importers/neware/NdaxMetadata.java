package io.cellbench.importers.neware;

import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The XML members of a {@code .ndax}: Step.xml (the program, kept verbatim), TestInfo.xml (channel,
 * start time, barcode, auxiliary channels), VersionInfo.xml (BTS client and server versions).
 * Metadata is a courtesy: a damaged XML member gives a warning, never a failed import, because
 * the records live in the .ndc members (fastnda's Unit27_Example_Corrupt.ndax is such a file).
 */
final class NdaxMetadata {

    private static final Pattern ENCODING = Pattern.compile("encoding=\"([^\"]+)\"");
    private static final DateTimeFormatter NEWARE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An auxiliary channel as TestInfo.xml lists it. */
    record AuxChannel(int auxId, int chlType) {
    }

    final List<AuxChannel> auxChannels = new ArrayList<>();
    boolean testInfoRead;

    private final Path file;

    NdaxMetadata(Path file) {
        this.file = file;
    }

    void read(ZipFile zip, ImportMetadata.Builder meta, Consumer<ImportNote> notes) {
        byte[] step = member(zip, "Step.xml", notes);
        if (step != null) {
            meta.program(decode(step), "neware-step-xml");
            Element config = config(step, "Step.xml", notes);
            if (config != null) {
                meta.software("BTS client (Step.xml)", config.getAttribute("client_version"));
            }
        }
        byte[] version = member(zip, "VersionInfo.xml", notes);
        Element versionConfig = version == null ? null : config(version, "VersionInfo.xml", notes);
        if (versionConfig != null) {
            Element zwj = first(versionConfig, "ZwjVersion");
            if (zwj != null) {
                meta.software("BTS server", zwj.getAttribute("SvrVer"));
                meta.software("BTS client", zwj.getAttribute("CurrClientVer"));
                meta.software("lower computer", zwj.getAttribute("ZwjVersion"));
                meta.property("unit_serial", zwj.getAttribute("ZwjSn"));
            }
            meta.software("BTSDA", versionConfig.getAttribute("SortVersion"));
        }
        byte[] test = member(zip, "TestInfo.xml", notes);
        Element testConfig = test == null ? null : config(test, "TestInfo.xml", notes);
        Element info = testConfig == null ? null : first(testConfig, "TestInfo");
        if (info != null) {
            testInfoRead = true;
            String device = info.getAttribute("DevID") + "-" + info.getAttribute("UnitID") + "-" + info.getAttribute("ChlID");
            meta.instrument("Neware BTS, device type " + info.getAttribute("DevType") + ", channel " + device);
            meta.property("channel", device);
            meta.property("barcode", info.getAttribute("Barcode"));
            meta.property("remark", info.getAttribute("Remark"));
            meta.property("step_file_name", info.getAttribute("StepName"));
            meta.property("current_range_ma", info.getAttribute("CurrRange"));
            meta.property("end_time", info.getAttribute("EndTime"));
            String start = info.getAttribute("StartTime");
            if (!start.isBlank()) {
                try {
                    // BTS writes local time without a zone: kept as found, marked as local in the properties
                    meta.property("start_time_local", start);
                    meta.startTime(LocalDateTime.parse(start, NEWARE_TIME).toInstant(ZoneOffset.UTC));
                } catch (RuntimeException e) {
                    notes.accept(ImportNote.warning("metadata", "TestInfo.xml StartTime '" + start
                            + "' is not a date; start time left unknown", -1));
                }
            }
            NodeList children = info.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element child && child.getTagName().toLowerCase().startsWith("aux")) {
                    auxChannels.add(new AuxChannel(intOr(child.getAttribute("AuxID"), auxChannels.size() + 1),
                            intOr(child.getAttribute("ChlType"), -1)));
                }
            }
        }
    }

    private static int intOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static byte[] member(ZipFile zip, String name, Consumer<ImportNote> notes) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            notes.accept(ImportNote.warning("metadata", name + " cannot be read (" + e.getMessage()
                    + "); its metadata is left out", -1));
            return null;
        }
    }

    /** The declared encoding (BTS writes GB2312 or UTF-8); undecodable bytes become U+FFFD, never a failure. */
    static String decode(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (RuntimeException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(xml, charset);
    }

    private Element config(byte[] xml, String name, Consumer<ImportNote> notes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            // parse the decoded text, so a byte the declared charset cannot map is replaced, not fatal;
            // the declaration goes, its line stays, so the parser's line numbers are the member's
            String text = decode(xml).replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT); // without one the parser prints "[Fatal Error] ..." on stderr itself
            Document doc = builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return first(doc.getDocumentElement(), "config");
        } catch (SAXParseException e) {
            String where = e.getLineNumber() > 0 ? ":" + e.getLineNumber() + (e.getColumnNumber() > 0
                    ? ":" + e.getColumnNumber() : "") : "";
            unreadable(notes, name + where, e.getMessage());
            return null;
        } catch (Exception e) {
            unreadable(notes, name, e.getMessage());
            return null;
        }
    }

    private void unreadable(Consumer<ImportNote> notes, String where, String why) {
        notes.accept(ImportNote.warning("metadata", file + " " + where + ": not readable XML (" + why
                + "); its metadata is left out, the records are read", -1));
    }

    /** The parser's own handling (go on after a warning or error, stop at a fatal error), without its printing. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // the document is still whole: its metadata is read as it is
        }

        @Override
        public void error(SAXParseException e) {
            // a validity error (no validation is asked for): the document is still whole, as for a warning
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static Element first(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            Node node = list.item(i);
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
