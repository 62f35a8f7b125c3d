import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Tells, for review, how the images in a folder changed from a copy taken before: unchanged,
 * new, or changed, with the size, the share of pixels that differ and the box around the change.
 * scripts/make-doc-images.sh runs it after redrawing docs/images, so a redrawn figure is looked
 * at before it is committed, never taken silently.
 *
 * <pre>java scripts/ImageDiff.java BEFORE_DIR AFTER_DIR</pre>
 */
public class ImageDiff {

    public static void main(String[] args) throws Exception {
        Path before = Path.of(args[0]);
        Path after = Path.of(args[1]);
        List<Path> images;
        try (Stream<Path> s = Files.list(after)) {
            images = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        int changed = 0;
        for (Path now : images) {
            Path was = before.resolve(now.getFileName());
            String name = after.getFileName() + "/" + now.getFileName();
            if (!Files.exists(was)) {
                System.out.println("  new        " + name);
                changed++;
            } else if (Arrays.equals(Files.readAllBytes(was), Files.readAllBytes(now))) {
                System.out.println("  unchanged  " + name);
            } else {
                System.out.println("  CHANGED    " + name + ": " + describe(ImageIO.read(was.toFile()), ImageIO.read(now.toFile())));
                changed++;
            }
        }
        System.out.println(changed == 0 ? "no image changed"
                : changed + " image(s) changed: look at them (and 'git diff --stat docs/images') before committing");
    }

    /** Size change, share of differing pixels and their bounding box. */
    static String describe(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return "size " + a.getWidth() + "x" + a.getHeight() + " -> " + b.getWidth() + "x" + b.getHeight();
        }
        long differ = 0;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    differ++;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (differ == 0) {
            return "same pixels, different bytes (PNG encoding)";
        }
        return String.format("%.2f %% of pixels differ, within x %d..%d, y %d..%d", 100.0 * differ / ((long) a.getWidth()
                * a.getHeight()), x0, x1, y0, y1);
    }
}
