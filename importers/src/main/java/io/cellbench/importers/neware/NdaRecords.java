package io.cellbench.importers.neware;

import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The fixed-size records of a legacy {@code .nda} as a stream: the file's first bytes (up to
 * {@link #PREFIX}) are kept to find where the records start and to read the header; after that
 * one record at a time is in memory.
 */
final class NdaRecords {

    /** The data section starts within the first bytes of every file seen (at most 86 kB in); 1 MiB is generous. */
    static final int PREFIX = 1 << 20;

    private final Path file;
    private final InputStream in;
    private final byte[] prefix;
    private final int prefixLength;
    private final int recordLength;
    private final ByteBuffer record;
    private long position;
    private long recordOffset;

    NdaRecords(Path file, InputStream in, byte[] prefix, int prefixLength, int start, int recordLength) {
        this.file = file;
        this.in = in;
        this.prefix = prefix;
        this.prefixLength = prefixLength;
        this.recordLength = recordLength;
        this.record = ByteBuffer.allocate(recordLength).order(ByteOrder.LITTLE_ENDIAN);
        this.position = start;
    }

    /** Reads up to {@link #PREFIX} bytes. */
    static byte[] readPrefix(InputStream in, Path file) throws ImportException {
        try {
            return in.readNBytes(PREFIX);
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    /** Index of {@code pattern} in the prefix, or -1. */
    static int find(byte[] prefix, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= prefix.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (prefix[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The next whole record, or false at the end (a torn last record is ignored, as Neware's trailer is). */
    boolean next() throws ImportException {
        byte[] array = record.array();
        int got = 0;
        recordOffset = position;
        if (position < prefixLength) {
            int n = (int) Math.min(recordLength, prefixLength - position);
            System.arraycopy(prefix, (int) position, array, 0, n);
            got = n;
        }
        try {
            while (got < recordLength) {
                int n = in.read(array, got, recordLength - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            throw ImportException.at(file, null, position + got, "cannot be read (" + e.getMessage() + ")");
        }
        position += got;
        if (got < recordLength) {
            Arrays.fill(array, got, recordLength, (byte) 0);
            return false;
        }
        return true;
    }

    ByteBuffer record() {
        return record;
    }

    /** Offset of the current record in the file (of the member for a zipped .nda). */
    long offset() {
        return recordOffset;
    }

    ImportException error(int field, String message) {
        return ImportException.at(file, null, recordOffset + field, message);
    }
}
