package io.cellbench.importers.neware;

import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Neware BTS 8 {@code .ndax}: a ZIP of {@code .ndc} members (records) and XML (program, test and
 * version info). Each member is read as a stream, all at once, merged by record index, so memory
 * stays at a few pages whatever the file's size.
 */
public final class NdaxReader implements CyclerFileReader {

    @Override
    public String format() {
        return "neware-ndax";
    }

    @Override
    public List<String> extensions() {
        return List.of(".ndax");
    }

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    @Override
    public String expectedStart() {
        return "a ZIP archive (PK\\3\\4)";
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (ZipFile zip = open(file)) {
            ImportMetadata.Builder meta = ImportMetadata.builder(source, format());
            List<ImportNote> notes = new ArrayList<>();
            NdaxMetadata xml = new NdaxMetadata(file);
            xml.read(zip, meta, notes::add);
            ZipEntry data = zip.getEntry("data.ndc");
            if (data == null) {
                throw new ImportException(file, "no data.ndc member: not a Neware .ndax test file");
            }
            byte[] head = peek(zip, data, file);
            int filetype = head[0] & 0xff;
            int version = head[2] & 0xff;
            if (filetype != NdcCursors.DATA) {
                throw ImportException.at(file, "data.ndc", 0, "file type " + filetype + " where 1 (records) was expected");
            }
            meta.formatVersion("ndc " + version);
            meta.technique("Neware steps");
            if (version == 2) {
                new Ndc2Merge(file, zip, meta, NdaxAux.members(zip, xml, notes, file)).read(sink, notes);
                return;
            }
            if (NdcCursors.rowSize(version, NdcCursors.DATA) < 0) {
                throw ImportException.at(file, "data.ndc", 2, "ndc version " + version
                        + " is not supported (supported: 2, 11, 14, 16, 17)");
            }
            new NdcMerge(file, zip, version, meta, NdaxAux.members(zip, xml, notes, file)).read(sink, notes);
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    private static ZipFile open(Path file) throws ImportException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ImportException(file, "cannot be opened as a ZIP archive (" + e.getMessage()
                    + "): not a Neware .ndax file, or a truncated one");
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    /** The first bytes of a member (its type and version). */
    static byte[] peek(ZipFile zip, ZipEntry entry, Path file) throws ImportException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                throw ImportException.at(file, entry.getName(), head.length, "ends before its header: truncated");
            }
            return head;
        } catch (IOException e) {
            throw ImportException.at(file, entry.getName(), 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Members this big (uncompressed) are inflated on their own thread; smaller ones are not worth a thread. */
    private static final long READ_AHEAD_BYTES = 512 * 1024;

    static InputStream stream(ZipFile zip, ZipEntry entry, Path file) throws ImportException {
        try {
            // the read-ahead asks for large chunks itself; a buffer in front of it would only copy
            InputStream in = zip.getInputStream(entry);
            return entry.getSize() >= READ_AHEAD_BYTES ? new ReadAhead(in, entry.getName())
                    : new BufferedInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw ImportException.at(file, entry.getName(), 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    static void declareFields(ImportMetadata.Builder meta) {
        meta.counterScope(CounterScope.STEP)
                .present(Field.TEST_TIME, Field.UNIX_TIME, Field.STEP_TIME, Field.CYCLE_COUNT, Field.STEP_COUNT,
                        Field.STEP_ID, Field.STEP_TYPE, Field.CAPACITY, Field.ENERGY);
    }
}
