package io.cellbench.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes a figure as PNG (Java2D raster) or SVG (VectorGraphics2D, the library xchart's own
 * SVG export uses). The file is written beside its target and moved into place, so an
 * existing plot is never left half-written.
 */
final class FigureWriter {
    private FigureWriter() {
    }

    static void write(Figure figure, int width, int height, Path file) throws IOException {
        ImageFormat format = ImageFormat.of(file);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Created as any file (0666 less the umask, 0644 as a rule), like every other output;
        // a temporary file would be private (0600) and stay so after the move.
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        Files.createFile(tmp);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                switch (format) {
                    case PNG -> png(figure, width, height, out);
                    case SVG -> svg(figure, width, height, out);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void png(Figure figure, int width, int height, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            figure.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    static void svg(Figure figure, int width, int height, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g, width, height);
        Document document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        document.writeTo(buffer);
        out.write(tidySvg(buffer.toString(StandardCharsets.UTF_8), figure.title()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Drops the DOCTYPE (SVG 2 has none, and XML tools would fetch the DTD from w3.org),
     * gives the text a generic fallback font for viewers without the font Java drew it in, and titles the
     * document for screen readers and file browsers.
     */
    static String tidySvg(String svg, String title) {
        String s = svg.replaceFirst("<!DOCTYPE[^>]*>\\s*", "")
                .replaceAll("font-family:(&quot;[^;&]*&quot;);", "font-family:$1,sans-serif;");
        if (title != null && !title.isEmpty()) {
            int open = s.indexOf("<svg");
            int end = open < 0 ? -1 : s.indexOf('>', open);
            if (end > 0) {
                s = s.substring(0, end + 1) + "\n  <title>" + escape(title) + "</title>" + s.substring(end + 1);
            }
        }
        return s;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
