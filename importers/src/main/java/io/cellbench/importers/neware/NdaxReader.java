package io.cellbench.importers.neware;

import io.cellbench.importers.AuxColumn;
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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Neware BTS 8 {@code .ndax}: a ZIP of {@code .ndc} members (records) and XML (program, test and
 * version info). Each member is read as a stream, all at once, merged by record index, so memory
 * stays at a few pages whatever the file's size.
 */
public final class NdaxReader implements CyclerFileReader {

    private static final Pattern AUX_MEMBER = Pattern.compile("data_AUX_(\\d+)_(\\d+)_(\\d+)\\.ndc");
    private static final Pattern OTHER_NDC = Pattern.compile(".*_(\\d+)\\.ndc");

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
            NdaxMetadata xml = new NdaxMetadata();
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
                new Ndc2Merge(file, zip, meta, auxMembers(zip, xml, notes, file)).read(sink, notes);
                return;
            }
            if (NdcCursors.rowSize(version, NdcCursors.DATA) < 0) {
                throw ImportException.at(file, "data.ndc", 2, "ndc version " + version
                        + " is not supported (supported: 2, 11, 14, 16, 17)");
            }
            new NdcMerge(file, zip, version, meta, auxMembers(zip, xml, notes, file)).read(sink, notes);
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
            InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
            return entry.getSize() >= READ_AHEAD_BYTES ? new ReadAhead(in, entry.getName()) : in;
        } catch (IOException e) {
            throw ImportException.at(file, entry.getName(), 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** An auxiliary member with what TestInfo.xml says it measures. */
    record AuxMember(ZipEntry entry, AuxColumn column, NdaxMetadata.AuxChannel channel) {
    }

    /**
     * Aux members, matched to TestInfo.xml's Aux entries in the order of the numbers in their
     * names (BTS lists them in that order). When the counts differ the channels cannot be told
     * apart, so they are left out, with a warning.
     */
    private static List<AuxMember> auxMembers(ZipFile zip, NdaxMetadata xml, List<ImportNote> notes, Path file) {
        record Candidate(ZipEntry entry, long[] key) {
        }
        List<Candidate> candidates = new ArrayList<>();
        zip.stream().forEach(entry -> {
            String name = entry.getName();
            Matcher aux = AUX_MEMBER.matcher(name);
            Matcher other = OTHER_NDC.matcher(name);
            if (aux.matches()) {
                candidates.add(new Candidate(entry, new long[] {Long.parseLong(aux.group(1)),
                        Long.parseLong(aux.group(2)), Long.parseLong(aux.group(3))}));
            } else if (other.matches() && !name.startsWith("data_AUX")) {
                candidates.add(new Candidate(entry, new long[] {Long.parseLong(other.group(1)), 0, 0}));
            }
        });
        candidates.sort(Comparator.<Candidate>comparingLong(c -> c.key()[0])
                .thenComparingLong(c -> c.key()[1]).thenComparingLong(c -> c.key()[2]));
        List<AuxMember> members = new ArrayList<>();
        if (candidates.isEmpty()) {
            return members;
        }
        if (candidates.size() != xml.auxChannels.size()) {
            notes.add(ImportNote.warning("aux-channels-unmatched", candidates.size() + " auxiliary channel member(s) but "
                    + xml.auxChannels.size() + " in TestInfo.xml: what each measures is unknown, so they are not imported",
                    -1));
            return members;
        }
        int temperatures = 0;
        for (int i = 0; i < candidates.size(); i++) {
            NdaxMetadata.AuxChannel channel = xml.auxChannels.get(i);
            String[] kind = NewareCodes.auxType(channel.chlType());
            String name;
            String unit;
            String bdf = null;
            if (kind == null) {
                name = "aux" + channel.auxId() + "_value";
                unit = "";
                notes.add(ImportNote.warning("aux-channel-type", "auxiliary channel " + channel.auxId() + " ("
                        + candidates.get(i).entry().getName() + ") has channel type " + channel.chlType()
                        + ", which is not known: imported as " + name + " without a unit", -1));
            } else {
                name = "aux" + channel.auxId() + "_" + kind[0] + ("degC".equals(kind[1]) ? "_celsius" : "_percent");
                unit = kind[1];
                if ("temperature".equals(kind[0]) && temperatures < 5) {
                    temperatures++;
                    bdf = "temperature_t" + temperatures + "_celsius";
                }
            }
            members.add(new AuxMember(candidates.get(i).entry(), new AuxColumn(name, unit, bdf), channel));
        }
        return members;
    }

    static void declareFields(ImportMetadata.Builder meta) {
        meta.counterScope(CounterScope.STEP)
                .present(Field.TEST_TIME, Field.UNIX_TIME, Field.STEP_TIME, Field.CYCLE_COUNT, Field.STEP_COUNT,
                        Field.STEP_ID, Field.STEP_TYPE, Field.CAPACITY, Field.ENERGY);
    }
}
