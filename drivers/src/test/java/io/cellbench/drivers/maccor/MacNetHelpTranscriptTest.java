package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.maccor.MacNetMessages.DirectOutput;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transcripts built from Maccor's own MacNet help (shared/reference/maccor/pymacnet/
 * macnet_from_maccor_help.pdf), read at test time: the driver's requests are the help's
 * transmit examples, and the help's reply examples — laid out over many lines as printed — are
 * what a scripted tester answers. Pages: (1,1) 10–11, (1,2) 12–13, (3,1) 21–22, (4,4) 30,
 * (4,7) 34, (6,5) 45, (6,7) 47–48, (6,8) 49, (6,10) 50–51.
 */
@Timeout(30)
class MacNetHelpTranscriptTest {

    private static final String TX = "Transmit message";
    private static final String RX = "Reply message";

    /** The help's request as the driver sends it: compact, with the driver's id instead of 1987. */
    private static String asSent(String section, int id) throws JsonProcessingException {
        ObjectNode request = (ObjectNode) MacNetSession.JSON.readTree(MacNetHelp.example(section, TX));
        request.put("id", id);
        return request.toString();
    }

    /** The help's reply as printed, answering request {@code id}. */
    private static String reply(String section, int id) {
        String text = MacNetHelp.example(section, RX);
        assertTrue(text.contains("\"id\":1987"), text);
        return text.replace("\"id\":1987", "\"id\":" + id).stripTrailing();
    }

    @Test
    void theDriversReadsAreTheHelpsRequests_andItReadsTheHelpsRepliesAsPrinted() throws Exception {
        String general = "(1, 2) General system information";
        String version = "(1, 1) Version info";
        String status = "(4, 7) All status and readings of one channel";
        String aux = "(4, 4) Auxiliary input readings";
        String spec = "(3, 1) Channel specification";
        assertTrue(reply(general, 1).lines().count() > 10, "the help lays its replies out over many lines");
        ScriptedMacNet tester = new ScriptedMacNet()
                .expect(asSent(general, 1), reply(general, 1))
                .expect(asSent(version, 2), reply(version, 2))
                .expect(asSent(status, 3), reply(status, 3))      // Chan 3: channel 4
                .expect(asSent(aux, 4), reply(aux, 4))            // Chan 1: channel 2
                .expect(asSent(spec, 5), reply(spec, 5));         // Chan 0: channel 1
        try (tester) {
            MaccorBank bank = MaccorBank.open("maccor-1", MaccorSettings.tcp("127.0.0.1", tester.start())
                    .withPacing(Duration.ofMinutes(10), Duration.ofMillis(1)).withTimeout(Duration.ofSeconds(2), 0)
                    .withLimits(5, 5, 5.25));
            assertEquals("Maccor MacNet Win10, system type 0, 12 test channels, 128 aux channels", bank.identify());
            assertEquals(VerifiedFact.ok("tester software", "MacTest32.exe 3.2.18, MacTest32.dll 3.2.18, MacNet API 1"),
                    bank.systemFacts().get(2));
            MaccorStatus s = bank.channel(4).status();
            assertEquals(new MaccorStatus(4, 4, 0, 2, 15, 10, 0, 0, 0, 0.0062561989761889, "2016-11-14T09:24:08"), s);
            assertEquals("Completed", s.stateName());
            double[] values = bank.channel(2).auxValues();
            assertEquals(8, values.length);
            assertEquals(69.4158401489258, values[0]);
            assertEquals(-0.08390723913908, values[7]);
            assertEquals(VerifiedFact.ok("channel 1 ranges", "Vmin 0 V, Vmax 10 V, range 4: 5 A charge, 5 A discharge"),
                    bank.channel(1).rangeFact());
            tester.assertComplete();
        }
    }

    @Test
    void theDriversCommandsHaveTheHelpsFieldsAndTheirRepliesAreOk() throws Exception {
        // (6,7) with the help's example output: Current 0, Voltage 20, Power 50, Resistance 0, range 4, charge
        assertSameRequest("(6, 7) Start direct mode",
                MacNetMessages.startDirect(3, "Random", new DirectOutput('C', 0, 20, 50, 0, 4), 1.0));
        assertSameRequest("(6, 8) Set direct mode output", MacNetMessages.setDirect(3, new DirectOutput('C', 0.1, 20, 50, 0, 4)));
        assertSameRequest("(6, 5) Reset", MacNetMessages.reset(3));
        for (String section : new String[] {"(6, 7) Start direct mode", "(6, 8) Set direct mode output", "(6, 5) Reset"}) {
            JsonNode r = MacNetSession.JSON.readTree(reply(section, 1987)).path("result");
            assertTrue(MacNetResults.ok(r), section + ": " + r);
        }
        // (6,10): the help's request example lacks the commas between its last six members (page 51),
        // so it is not JSON; its member names are what the driver sends
        String safety = MacNetHelp.example("(6, 10) Set safety", TX);
        assertThrows(JsonProcessingException.class, () -> MacNetSession.JSON.readTree(safety));
        assertEquals(names(safety), MacNetMessages.safetyLimits(3, new MacNetMessages.SafetyLimits(5, 0.1, 4.3, 2.5, 0, 0))
                .properties().stream().map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toCollection(
                        TreeSet::new)));
        JsonNode echo = MacNetSession.JSON.readTree(reply("(6, 10) Set safety", 1987)).path("result");
        assertEquals(0.100000001490116, echo.path("VSafeMin").asDouble()); // a Single, echoed as stored
    }

    /** The driver's params equal the help's example params, member by member (numbers by value). */
    private static void assertSameRequest(String section, ObjectNode params) throws JsonProcessingException {
        JsonNode help = MacNetSession.JSON.readTree(MacNetHelp.example(section, TX)).path("params");
        Set<String> helpNames = new TreeSet<>();
        help.fieldNames().forEachRemaining(helpNames::add);
        Set<String> ours = new TreeSet<>();
        params.fieldNames().forEachRemaining(ours::add);
        assertEquals(helpNames, ours, section);
        for (Iterator<String> it = help.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode expected = help.get(name);
            JsonNode actual = params.get(name);
            if (expected.isNumber()) {
                assertTrue(actual.isNumber() && expected.asDouble() == actual.asDouble(), section + " " + name + ": help "
                        + expected + ", driver " + actual);
            } else {
                assertEquals(expected, actual, section + " " + name);
            }
        }
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\"(\\w+)\"\\s*:").matcher(text.substring(text.indexOf("\"params\"") + 8));
        while (m.find()) {
            if (!m.group(1).equals("id")) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
