package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.drivers.palmsens.Multiplexer;
import io.cellbench.drivers.palmsens.PalmSensEisAnalyzer;
import io.cellbench.drivers.palmsens.PalmSensFactory;
import io.cellbench.drivers.palmsens.PalmSensSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo-style protocol with three impedance sweeps, run twice on the same simulated coin cell:
 * once with the in-process analyzer, once with the sweeps going through the
 * palmsens-methodscript driver over a real pty to the MethodSCRIPT simulator (the cycler channel
 * is the in-process one in both). The recorded spectra must agree within the analyzers' noise,
 * at the same test times, and the cycling around them must not notice the difference.
 */
class PalmSensEisRunTest {
    private static final double T0 = 1_700_000_000;
    /** Both analyzers add 0.2 % of |Z| to each part: 7 σ of the difference. */
    private static final double TOLERANCE = 7 * Math.sqrt(2) * 0.002;

    private static final String PROTOCOL = """
            name: impedance around a C/5 cycle
            limits:
              voltage: [1.8 V, 3.8 V]
              current: [-5 mA, 5 mA]
            logging:
              period: 60 s
              voltage_change: 10 mV
              sample_period: 1 s
            steps:
              - Rest for 1 hour
              - EIS from 100 kHz to 100 mHz at 10 mV, 5 points per decade
              - Charge at C/5 until 3.7 V then hold until C/20
              - Rest for 30 minutes
              - EIS from 100 kHz to 100 mHz at 10 mV, 5 points per decade
              - Discharge at C/5 until 1.9 V
              - Rest for 30 minutes
              - EIS from 100 kHz to 100 mHz at 10 mV, 5 points per decade
            """;

    @TempDir
    Path dir;

    private static SimulatedBench bench(LabClock clock) {
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 42, 10e6, clock);
        bench.cell().completeFormation();
        bench.cell().restAt(0.3);
        return bench;
    }

    private static RecordingListener run(SimulatedBench bench, LabClock clock,
                                         java.util.function.UnaryOperator<CellSetup.Builder> eis) {
        Protocol protocol = ProtocolLoader.parse(PROTOCOL, "eis.yaml");
        RecordingListener events = new RecordingListener();
        Outcome outcome = new ProtocolRunner(eis.apply(
                CellSetup.builder(bench.cellInfo(), protocol, bench.channel(), clock, events)).build()).run();
        assertEquals(Outcome.COMPLETED, outcome, () -> events.ended().message());
        return events;
    }

    private static List<Spectrum> spectra(RecordingListener events) {
        return events.of(RunEvent.SpectrumMeasured.class).stream().map(RunEvent.SpectrumMeasured::spectrum).toList();
    }

    @Test
    void spectraThroughTheDriverMatchTheInProcessAnalyzer() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            VirtualClock localClock = new VirtualClock(T0);
            SimulatedBench local = bench(localClock);
            RecordingListener localEvents = run(local, localClock, b -> b.eis(local.eis(), 0));

            SharedVirtualClock wireClock = new SharedVirtualClock(T0);
            SimulatedBench wired = bench(wireClock);
            try (SocatPair pair = SocatPair.start(dir);
                 MethodScriptSimulator sim = new MethodScriptSimulator("palmsens-run", Map.of(1, wired.cell()), wireClock, 1)) {
                sim.startSerial(pair.instrumentEnd());
                try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-1", PalmSensSettings
                        .serial(pair.driverEnd().toString()).withMultiplexer(Multiplexer.MUX8_R2, 1))) {
                    RecordingListener wireEvents = run(wired, wireClock, b -> b.eis(eis, 1));

                    List<Spectrum> expected = spectra(localEvents);
                    List<Spectrum> got = spectra(wireEvents);
                    assertEquals(3, expected.size());
                    assertEquals(3, got.size());
                    for (int s = 0; s < 3; s++) {
                        assertEquals(expected.get(s).testTimeSecond(), got.get(s).testTimeSecond(), 1e-6, "spectrum " + s);
                        assertEquals(expected.get(s).cycleCount(), got.get(s).cycleCount());
                        List<ImpedancePoint> e = expected.get(s).points();
                        List<ImpedancePoint> g = got.get(s).points();
                        assertEquals(31, g.size());
                        for (int i = 0; i < e.size(); i++) {
                            ImpedancePoint a = e.get(i);
                            ImpedancePoint b = g.get(i);
                            assertEquals(a.frequencyHz(), b.frequencyHz(), a.frequencyHz() * 1e-5);
                            double tolerance = TOLERANCE * Math.hypot(a.zRealOhm(), a.zImagOhm());
                            if (Math.abs(a.zRealOhm() - b.zRealOhm()) > tolerance
                                    || Math.abs(a.zImagOhm() - b.zImagOhm()) > tolerance) {
                                throw new AssertionError("spectrum " + s + " point " + i + ": in process " + a
                                        + ", through the driver " + b);
                            }
                        }
                    }
                    // the sweeps took the same lab time: the cycling around them is the same run
                    List<Sample> ls = localEvents.samples();
                    List<Sample> ws = wireEvents.samples();
                    assertEquals(ls.size(), ws.size(), "samples");
                    Sample lastLocal = ls.get(ls.size() - 1);
                    Sample lastWire = ws.get(ws.size() - 1);
                    assertEquals(lastLocal.testTimeSecond(), lastWire.testTimeSecond(), 1e-6);
                    assertEquals(lastLocal.voltageVolt(), lastWire.voltageVolt(), 1e-3);
                    assertEquals(3, sim.scripts().size());
                }
            }
        });
    }
}
