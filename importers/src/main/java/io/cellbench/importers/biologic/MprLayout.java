package io.cellbench.importers.biologic;

import io.cellbench.importers.ImportException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The record layout of a VMP data module: its columns, where each sits in a record, and where records start. */
final class MprLayout {

    final long points;
    final List<MprColumns.Column> columns = new ArrayList<>();
    final Map<Integer, Integer> offsets = new HashMap<>();
    final int recordSize;
    final int recordsStart;

    private MprLayout(long points, int recordSize, int recordsStart) {
        this.points = points;
        this.recordSize = recordSize;
        this.recordsStart = recordsStart;
    }

    /** Reads the column list at the start of the data module (version 2, 3 or 10 and later). */
    static MprLayout of(Path file, ByteBuffer header, MprModules.Module data) throws ImportException {
        long points = Integer.toUnsignedLong(header.getInt(0));
        int count;
        int idsAt;
        int recordsStart;
        switch (data.version()) {
            case 2 -> {
                count = header.get(4) & 0xff;
                idsAt = 5;
                recordsStart = 0x195;
            }
            case 3 -> {
                count = header.get(4) & 0xff;
                idsAt = 5;
                recordsStart = 0x196;
            }
            default -> {
                if (data.version() < 10) {
                    throw ImportException.at(file, "VMP data", data.start(), "data module version " + data.version()
                            + " is not supported (2, 3 and 10 on are)");
                }
                count = Short.toUnsignedInt(header.getShort(4));
                idsAt = 6;
                recordsStart = 0x3ef;
            }
        }
        if (idsAt + 2 * count > header.limit()) {
            throw ImportException.at(file, "VMP data", data.start(), count + " columns do not fit the module header");
        }
        List<MprColumns.Column> columns = new ArrayList<>();
        Map<Integer, Integer> offsets = new HashMap<>();
        int size = 0;
        int flagsAt = -1;
        for (int i = 0; i < count; i++) {
            int id = Short.toUnsignedInt(header.getShort(idsAt + 2 * i));
            MprColumns.Column column = MprColumns.of(id);
            if (column == null) {
                throw ImportException.at(file, "VMP data", data.start() + idsAt + 2 * i, "column id " + id
                        + " is not known: its size, and so the record layout, cannot be read");
            }
            if (column.type() == MprColumns.Type.FLAGS) {
                if (flagsAt < 0) {
                    flagsAt = size;
                    size += 1;
                }
                offsets.put(id, flagsAt);
            } else {
                offsets.put(id, size);
                size += column.type().size;
            }
            columns.add(column);
        }
        MprLayout layout = new MprLayout(points, size, recordsStart);
        layout.columns.addAll(columns);
        layout.offsets.putAll(offsets);
        long needed = recordsStart + points * size;
        if (needed > data.length()) {
            throw ImportException.at(file, "VMP data", data.start() + data.length(), "the data module is "
                    + data.length() + " bytes but its " + points + " records of " + size + " bytes need " + needed
                    + ": the file is truncated");
        }
        return layout;
    }

    boolean has(int id) {
        return offsets.containsKey(id);
    }

    /** A column's value in the record at {@code at} of {@code buffer}, as a double (flags: the bits of the column). */
    double value(ByteBuffer buffer, int at, MprColumns.Column column) {
        int o = at + offsets.get(column.id());
        return switch (column.type()) {
            case FLAGS -> {
                int mask = MprColumns.flagMask(column.id());
                yield (buffer.get(o) & mask) >> Integer.numberOfTrailingZeros(mask);
            }
            case F4 -> buffer.getFloat(o);
            case F8 -> buffer.getDouble(o);
            case U2 -> Short.toUnsignedInt(buffer.getShort(o));
            case U4 -> Integer.toUnsignedLong(buffer.getInt(o));
        };
    }

    double value(ByteBuffer buffer, int at, int id) {
        return value(buffer, at, MprColumns.of(id));
    }

    /** The first of {@code ids} the file has, or -1. */
    int first(int... ids) {
        for (int id : ids) {
            if (has(id)) {
                return id;
            }
        }
        return -1;
    }
}
