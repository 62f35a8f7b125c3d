package io.cellbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellbench.core.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void theExtensionChoosesTheFormatWhateverItsCase() {
        assertEquals(ImageFormat.PNG, ImageFormat.of(Path.of("out/cell-1.png")));
        assertEquals(ImageFormat.PNG, ImageFormat.of(Path.of("CELL.PNG")));
        assertEquals(ImageFormat.SVG, ImageFormat.of(Path.of("nyquist.Svg")));
    }

    @Test
    void anotherExtensionIsRefusedNamingItAndWhatIsAccepted() {
        UserError e = assertThrows(UserError.class, () -> ImageFormat.of(Path.of("plots", "voltage.pdf")));
        assertEquals("cannot tell the image format of " + Path.of("plots", "voltage.pdf")
                + " ('.pdf'); the output file must end in .png or .svg", e.getMessage());
    }

    @Test
    void aNameWithoutExtensionOrARootIsRefusedAsHavingNone() {
        UserError bare = assertThrows(UserError.class, () -> ImageFormat.of(Path.of("voltage")));
        assertEquals("cannot tell the image format of voltage (no extension); the output file must end in .png or .svg",
                bare.getMessage());
        UserError root = assertThrows(UserError.class, () -> ImageFormat.of(Path.of("/")));
        assertEquals("cannot tell the image format of / (no extension); the output file must end in .png or .svg",
                root.getMessage());
    }

    @Test
    void theCheckIsOfferedBeforeAnyDataIsRead() {
        Plots.requireImageFile(Path.of("a.svg"));
        assertThrows(UserError.class, () -> Plots.requireImageFile(Path.of("a.svg.txt")));
    }
}
