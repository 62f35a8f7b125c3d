package io.cellbench.importers.biologic;

import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerFileReader;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * BioLogic EC-Lab {@code .mpr}: settings, data and log modules; data columns identified by id
 * ({@link MprColumns}). Impedance techniques (a frequency column: PEIS, GEIS) become impedance
 * points, one sweep after another; everything else (GCPL, CC, CV, CP, OCV, Modulo Bat …) samples.
 * Records are read in blocks straight from the file, so memory stays bounded.
 */
public final class MprReader implements CyclerFileReader {

    /** Technique ids (first byte of the settings module) checked against EC-Lab's own exports. */
    private static final Map<Integer, String> TECHNIQUES = Map.of(
            4, "GCPL", 11, "OCV", 25, "CP", 29, "PEIS", 127, "MB");

    /** The acquisition start (an OLE Automation date, local time) sits at this offset of the LOG module. */
    private static final int LOG_START_TIME = 585;

    @Override
    public String format() {
        return "biologic-mpr";
    }

    @Override
    public List<String> extensions() {
        return List.of(".mpr");
    }

    @Override
    public boolean recognizes(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).startsWith(MprModules.MAGIC);
    }

    @Override
    public String expectedStart() {
        return MprModules.MAGIC;
    }

    @Override
    public void read(Path file, RecordSink sink) throws ImportException {
        SourceFile source = SourceFile.of(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<MprModules.Module> modules = MprModules.scan(file, channel);
            MprModules.Module data = find(modules, "VMP data");
            if (data == null) {
                throw new ImportException(file, "no 'VMP data' module: the file holds no measurement");
            }
            ImportMetadata.Builder meta = ImportMetadata.builder(source, format()).instrument("BioLogic (EC-Lab)")
                    .formatVersion("VMP data module version " + data.version());
            String technique = "unknown technique";
            MprModules.Module settings = find(modules, "VMP Set");
            if (settings != null && settings.length() > 0) {
                int id = MprModules.read(channel, settings.start(), 1).get(0) & 0xff;
                technique = TECHNIQUES.getOrDefault(id, "technique " + id);
                meta.property("technique_id", String.valueOf(id));
            }
            meta.technique(technique);
            double start = Double.NaN;
            MprModules.Module log = find(modules, "VMP LOG");
            if (log != null && log.length() >= LOG_START_TIME + 8) {
                double ole = MprModules.read(channel, log.start() + LOG_START_TIME, 8).getDouble(0);
                if (ole > 20000 && ole < 80000) {
                    start = (ole - 25569.0) * 86400.0;
                    meta.startTime(Instant.ofEpochMilli(Math.round(start * 1000)));
                }
            }
            ByteBuffer header = MprModules.read(channel, data.start(), (int) Math.min(data.length(), 0x3ef));
            MprLayout layout = MprLayout.of(file, header, data);
            for (MprColumns.Column column : layout.columns) {
                meta.property("column." + column.id(), column.name());
            }
            boolean impedance = layout.has(MprColumns.FREQUENCY);
            MprRecords records = new MprRecords(file, channel, data, layout);
            if (impedance) {
                new MprSpectra(layout, start).stream(records, meta, sink);
            } else {
                new MprSamples(layout, start, technique).stream(records, meta, sink);
            }
        } catch (IOException e) {
            throw ImportException.io(file, e);
        }
    }

    private static MprModules.Module find(List<MprModules.Module> modules, String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** Declares the columns that are not mapped to a record field as aux columns, in layout order. */
    static int[] auxColumns(MprLayout layout, ImportMetadata.Builder meta, List<Integer> mapped) {
        return layout.columns.stream().filter(c -> !mapped.contains(c.id())).peek(c -> meta.aux(new AuxColumn(
                c.name(), unitOf(c.name()), null))).mapToInt(MprColumns.Column::id).toArray();
    }

    private static String unitOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    static void declareCounters(ImportMetadata.Builder meta) {
        meta.counterScope(CounterScope.TEST).present(Field.CAPACITY);
    }

    static void warn(RecordSink sink, String kind, String message) {
        sink.note(ImportNote.warning(kind, message, -1));
    }
}
