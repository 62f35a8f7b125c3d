package io.cellbench.drivers.palmsens;

import io.cellbench.drivers.DriverFactory;
import io.cellbench.drivers.InstrumentConfig;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.SerialSettings;
import io.cellbench.drivers.transport.Terminator;
import io.cellbench.drivers.transport.TransportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code driver: palmsens-methodscript}: a PalmSens potentiostat with MethodSCRIPT firmware
 * (EmStat4, EmStat Pico, Sensit) as an impedance analyzer, optionally behind a PalmSens
 * multiplexer. Settings: see {@link PalmSensSettings#from}.
 */
public final class PalmSensFactory implements DriverFactory {

    public static final String NAME = "palmsens-methodscript";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PalmSens EmStat/Sensit impedance analyzer (MethodSCRIPT over serial, optional multiplexer)";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.EIS_ANALYZER);
    }

    @Override
    public void check(InstrumentConfig config) {
        PalmSensSettings.from(config);
    }

    @Override
    public PalmSensEisAnalyzer open(InstrumentConfig config) {
        return open(config.name(), PalmSensSettings.from(config));
    }

    /**
     * Opens an analyzer named {@code name} with settings made in code. On a serial line, when
     * the configured baud rate gets no MethodSCRIPT answer, the other rate PalmSens documents
     * (921600 for an EmStat4 after firmware 1.1, 230400 for older ones and the EmStat Pico) is
     * tried; the analyzer's {@link PalmSensEisAnalyzer#verified()} says which one answered.
     */
    public static PalmSensEisAnalyzer open(String name, PalmSensSettings settings) {
        if (!(settings.transport() instanceof TransportSettings.Serial serial)) {
            return PalmSensEisAnalyzer.open(framing(name, settings), settings, BaudCheck.TCP);
        }
        SerialSettings line = serial.serial();
        List<Integer> rates = new ArrayList<>(List.of(line.baud()));
        for (int documented : new int[] {DeviceType.FAST_BAUD, DeviceType.SLOW_BAUD}) {
            if (!rates.contains(documented)) {
                rates.add(documented);
            }
        }
        InstrumentException first = null;
        for (int baud : rates) {
            PalmSensSettings at = settings.withTransport(new TransportSettings.Serial(new SerialSettings(line.port(),
                    baud, line.dataBits(), line.parity(), line.stopBits(), line.flowControl())));
            try {
                return PalmSensEisAnalyzer.open(framing(name, at), at, new BaudCheck(line.baud(), baud));
            } catch (LinkDownException e) {
                throw e; // the port itself failed: another speed will not help
            } catch (InstrumentException e) {
                first = first == null ? e : first; // silence or garbage: the speed may be wrong
            }
        }
        throw new InstrumentException(name, "connect", "no MethodSCRIPT answer at " + rates.stream().map(String::valueOf)
                .collect(Collectors.joining(" or ")) + " baud on " + line.port() + " (at " + line.baud() + ": "
                + first.getMessage() + ") — is the device on, and on this port?", first);
    }

    private static LineFraming framing(String name, PalmSensSettings settings) {
        return new LineFraming(name, settings.transport().create(settings.timeout().multipliedBy(2)), Terminator.LF);
    }
}
