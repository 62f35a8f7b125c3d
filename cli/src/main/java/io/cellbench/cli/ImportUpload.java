package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.influx.InfluxConfig;
import io.cellbench.daq.influx.InfluxRunSink;
import io.cellbench.daq.influx.InfluxSink;
import io.cellbench.daq.run.CellEntry;
import io.cellbench.daq.run.RunReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code import --influx}: the committed run directory sent to InfluxDB through the sink a live
 * run uses ({@link InfluxSink}, spooled in the run directory's influx-spool/ as a live run's is),
 * as the events a live run emits, read back from the files, with an imported file's aux channels
 * as extra fields of its sample points. Sent only once the import is whole, so a file that fails
 * to import sends nothing either.
 */
final class ImportUpload {

    private ImportUpload() {
    }

    /** Sends every cell of {@code run}; true when InfluxDB has all of it. */
    static boolean send(Path run, InfluxConfig config, PrintStream console) throws IOException {
        InfluxConfig spooled = config.withSpoolDirectory(run.resolve("influx-spool"));
        console.println("cellbench import: sending the run to InfluxDB " + spooled.url() + ", database "
                + spooled.database() + " (spool: " + spooled.spoolDirectory() + ")");
        try (BufferAllocator allocator = new RootAllocator(); RunReader reader = RunReader.open(run, allocator)) {
            boolean complete = true;
            InfluxSink live = InfluxSink.builder(spooled).run(reader.manifest().runId())
                    .notices(n -> {
                        if (!n.kind().equals("closed")) {
                            console.println("cellbench: " + n);
                        }
                    }).open();
            try {
                for (CellEntry cell : reader.manifest().cells()) {
                    if (Double.isFinite(cell.startedUnixTimeSecond())) {
                        replay(reader, cell, live);
                    } else {
                        console.println("cellbench import: warning: cell " + cell.id() + " is not sent: its file gives"
                                + " no clock time, and InfluxDB places every point at one");
                        complete = false;
                    }
                }
            } catch (IOException | RuntimeException e) {
                live.close(); // what is spooled stays in influx-spool/
                throw e;
            }
            return InfluxRunSink.drain(live, console::println) && complete;
        }
    }

    private static void replay(RunReader reader, CellEntry cell, InfluxSink live) throws IOException {
        String id = cell.id();
        live.on(new RunEvent.RunStarted(id, cell.startedUnixTimeSecond(), cell.cell(), cell.protocolName(), "", false));
        double[] last = {0};
        // the file's aux channels (temperatures, aux voltages) are extra fields of the same points
        List<Column> aux = reader.sampleAuxColumns(id);
        live.auxFields(id, aux.stream().map(Column::name).toList());
        reader.samples(id, aux, (s, values) -> {
            live.sample(new RunEvent.SampleRecorded(id, s), values);
            last[0] = s.testTimeSecond();
        });
        reader.spectra(id, (index, s) -> live.on(new RunEvent.SpectrumMeasured(id, s)));
        live.on(new RunEvent.RunEnded(id, Double.isNaN(cell.endTestTimeSecond()) ? last[0] : cell.endTestTimeSecond(),
                RunEvent.Outcome.COMPLETED, cell.endMessage()));
    }
}
