package io.cellbench.importers.arbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.importers.CollectingSink;
import io.cellbench.importers.CounterScope;
import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.reference.Deviation;
import io.cellbench.importers.reference.DuckDbTable;
import io.cellbench.importers.reference.Table;
import io.cellbench.testing.ReferenceData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alliance's Arbin MITS Pro 7 .res, read by {@link ResReader} (Jackcess) and compared with
 * mdbtools' mdb-export of the same database: an Access reader we did not write (Debian package
 * mdbtools, installed by scripts/install-test-deps.sh).
 */
class ResReaderTest {

    @TempDir
    Path tmp;

    @Test
    void matchesMdbExport() throws Exception {
        Path gz = ReferenceData.require("arbin/battery-data-format/mits7-0.res.gz");
        Path res = tmp.resolve("mits7-0.res");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, res);
        }
        Path csv = tmp.resolve("channel.csv");
        Process mdb = new ProcessBuilder("mdb-export", res.toString(), "Channel_Normal_Table")
                .redirectOutput(csv.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(mdb.waitFor(120, TimeUnit.SECONDS), "mdb-export finished");
        assertEquals(0, mdb.exitValue(), "mdb-export (Debian package mdbtools) must be installed: scripts/install-test-deps.sh");
        Table ref = DuckDbTable.csv(csv, "");

        for (Path file : new Path[] {gz, res}) {
            CollectingSink sink = new CollectingSink();
            new ResReader().read(file, sink);
            assertEquals(8, sink.samples.size());
            assertEquals(ref.rows(), sink.samples.size());
            new Deviation(file.getFileName() + " (8 rows) vs mdb-export")
                    .compare("record index", sink.column(CyclerRecord::recordIndex), ref.number("Data_Point"), 0)
                    .compare("test time / s", sink.column(CyclerRecord::testTimeSecond), ref.number("Test_Time"), 1e-9)
                    .compare("step time / s", sink.column(CyclerRecord::stepTimeSecond), ref.number("Step_Time"), 1e-9)
                    .compare("unix time / s", sink.column(CyclerRecord::unixTimeSecond),
                            Arrays.stream(ref.number("DateTime")).map(d -> (d - 25569) * 86400).toArray(), 1e-3)
                    .compare("voltage / V", sink.column(CyclerRecord::voltageVolt), ref.number("Voltage"), 1e-7, 1e-7)
                    .compare("current / A", sink.column(CyclerRecord::currentAmpere), ref.number("Current"), 1e-9, 1e-7)
                    .compare("cycle", sink.column(CyclerRecord::cycleCount), ref.number("Cycle_Index"), 0)
                    .compare("step id", sink.column(CyclerRecord::stepId), ref.number("Step_Index"), 0)
                    .compare("charging capacity / Ah", sink.column(CyclerRecord::chargingCapacityAh),
                            ref.number("Charge_Capacity"), 1e-12)
                    .compare("discharging capacity / Ah", sink.column(CyclerRecord::dischargingCapacityAh),
                            ref.number("Discharge_Capacity"), 1e-12)
                    .compare("charging energy / Wh", sink.column(CyclerRecord::chargingEnergyWh),
                            ref.number("Charge_Energy"), 1e-12)
                    .compare("discharging energy / Wh", sink.column(CyclerRecord::dischargingEnergyWh),
                            ref.number("Discharge_Energy"), 1e-12)
                    .compare("internal resistance / ohm", sink.column(r -> r.aux()[0]), ref.number("Internal_Resistance"),
                            1e-9, 1e-7)
                    .compare("AC impedance / ohm", sink.column(r -> r.aux()[1]), ref.number("AC_Impedance"), 1e-9, 1e-7)
                    .compare("ACI phase / deg", sink.column(r -> r.aux()[2]), ref.number("ACI_Phase_Angle"), 1e-9, 1e-7)
                    .compare("dV/dt / V/s", sink.column(r -> r.aux()[3]), ref.number("dV/dt"), 1e-12, 1e-7)
                    .check();
            assertEquals(CounterScope.TEST, sink.metadata.counterScope());
            assertEquals("kigr_pouch1-01-001", sink.metadata.properties().get("test_name"));
            assertEquals("PV7.0 Build: 180508USB", sink.metadata.softwareVersions().get("MITS Pro"));
        }
    }

    @Test
    void aFileThatIsNotAnAccessDatabaseIsRefused() throws Exception {
        Path fake = tmp.resolve("fake.res");
        Files.writeString(fake, "Test_ID,Data_Point\n1,1\n");
        ImportException e = assertThrows(ImportException.class, () -> new ResReader().read(fake, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(fake + ": offset 4"), e.getMessage());
        assertTrue(e.getMessage().contains("not an Access database"), e.getMessage());
    }

    @Test
    void aTruncatedDatabaseIsAnErrorNotACrash() throws Exception {
        Path gz = ReferenceData.require("arbin/battery-data-format/mits7-0.res.gz");
        byte[] whole;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            whole = in.readAllBytes();
        }
        Path cut = tmp.resolve("cut.res");
        Files.write(cut, Arrays.copyOf(whole, 8192));
        ImportException e = assertThrows(ImportException.class, () -> new ResReader().read(cut, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
    }
}
