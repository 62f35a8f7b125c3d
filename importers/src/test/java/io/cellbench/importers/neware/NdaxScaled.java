package io.cellbench.importers.neware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A large .ndax made from a real one (for the benchmark: the public files are at most 1.4 MB): its
 * test repeated {@code copies} times, as if the cell had cycled on. data.ndc and the aux members'
 * pages are copied as they are (their rows are numbered by position); data_runInfo.ndc rows get
 * their record index, step count and clock moved on, data_step.ndc rows their cycle, so each copy
 * continues the one before. The mix of members and the compression ratio stay the real file's,
 * which the colleague's all-synthetic file ({@link NdaxSynth}) does not keep.
 * Reads ndc 17 files without aux members (test_2.ndax); the XML members are copied once.
 */
public final class NdaxScaled {

    private static final int PAGE = 4096;
    private static final int ROWS = 132;

    private NdaxScaled() {
    }

    public static Path write(Path real, Path file, int copies) throws IOException {
        try (ZipFile zip = new ZipFile(real.toFile()); OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zout = new ZipOutputStream(out)) {
            byte[] data = member(zip, "data.ndc");
            byte[] run = member(zip, "data_runInfo.ndc");
            byte[] step = member(zip, "data_step.ndc");
            int version = data[2] & 0xff;
            if (version != 17 || run == null || step == null) {
                throw new IllegalArgumentException(real + ": scaling needs an ndc 17 file with run info and steps");
            }
            long slotsPerCopy = (long) (data.length / PAGE - 1) * ((PAGE - ROWS - 1) / 8);
            long stepsPerCopy = rows(step, 100);
            int cyclesPerCopy = maxInt(step, 100, 0) + 1;
            long secondsPerCopy = maxUnsigned(run, 100, 33) - minUnsigned(run, 100, 33) + 1;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.startsWith("data_AUX") || name.matches("data_\\d+\\.ndc")) {
                    throw new IllegalArgumentException(real + ": scaling does not renumber aux members (" + name + ")");
                }
                zout.putNextEntry(new ZipEntry(name));
                switch (name) {
                    case "data.ndc" -> repeat(zout, data, copies, (copy, row, at) -> { });
                    case "data_runInfo.ndc" -> repeat(zout, run, copies, (copy, row, at) -> {
                        row.putInt(at + 33, (int) (Integer.toUnsignedLong(row.getInt(at + 33)) + copy * secondsPerCopy));
                        row.putInt(at + 37, (int) (Integer.toUnsignedLong(row.getInt(at + 37)) + copy * stepsPerCopy));
                        row.putInt(at + 41, (int) (Integer.toUnsignedLong(row.getInt(at + 41)) + copy * slotsPerCopy));
                    });
                    case "data_step.ndc" -> repeat(zout, step, copies,
                            (copy, row, at) -> row.putInt(at, row.getInt(at) + copy * cyclesPerCopy));
                    default -> zout.write(member(zip, name));
                }
                zout.closeEntry();
            }
        }
        return file;
    }

    private interface RowEdit {
        void apply(int copy, ByteBuffer page, int at);
    }

    /** The header page once, then every other page {@code copies} times, each valid row edited for its copy. */
    private static void repeat(OutputStream out, byte[] member, int copies, RowEdit edit) throws IOException {
        out.write(member, 0, PAGE);
        int rowSize = rowSize(member);
        byte[] page = new byte[PAGE];
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        for (int copy = 0; copy < copies; copy++) {
            for (int p = PAGE; p + PAGE <= member.length; p += PAGE) {
                System.arraycopy(member, p, page, 0, PAGE);
                for (int slot = 0; slot < (PAGE - ROWS - 1) / rowSize; slot++) {
                    if ((page[4 + slot / 8] & 1 << (slot % 8)) != 0) {
                        edit.apply(copy, b, ROWS + slot * rowSize);
                    }
                }
                out.write(page);
            }
        }
    }

    private static int rowSize(byte[] member) {
        return (member[0] & 0xff) == NdcCursors.DATA ? 8 : 100;
    }

    private static long rows(byte[] member, int rowSize) {
        long n = 0;
        for (int p = PAGE; p + PAGE <= member.length; p += PAGE) {
            for (int slot = 0; slot < (PAGE - ROWS - 1) / rowSize; slot++) {
                n += (member[p + 4 + slot / 8] >> (slot % 8)) & 1;
            }
        }
        return n;
    }

    private static int maxInt(byte[] member, int rowSize, int offset) {
        ByteBuffer b = ByteBuffer.wrap(member).order(ByteOrder.LITTLE_ENDIAN);
        int max = 0;
        for (int p = PAGE; p + PAGE <= member.length; p += PAGE) {
            for (int slot = 0; slot < (PAGE - ROWS - 1) / rowSize; slot++) {
                if ((member[p + 4 + slot / 8] & 1 << (slot % 8)) != 0) {
                    max = Math.max(max, b.getInt(p + ROWS + slot * rowSize + offset));
                }
            }
        }
        return max;
    }

    private static long maxUnsigned(byte[] member, int rowSize, int offset) {
        return extreme(member, rowSize, offset, true);
    }

    private static long minUnsigned(byte[] member, int rowSize, int offset) {
        return extreme(member, rowSize, offset, false);
    }

    private static long extreme(byte[] member, int rowSize, int offset, boolean max) {
        ByteBuffer b = ByteBuffer.wrap(member).order(ByteOrder.LITTLE_ENDIAN);
        long best = max ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (int p = PAGE; p + PAGE <= member.length; p += PAGE) {
            for (int slot = 0; slot < (PAGE - ROWS - 1) / rowSize; slot++) {
                if ((member[p + 4 + slot / 8] & 1 << (slot % 8)) != 0) {
                    long v = Integer.toUnsignedLong(b.getInt(p + ROWS + slot * rowSize + offset));
                    best = max ? Math.max(best, v) : Math.min(best, v);
                }
            }
        }
        return best;
    }

    private static byte[] member(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
