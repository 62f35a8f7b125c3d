package io.cellbench.schedules.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.YamlNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabLoaderTest {

    static final String LAB = """
            lab: room 2.14
            instruments:
              smu-1:
                driver: keithley-2450
                host: 192.168.1.21
                max_current: 100 mA
              smu-2:
                driver: keithley-2450
                transport: serial
                serial_port: /dev/ttyUSB0
                baud: 19200
            channels:
              left: smu-1
              right: smu-2
            """;

    @Test
    void aLabFileGivesInstrumentsInFileOrderWithTheirSettingsAndWhereTheyWereWritten() {
        LabFile lab = LabLoader.parse(LAB, "lab.yaml");
        assertEquals("room 2.14", lab.name());
        assertEquals(List.of("smu-1", "smu-2"), List.copyOf(lab.instruments().keySet()));
        LabInstrument smu = lab.instruments().get("smu-2");
        assertEquals("keithley-2450", smu.driver().name());
        assertEquals("lab.yaml:7:3", smu.config().origin());
        assertEquals(Map.of("transport", "serial", "serial_port", "/dev/ttyUSB0", "baud", "19200"), smu.config().settings());
        assertEquals(new ChannelRef("smu-1", 0, null).text(), lab.channel("left").text());
        assertEquals("smu-2", lab.channel("smu-2").instrument(), "an instrument is its own channel");
        assertNull(lab.channel("smu-3"));
        assertTrue(LabLoader.looksLikeLab(YamlDocument.parse(LAB, "lab.yaml").root()));
    }

    @Test
    void anUnknownDriverIsShownWithTheDriversThatExist() {
        ProtocolException e = error("""
                instruments:
                  smu-1:
                    driver: keithley-2405
                    host: 10.0.0.1
                """);
        assertEquals("""
                lab.yaml:3:13: error: unknown driver 'keithley-2405'
                        driver: keithley-2405
                                ^^^^^^^^^^^^^
                  hint: did you mean 'keithley-2450'? drivers on this installation:\s"""
                + String.join(", ", io.cellbench.drivers.Drivers.all().keySet()), e.getMessage());
    }

    @Test
    void aDriversComplaintPointsAtTheSettingsLine() {
        ProtocolException e = error("""
                instruments:
                  smu-1:
                    driver: keithley-2450
                    host: 10.0.0.1
                    port: 70000
                """);
        assertEquals(5, e.line());
        assertEquals(11, e.column());
        assertTrue(e.getMessage().startsWith("lab.yaml:5:11: error: instrument 'smu-1' (keithley-2450): setting 'port'"
                + " must be between 1 and 65535, got 70000\n        port: 70000\n              ^^^^^"), e.getMessage());
        assertTrue(e.getMessage().contains("hint: see docs/drivers.md, 'keithley-2450'"), e.getMessage());
    }

    @Test
    void aMissingSettingPointsAtTheInstrument() {
        ProtocolException e = error("""
                instruments:
                  smu-1:
                    driver: keithley-2450
                    transport: serial
                """);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("setting 'serial_port' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("hint: add 'serial_port: …' under 'smu-1'"), e.getMessage());
    }

    @Test
    void aNestedSettingIsFoundInsideItsMapping() {
        // a Modbus driver names register fields so: "registers.force.type"
        YamlDocument doc = YamlDocument.parse("""
                press:
                  driver: nested
                  registers:
                    force: {function: input, address: 0, type: float33}
                """, "lab.yaml");
        YamlNode.Mapping entry = (YamlNode.Mapping) ((YamlNode.Mapping) doc.root()).entries().get(0).value();
        assertEquals(4, LabLoader.find(entry, "registers.force.type").line());
        assertEquals(48, LabLoader.find(entry, "registers.force.type").column(), "at float33");
        assertEquals(3, LabLoader.find(entry, "registers").line(), "a mapping is pointed at by its key");
        assertEquals(4, LabLoader.find(entry, "registers.force.scale").line(), "not written: its parent");
        assertEquals(entry, LabLoader.find(entry, "area"), "not written at all: the entry");
    }

    @Test
    void mistakesInTheFilesShapeAreLocated() {
        assertProblem("""
                lab: x
                instrument:
                  smu-1: {driver: keithley-2450, host: a}
                """, 2, "unknown key 'instrument'");
        assertProblem("""
                instruments:
                  smu-1:
                    host: a
                """, 2, "instrument 'smu-1' has no 'driver'");
        assertProblem("""
                instruments:
                  smu 1: {driver: keithley-2450, host: a}
                """, 2, "'smu 1' cannot be the name of an instrument");
        assertProblem("""
                instruments:
                  smu-1: {driver: keithley-2450, host: a}
                channels:
                  a: smu-2
                """, 4, "no instrument 'smu-2' in this lab file");
        assertProblem("""
                instruments:
                  smu-1: {driver: keithley-2450, host: a}
                channels:
                  a: smu-1/x
                """, 4, "'smu-1/x' is not a channel");
        assertProblem("""
                instruments:
                  smu-1: {driver: keithley-2450, host: a}
                  smu-1: {driver: keithley-2450, host: b}
                """, 3, "instrument 'smu-1' is listed twice");
        assertProblem("""
                instruments:
                  smu-1: {driver: keithley-2450, host: }
                """, 2, "'smu-1.host' has no value");
    }

    @Test
    void aVirtualLabInScaledTimeSaysItsSpeedAndWhereItsTimeStood() {
        LabFile lab = LabLoader.parse("""
                lab: virtual lab
                virtual_time:
                  speed: 100
                  since: "2026-11-22T18:00:00.000Z"
                  lab_time: "2026-11-22T18:00:10.500Z"
                instruments:
                  smu-1: {driver: keithley-2450, host: 127.0.0.1}
                """, "lab.yaml");
        VirtualTime t = lab.virtualTime();
        assertEquals(100, t.speed());
        assertEquals(java.time.Instant.parse("2026-11-22T18:00:00Z").getEpochSecond(), t.wallUnixSecond(), 1e-6);
        assertEquals(t.wallUnixSecond() + 10.5, t.labUnixSecond(), 1e-6);
        assertNull(LabLoader.parse(LAB, "lab.yaml").virtualTime(), "real instruments live in real time");
        assertEquals(1, VirtualTime.speed(null));
        // the clock a run lives in keeps the file's scale: 100 lab seconds a second, from lab_time at since
        double wall = System.currentTimeMillis() / 1000.0;
        double lab0 = VirtualTime.clock(t).nowUnixSeconds();
        assertEquals(t.labUnixSecond() + (wall - t.wallUnixSecond()) * 100, lab0, 100 * 0.05);
    }

    @Test
    void virtualTimeMistakesAreLocated() {
        String instruments = "instruments:\n  smu-1: {driver: keithley-2450, host: 127.0.0.1}\n";
        assertProblem("virtual_time: 100\n" + instruments, 1, "'virtual_time' needs 'speed', 'since' and 'lab_time'");
        assertProblem("virtual_time: {speed: 100, since: \"2026-11-22T18:00:00Z\"}\n" + instruments, 1,
                "'virtual_time' has no 'lab_time'");
        assertProblem("virtual_time: {speed: fast, since: \"2026-11-22T18:00:00Z\", lab_time: \"2026-11-22T18:00:00Z\"}\n"
                + instruments, 1, "'virtual_time.speed' must be a number from 0.01 to 1000000");
        assertProblem("virtual_time: {speed: 0, since: \"2026-11-22T18:00:00Z\", lab_time: \"2026-11-22T18:00:00Z\"}\n"
                + instruments, 1, "'virtual_time.speed' must be a number");
        assertProblem("virtual_time: {speed: 10, since: yesterday, lab_time: \"2026-11-22T18:00:00Z\"}\n"
                + instruments, 1, "'virtual_time.since' must be a UTC time such as 2026-11-22T18:02:11.123Z, got"
                + " 'yesterday'");
        assertProblem("virtual_time: {speed: 10, since: \"2026-11-22T18:00:00Z\", lab_time: \"2026-11-22T18:00:00Z\","
                + " sped: 3}\n" + instruments, 1, "unknown key 'virtual_time.sped'");
    }

    private static void assertProblem(String yaml, int line, String problem) {
        ProtocolException e = error(yaml);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    private static ProtocolException error(String yaml) {
        return assertThrows(ProtocolException.class, () -> LabLoader.parse(yaml, "lab.yaml"));
    }
}
