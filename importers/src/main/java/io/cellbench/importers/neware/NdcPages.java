package io.cellbench.importers.neware;

import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Walks the rows of one {@code .ndc} member as a stream, one page in memory at a time.
 *
 * <p>Layout (read from the files; NewareNDA and fastnda describe the same): byte 0 is the file
 * type, byte 2 the ndc version. From version 11 on, the file is 4,096-byte pages; the first is a
 * file header; every other page has its type (file type + 1) in byte 0, its row count in bytes
 * 2–3, a bitmap of valid row slots from byte 4, and fixed-size rows from byte 132. Versions 2
 * and 5 are 512-byte records with rows from byte 5 and no bitmap (the first is the header); a
 * row whose record index is 0 is empty, which the layout decides.
 */
final class NdcPages {

    private static final int PAGE = 4096;
    private static final int ROWS_START = 132;
    private static final int OLD_RECORD = 512;
    private static final int OLD_ROW_START = 5;

    private final Path file;
    private final String member;
    private final InputStream in;
    private final int rowSize;
    private final boolean paged;
    private final int filetype;
    private final int version;
    private final ByteBuffer page;
    private final int slots;
    private long pageOffset;
    /** Slots on the pages before the current one (pages number every slot, valid or not). */
    private long slotsBefore = -1;
    private boolean pageLoaded;
    private int slot = -1;
    private boolean finished;

    /** Reads the file header; {@code rowSize} is the layout's row size for this version and type. */
    NdcPages(Path file, String member, InputStream in, int filetype, int version, int rowSize) throws ImportException {
        this.file = file;
        this.member = member;
        this.in = in;
        this.filetype = filetype;
        this.version = version;
        this.rowSize = rowSize;
        this.paged = version >= 11;
        int size = paged ? PAGE : OLD_RECORD;
        this.page = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        this.slots = ((paged ? PAGE - ROWS_START : OLD_RECORD - OLD_ROW_START) - 1) / rowSize;
        // the file header page (already checked by the caller for type and version)
        if (!fill()) {
            throw ImportException.at(file, member, 0, "shorter than its " + size + "-byte header");
        }
        pageOffset = 0;
    }

    /** Reads the first bytes of an ndc member: {file type, version}. */
    static int[] peekTypeAndVersion(byte[] head) {
        return new int[] {head[0] & 0xff, head[2] & 0xff};
    }

    /** Moves to the next valid row; false at the end of the member. */
    boolean next() throws ImportException {
        while (!finished) {
            if (!pageLoaded) {
                long offset = pageOffset + page.capacity();
                if (!fill()) {
                    finished = true;
                    return false;
                }
                pageOffset = offset;
                slotsBefore = (offset / page.capacity() - 1) * slots;
                pageLoaded = true;
                slot = -1;
                checkPageHeader();
            }
            slot++;
            if (slot >= slots) {
                pageLoaded = false;
                continue;
            }
            if (!paged) {
                return true; // no bitmap: the layout skips empty rows (record index 0)
            }
            int bits = page.get(4 + slot / 8) & 0xff;
            if ((bits & (1 << (slot % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The page buffer (little-endian); the current row starts at {@link #row()}. */
    ByteBuffer page() {
        return page;
    }

    /** Position of the current row inside {@link #page()}. */
    int row() {
        return (paged ? ROWS_START : OLD_ROW_START) + slot * rowSize;
    }

    /** The current row's slot number over the whole member, from 1 (pages count every slot, valid or not). */
    long slotNumber() {
        return slotsBefore + slot + 1;
    }

    /** Byte offset of the current row in the (uncompressed) member, for error messages. */
    long offset() {
        return pageOffset + row();
    }

    int version() {
        return version;
    }

    ImportException error(String message) {
        return ImportException.at(file, member, offset(), message);
    }

    private void checkPageHeader() throws ImportException {
        if (!paged) {
            return;
        }
        int type = page.get(0) & 0xff;
        if (type != filetype + 1) {
            throw ImportException.at(file, member, pageOffset, "page type " + type + " where " + (filetype + 1)
                    + " was expected: the member is corrupt");
        }
    }

    /** Reads one whole page; false at a clean end; a torn last page is an error (truncated file). */
    private boolean fill() throws ImportException {
        page.clear();
        byte[] array = page.array();
        int got = 0;
        try {
            while (got < array.length) {
                int n = in.read(array, got, array.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            throw ImportException.at(file, member, pageOffset + page.capacity() + got,
                    "cannot be read (" + e.getMessage() + "): truncated or corrupt");
        }
        if (got == 0) {
            return false;
        }
        if (got < array.length) {
            throw ImportException.at(file, member, pageOffset + page.capacity() + got,
                    "ends inside a " + array.length + "-byte page: the file is truncated");
        }
        return true;
    }
}
