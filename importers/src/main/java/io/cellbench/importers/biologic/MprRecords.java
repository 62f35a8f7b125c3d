package io.cellbench.importers.biologic;

import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Walks the records of a VMP data module in blocks of whole records read from the file. */
final class MprRecords {

    private static final int BLOCK = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final MprModules.Module data;
    final MprLayout layout;
    private final ByteBuffer block;
    private final int perBlock;
    private long next;
    private int inBlock;
    private int at = -1;

    MprRecords(Path file, FileChannel channel, MprModules.Module data, MprLayout layout) {
        this.file = file;
        this.channel = channel;
        this.data = data;
        this.layout = layout;
        this.perBlock = Math.max(1, BLOCK / Math.max(1, layout.recordSize));
        this.block = ByteBuffer.allocate(perBlock * Math.max(1, layout.recordSize)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Moves to the next record; false after the last. */
    boolean next() throws ImportException {
        if (next >= layout.points) {
            return false;
        }
        if (at < 0 || at + 1 >= inBlock) {
            int count = (int) Math.min(perBlock, layout.points - next);
            block.clear().limit(count * layout.recordSize);
            long position = data.start() + layout.recordsStart + next * layout.recordSize;
            try {
                while (block.hasRemaining()) {
                    if (channel.read(block, position + block.position()) < 0) {
                        throw ImportException.at(file, "VMP data", position + block.position(), "the file ends inside"
                                + " its records: truncated");
                    }
                }
            } catch (IOException e) {
                throw ImportException.at(file, "VMP data", position, "cannot be read (" + e.getMessage() + ")");
            }
            inBlock = count;
            at = 0;
        } else {
            at++;
        }
        next++;
        return true;
    }

    ByteBuffer buffer() {
        return block;
    }

    /** Where the current record starts in {@link #buffer()}. */
    int position() {
        return at * layout.recordSize;
    }

    /** The current record's number, from 1. */
    long number() {
        return next;
    }
}
