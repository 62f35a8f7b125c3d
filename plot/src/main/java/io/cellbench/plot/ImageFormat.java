package io.cellbench.plot;

import io.cellbench.core.UserError;
import java.nio.file.Path;
import java.util.Locale;

/** The image formats plot writes, chosen by the output file's extension. */
enum ImageFormat {
    PNG, SVG;

    static ImageFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return PNG;
        }
        if (lower.endsWith(".svg")) {
            return SVG;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "no extension" : "'" + name.substring(dot) + "'";
        throw new UserError("cannot tell the image format of " + file + " (" + ext
                + "); the output file must end in .png or .svg");
    }
}
