package io.cellbench.importers.neware;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a large ndc-17 .ndax of a simulated cycling test (for the benchmark: real files here are
 * at most 1.4 MB): data.ndc, data_runInfo.ndc (a row for every record) and data_step.ndc, in the
 * page layout {@link NdcPages} reads. Charge and discharge steps of 3,600 records each, alternating.
 */
public final class NdaxSynth {

    private static final int PAGE = 4096;

    private NdaxSynth() {
    }

    public static Path write(Path file, int records) throws IOException {
        int perStep = 3600;
        int steps = (records + perStep - 1) / perStep;
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("data.ndc"));
            Pages data = new Pages(zip, 1, 8);
            for (int i = 0; i < records; i++) {
                boolean charging = (i / perStep) % 2 == 0;
                ByteBuffer row = data.row();
                row.putFloat((float) (3.6 + (charging ? 1 : -1) * 0.4 * (i % perStep) / perStep));
                row.putFloat(charging ? 0.002f : -0.002f); // A
            }
            data.finish();
            zip.putNextEntry(new ZipEntry("data_runInfo.ndc"));
            Pages run = new Pages(zip, 18, 100);
            for (int i = 0; i < records; i++) {
                int inStep = i % perStep;
                boolean charging = (i / perStep) % 2 == 0;
                double ah = 0.002 * inStep / 3600.0;
                ByteBuffer row = run.row();
                int at = row.position();
                row.putInt(at, inStep * 1000);
                row.putFloat(at + 5, charging ? (float) ah : 0f);
                row.putFloat(at + 9, charging ? 0f : (float) ah);
                row.putFloat(at + 13, charging ? (float) (ah * 3.8) : 0f);
                row.putFloat(at + 17, charging ? 0f : (float) (ah * 3.4));
                row.putInt(at + 29, 1000);
                row.putInt(at + 33, 1_700_000_000 + i);
                row.putInt(at + 37, i / perStep + 1);
                row.putInt(at + 41, i + 1);
                row.position(at + 100);
            }
            run.finish();
            zip.putNextEntry(new ZipEntry("data_step.ndc"));
            Pages step = new Pages(zip, 7, 100);
            for (int s = 0; s < steps; s++) {
                ByteBuffer row = step.row();
                int at = row.position();
                row.putInt(at, s / 2);
                row.putInt(at + 4, s % 2 + 1);
                row.put(at + 24, (byte) (s % 2 == 0 ? 1 : 2));
                row.position(at + 100);
            }
            step.finish();
        }
        return file;
    }

    /** Pages of one member: the file header page, then pages of rows with their bitmap. */
    private static final class Pages {
        private final OutputStream out;
        private final int filetype;
        private final int rowSize;
        private final int slots;
        private final ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);
        private int used;

        Pages(OutputStream out, int filetype, int rowSize) throws IOException {
            this.out = out;
            this.filetype = filetype;
            this.rowSize = rowSize;
            this.slots = (PAGE - 132 - 1) / rowSize;
            byte[] header = new byte[PAGE];
            header[0] = (byte) filetype;
            header[2] = 17;
            out.write(header);
        }

        ByteBuffer row() throws IOException {
            if (used == slots) {
                flush();
            }
            page.put(4 + used / 8, (byte) (page.get(4 + used / 8) | 1 << (used % 8)));
            page.position(132 + used * rowSize);
            used++;
            return page;
        }

        void finish() throws IOException {
            if (used > 0) {
                flush();
            }
        }

        private void flush() throws IOException {
            page.put(0, (byte) (filetype + 1));
            page.putShort(2, (short) used);
            out.write(page.array());
            page.clear();
            java.util.Arrays.fill(page.array(), (byte) 0);
            used = 0;
        }
    }
}
