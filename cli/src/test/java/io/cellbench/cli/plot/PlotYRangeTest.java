package io.cellbench.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot --y-range NAME=MIN:MAX} from the command line, on the demo: every kind but nyquist
 * takes it for the panels it names, and every mistake is one line on stderr, exit code 2 (as the
 * other options' mistakes), no stack trace and no image. The axis it sets, and the samples kept
 * outside it, are checked on the figure itself by YRangePlotTest (plot module).
 */
class PlotYRangeTest {
    @TempDir
    static Path tmp;
    static final Path demo = RecordedDemo.path();

    @Test
    void everyKindButNyquistTakesTheNamesOfItsPanels() {
        List<List<String>> asked = List.of(
                List.of("voltage", "voltage=2.8:4.4"),
                List.of("capacity", "capacity=0:3", "efficiency=95:101"),
                List.of("bode", "impedance=10:1000", "phase=0:90"),
                List.of("dqdv", "dqdv=-20:20"),
                List.of("drt", "gamma=0:100"),
                List.of("resistance", "resistance=1:2000 Ohm"),
                List.of("time", "voltage=2.5:4.3", "current=-1mA:1mA", "pressure=0:"));
        for (List<String> a : asked) {
            Path png = tmp.resolve(a.getFirst() + ".png");
            Stream<Object> args = Stream.of("plot", demo, "--cell", "coin-60MPa", "--kind", a.getFirst(), "-o", png);
            for (String r : a.subList(1, a.size())) {
                args = Stream.concat(args, Stream.of("--y-range", r));
            }
            Cellbench.Outcome o = Cellbench.run(args.toArray());
            assertEquals(0, o.code(), a + ": " + o.err());
            assertTrue(Files.exists(png), a.toString());
        }
    }

    private static String refused(Object... args) {
        String said = Cellbench.plotRefused(tmp.resolve("refused.png"), args).strip();
        System.out.println(said);
        assertEquals(1, said.lines().count(), "one line: " + said);
        return said;
    }

    @Test
    void aRecordedQuantityThatWasNotDrawnIsRefusedSayingHowToDrawIt() {
        // was: "… the time plot has no panel 'current'; choose from voltage", which did not say that
        // current was recorded and --y draws it
        assertEquals("error: --y-range current=-1mA:1mA: the time plot has no panel 'current': current was recorded"
                + " but not drawn; draw it with --y voltage,current", refused(demo, "--kind", "time", "--cell",
                "coin-60MPa", "--y", "voltage", "--y-range", "current=-1mA:1mA"));
        // without --y the default panels are drawn, power (V × I) only on request
        assertEquals("error: --y-range power=0:1: the time plot has no panel 'power': power was recorded but not"
                + " drawn; draw it with --y voltage,current,pressure,temperature,power", refused(demo, "--kind", "time",
                "--cell", "coin-60MPa", "--y-range", "power=0:1"));
    }

    @Test
    void mistakesAreOneLineSayingWhatToWrite() {
        assertEquals("error: --y-range presure=0:1: the time plot has no panel 'presure'; choose from voltage, current,"
                + " pressure, temperature", refused(demo, "--kind", "time", "--cell", "coin-60MPa", "--y-range", "presure=0:1"));
        assertEquals("error: --y-range voltage=4.3:2.5: the lower end 4.3 is not below the upper end 2.5; write"
                + " voltage=MIN:MAX with MIN < MAX", refused(demo, "--kind", "time", "--y-range", "voltage=4.3:2.5"));
        assertTrue(refused(tmp.resolve("no-such-run"), "--kind", "time", "--y-range", "voltage=2.5-4.3")
                .startsWith("error: --y-range voltage=2.5-4.3: write NAME=MIN:MAX"), "refused before the run is looked for");
        assertTrue(refused(demo, "--kind", "time", "--y-range", "voltage=2.5:four")
                .contains("'four' is not a number or a quantity"));
        assertEquals("error: --y-range impedance=0:100: the impedance axis is logarithmic, so its lower end must be above"
                + " 0, not 0 Ω; give a positive MIN", refused(demo, "--kind", "bode", "--cell", "coin-60MPa",
                "--y-range", "impedance=0:100"));
        assertEquals("error: --y-range efficiency=99V:101V: the efficiency axis is in %, which takes no unit conversion;"
                + " give plain numbers in %", refused(demo, "--kind", "capacity", "--y-range", "efficiency=99V:101V"));
        assertTrue(refused(demo, "--kind", "nyquist", "--y-range", "impedance=0:100")
                .startsWith("error: --y-range sets the y axis of the other plots, not nyquist"));
    }
}
