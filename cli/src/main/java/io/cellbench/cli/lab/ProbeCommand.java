package io.cellbench.cli.lab;

import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerBank;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.Instrument;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.ProgramStatus;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.core.time.SystemLabClock;
import io.cellbench.schedules.lab.ChannelRef;
import io.cellbench.schedules.lab.Lab;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabInstrument;
import io.cellbench.schedules.lab.LabLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Check that an instrument of a lab file answers.",
            "Connects through its driver, identifies it, says what the driver verified on the device,",
            "takes one reading (a channel's voltage and current, a fixture's pressure, a chamber's",
            "temperature; an impedance analyzer is only identified), then closes it.",
            "The instrument is opened as a run opens it (a keithley-2450 is reset and left at rest), so an",
            "instrument (or channel) a run is using is refused, naming the run: \"held by run DIR (pid N)\".",
            "A channel of a multi-channel cycler in use by a run on another channel is read without a command."},
        footer = {"", "Examples:",
            "  cellbench probe --lab lab.yaml smu-1        an instrument",
            "  cellbench probe --lab lab.yaml bank/3       channel 3 of a multi-channel cycler",
            "  cellbench probe --lab lab.yaml left         a channel named in the lab file's channels:",
            "", "Exit status: 0 when it answered, 2 for a bad lab file or name, 3 when the instrument failed."})
public final class ProbeCommand implements Callable<Integer> {
    static final int INSTRUMENT = 3;
    static final int BAD_INPUT = 2;

    @Option(names = "--lab", paramLabel = "LAB", required = true, description = "The lab file (YAML).")
    Path lab;

    @Parameters(index = "0", paramLabel = "NAME", description = "An instrument or channel of the lab file.")
    String name;

    @Override
    public Integer call() {
        LabFile file = LabLoader.load(lab);
        PrintStream out = System.out;
        LabInstrument entry = file.instruments().get(name);
        ChannelRef channel = entry == null ? file.channel(name) : null;
        if (entry == null && channel == null) {
            System.err.println("error: '" + name + "' is neither an instrument nor a channel of " + lab
                    + "; instruments: " + String.join(", ", file.instruments().keySet())
                    + (file.channels().isEmpty() ? "" : "; channels: " + String.join(", ", file.channels().keySet())));
            return BAD_INPUT;
        }
        LabInstrument target = entry != null ? entry : file.instruments().get(channel.instrument());
        out.println("probing " + name + (channel != null && !channel.text().equals(name) ? " = " + channel.text() : "")
                + " (" + target.driver().name() + ", " + target.config().origin() + ")");
        long t0 = System.nanoTime();
        try (Lab l = new Lab(file, new SystemLabClock(), w -> System.err.println("warning: " + w), "probe")) {
            if (channel != null && channel.delegated()) {
                NativeProgramChannel c = l.programChannel(name);
                out.println("  identify: " + c.identify());
                printVerified(out, c);
                ProgramStatus s = c.status();
                out.println("  program:  " + s.cyclerState() + (s.step() < 0 ? "" : ", step " + s.step() + " (" + s.stepType()
                        + "), cycle " + s.cycle()) + String.format(Locale.ROOT, ", %.4f V, %.6f A", s.voltageVolt(),
                        s.currentAmpere()));
            } else if (channel != null) {
                CyclerChannel c = l.channel(name);
                out.println("  identify: " + c.identify());
                printVerified(out, c);
                out.println("  reading:  " + reading(c.read()));
            } else {
                Instrument i = l.instrument(name);
                out.println("  identify: " + i.identify());
                printVerified(out, i);
                out.println(reading(i));
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("error: probe " + name + " (" + target.driver().name() + "): "
                    + message.replaceAll("\\s*\\R\\s*", " "));
            return INSTRUMENT;
        }
        out.printf(Locale.ROOT, "ok: %s answered (%.0f ms, connecting included)%n", name, (System.nanoTime() - t0) / 1e6);
        return 0;
    }

    /** What the driver checked on the device; a mismatch is a warning on stderr as well. */
    private static void printVerified(PrintStream out, Instrument i) {
        for (VerifiedFact fact : i.verified()) {
            out.println("  " + fact.what() + ": " + fact.value() + (fact.isWarning() ? "  WARNING: " + fact.warning() : ""));
            if (fact.isWarning()) {
                System.err.println("warning: " + i.name() + ": " + fact.what() + ": " + fact.warning());
            }
        }
    }

    private static String reading(Instrument i) {
        return switch (i) {
            case CyclerBank b -> "  channels: " + b.channelCount() + "; channel 1: " + reading(b.channel(1).read());
            case CyclerChannel c -> "  reading:  " + reading(c.read());
            case PressureFixture f -> String.format(Locale.ROOT, "  pressure: %.3f MPa%s", f.readPressurePa() / 1e6,
                    f.canSetPressure() ? " (motorised)" : "");
            case TemperatureChamber t -> String.format(Locale.ROOT, "  temperature: %.2f °C (setpoint %.2f °C)",
                    t.readTemperatureCelsius(), t.setpointCelsius());
            case EisAnalyzer a -> "  (an impedance analyzer: identified only, no sweep)";
            default -> "  (no reading for this kind of instrument)";
        };
    }

    private static String reading(ChannelReading r) {
        String temperature = Double.isNaN(r.temperatureCelsius()) ? ""
                : String.format(Locale.ROOT, ", %.1f °C", r.temperatureCelsius());
        if (r.disconnected()) {
            // a channel that rests with its relay open (Keithley rest: open-relay) cannot measure the cell
            return "not measured: the channel rests with the cell disconnected (relay open), 0 mA" + temperature;
        }
        return String.format(Locale.ROOT, "%.4f V, %.6f mA%s", r.voltageVolt(), r.currentAmpere() * 1e3, temperature);
    }
}
