package io.cellbench.importers.biologic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImpedanceRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.MptTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * yadg's .mpr files against EC-Lab's own text export of each (.mpt): every column the reader maps,
 * within what the export prints (f4 columns to 8 significant digits, f8 to 16).
 */
class MprReaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ocv", "cp", "gcpl.issue_149", "mb.issue_95"})
    void samplesMatchTheEcLabExport(String name) throws Exception {
        Path mpr = ReferenceData.require("biologic/yadg/" + name + ".mpr");
        Table mpt = MptTable.read(ReferenceData.require("biologic/yadg/" + name + ".mpt"));
        CollectingSink sink = read(mpr);
        assertEquals(mpt.rows(), sink.samples.size(), "row count");
        Deviation d = new Deviation(name + ".mpr (" + sink.samples.size() + " rows) vs EC-Lab's .mpt");
        d.compare("time / s", sink.column(CyclerRecord::testTimeSecond), mpt.number("time/s"), 1e-9, 1e-14);
        String ewe = mpt.has("Ewe/V") ? "Ewe/V" : "<Ewe>/V";
        d.compare("voltage / V", sink.column(CyclerRecord::voltageVolt), mpt.number(ewe), 1e-7, 1e-7);
        if (mpt.has("I/mA")) {
            d.compare("current / mA", sink.column(r -> r.currentAmpere() * 1000), mpt.number("I/mA"), 1e-7, 1e-7);
        } else if (mpt.has("<I>/mA")) {
            // the file stores no current: ours is dq/dt, EC-Lab's export prints its own <I>
            d.compare("current (dq/dt) / mA", sink.column(r -> r.currentAmpere() * 1000), mpt.number("<I>/mA"), 1e-3, 1e-3);
        }
        if (mpt.has("Ns")) {
            d.compare("step id - 1 (Ns)", sink.column(r -> r.stepId() - 1), mpt.number("Ns"), 0);
        }
        String q = mpt.has("(Q-Qo)/mA.h") ? "(Q-Qo)/mA.h" : mpt.has("(Q-Qo)/C") ? "(Q-Qo)/C" : null;
        if (q != null) {
            double scale = q.endsWith("/C") ? 3.6 : 1; // C per mA·h
            double[] ours = sink.column(r -> (r.chargingCapacityAh() - r.dischargingCapacityAh()) * 1000 * scale);
            d.compareFromFirst("net charge", ours, mpt.number(q), 1e-9, 1e-6);
        }
        // every other column the file stores, by EC-Lab's own name (f4 values are printed to 8 digits)
        List<io.cellbench.importers.AuxColumn> aux = sink.metadata.auxColumns();
        int compared = 0;
        for (int i = 0; i < aux.size(); i++) {
            String column = aux.get(i).name();
            if (mpt.has(column)) {
                int at = i;
                d.compare("aux " + column, sink.column(r -> r.aux()[at]), mpt.number(column), 1e-9, 1e-6);
                compared++;
            }
        }
        assertTrue(compared >= aux.size() - 1, "every stored column but at most one is in the export: " + compared
                + " of " + aux.size());
        d.check();
    }

    @Test
    void peisSweepMatchesTheEcLabExport() throws Exception {
        Path mpr = ReferenceData.require("biologic/yadg/peis.mpr");
        Table mpt = MptTable.read(ReferenceData.require("biologic/yadg/peis.mpt"));
        CollectingSink sink = read(mpr);
        assertEquals(0, sink.samples.size(), "an impedance technique gives impedance points, not samples");
        assertEquals(mpt.rows(), sink.impedance.size());
        List<ImpedanceRecord> points = sink.impedance;
        new Deviation("peis.mpr (" + points.size() + " points) vs EC-Lab's .mpt")
                .compare("frequency / Hz", points.stream().mapToDouble(ImpedanceRecord::frequencyHz).toArray(),
                        mpt.number("freq/Hz"), 1e-7, 1e-7)
                .compare("Re(Z) / ohm", points.stream().mapToDouble(ImpedanceRecord::zRealOhm).toArray(),
                        mpt.number("Re(Z)/Ohm"), 1e-7, 1e-7)
                .compare("-Im(Z) / ohm", points.stream().mapToDouble(p -> -p.zImagOhm()).toArray(),
                        mpt.number("-Im(Z)/Ohm"), 1e-7, 1e-7)
                .compare("|Z| / ohm", points.stream().mapToDouble(ImpedanceRecord::zModOhm).toArray(),
                        mpt.number("|Z|/Ohm"), 1e-6, 1e-6)
                .compare("time / s", points.stream().mapToDouble(ImpedanceRecord::testTimeSecond).toArray(),
                        mpt.number("time/s"), 1e-9, 1e-14)
                .check();
        assertTrue(points.stream().allMatch(p -> p.sweep() == 1), "one sweep");
        assertEquals(List.of("PEIS", "EIS"), sink.metadata.techniques());
        // "Acquisition started on : 03/02/2021 16:17:59.000"
        assertEquals(java.time.Instant.parse("2021-03-02T16:17:59Z"), sink.metadata.startTime());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aurora-cycler-manager/PEIS.mpr", "aurora-cycler-manager/250116_kigr_gen6_01_02_GCPL_CD8.mpr",
            "battery-data-format/GCPL-0.mpr", "battery-data-format/MB-0.mpr", "battery-data-format/MB-1.mpr",
            "battery-data-format/PEIS-0.mpr"})
    void otherFilesReadWhole(String name) throws Exception {
        CollectingSink sink = read(ReferenceData.require("biologic/" + name));
        int rows = sink.samples.size() + sink.impedance.size();
        assertTrue(rows > 0, name);
        assertEquals(1, sink.ends);
        System.out.println("== " + name + ": " + sink.samples.size() + " samples, " + sink.impedance.size()
                + " impedance points in " + sink.impedance.stream().mapToInt(ImpedanceRecord::sweep).max().orElse(0)
                + " sweep(s); techniques " + sink.metadata.techniques() + "; notes " + sink.notes);
        if (name.endsWith("GCPL-0.mpr")) {
            // the alliance's converter warns "No current column in original MPR" for this file
            assertTrue(sink.notes.stream().anyMatch(n -> n.kind().equals("current-derived")), sink.notes.toString());
        }
        if (name.contains("PEIS")) {
            assertTrue(sink.impedance.stream().allMatch(p -> p.frequencyHz() > 0 && p.zRealOhm() > 0));
        }
    }

    @Test
    void truncatedFileNamesTheOffset() throws Exception {
        byte[] whole = Files.readAllBytes(ReferenceData.require("biologic/yadg/cp.mpr"));
        Path cut = tmp.resolve("cut.mpr");
        Files.write(cut, Arrays.copyOf(whole, 9000));
        ImportException e = assertThrows(ImportException.class, () -> read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": offset "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnMprIsRefused() throws Exception {
        Path fake = tmp.resolve("fake.mpr");
        Files.writeString(fake, "EC-Lab ASCII FILE\nNb header lines : 3\n");
        ImportException e = assertThrows(ImportException.class, () -> read(fake));
        assertEquals(fake + ": offset 0 (0x0): does not start with 'BIO-LOGIC MODULAR FILE': not a BioLogic .mpr file",
                e.getMessage());
    }

    private static CollectingSink read(Path file) throws ImportException {
        CollectingSink sink = new CollectingSink();
        new MprReader().read(file, sink);
        return sink;
    }
}
