package io.cellbench.importers.biologic;

import io.cellbench.importers.ImportException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module directory of a {@code .mpr} ("BIO-LOGIC MODULAR FILE"): each module is "MODULE",
 * a 10-byte short name, a 25-byte long name, then either length, version and an 8-character date
 * (EC-Lab before 11.50) or 0xFFFFFFFF, length, a reserved word, version and date (11.50 on),
 * then its data. Found by seeking, so the data module is never held in memory.
 */
final class MprModules {

    static final String MAGIC = "BIO-LOGIC MODULAR FILE";
    static final int FILE_HEADER = 52;

    record Module(String name, long start, long length, int version, String date) {
    }

    private MprModules() {
    }

    static List<Module> scan(Path file, FileChannel channel) throws ImportException, IOException {
        long size = channel.size();
        ByteBuffer head = read(channel, 0, (int) Math.min(FILE_HEADER, size));
        String magic = new String(head.array(), 0, Math.min(MAGIC.length(), head.limit()), StandardCharsets.ISO_8859_1);
        if (!magic.equals(MAGIC)) {
            throw ImportException.at(file, null, 0, "does not start with '" + MAGIC + "': not a BioLogic .mpr file");
        }
        List<Module> modules = new ArrayList<>();
        long at = FILE_HEADER;
        while (at < size) {
            if (size - at < 65) {
                throw ImportException.at(file, null, at, "ends inside a module header: the file is truncated");
            }
            ByteBuffer h = read(channel, at, 65);
            String tag = new String(h.array(), 0, 6, StandardCharsets.ISO_8859_1);
            if (!tag.equals("MODULE")) {
                throw ImportException.at(file, null, at, "'" + printable(tag) + "' where a MODULE header was expected:"
                        + " the file is corrupt");
            }
            String name = new String(h.array(), 6, 10, StandardCharsets.ISO_8859_1).strip();
            long length;
            int version;
            String date;
            long data;
            if (h.getInt(41) == -1) {
                length = Integer.toUnsignedLong(h.getInt(45));
                version = h.getInt(53);
                date = new String(h.array(), 57, 8, StandardCharsets.ISO_8859_1);
                data = at + 65;
            } else {
                length = Integer.toUnsignedLong(h.getInt(41));
                version = h.getInt(45);
                date = new String(h.array(), 49, 8, StandardCharsets.ISO_8859_1);
                data = at + 57;
            }
            if (data + length > size) {
                throw ImportException.at(file, null, at, "module '" + name + "' claims " + length + " bytes but the file"
                        + " ends " + (size - data) + " bytes after its header: the file is truncated");
            }
            modules.add(new Module(name, data, length, version, date));
            at = data + length;
        }
        return modules;
    }

    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
