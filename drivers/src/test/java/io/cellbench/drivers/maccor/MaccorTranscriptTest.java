package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.InstrumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's exact JSON lines on a real socket, answered by a scripted MacNet peer. */
@Timeout(120) // a hang guard, not a speed goal
class MaccorTranscriptTest {

    static final String GENERAL = "{\"jsonrpc\":\"2.0\",\"method\":\"MacNet\",\"params\":{\"FClass\":1,\"FNum\":2},\"id\":1}";
    static final String GENERAL_ANSWER = "{\"jsonrpc\":\"2.0\",\"result\":{\"FClass\":1,\"FNum\":2,\"SystemID\":\"Win10\","
            + "\"SystemType\":0,\"ControllerBoards\":3,\"TestChannels\":4,\"AuxBoards\":1,\"AuxChannels\":128,"
            + "\"SMB1Pos\":0,\"SMB3Pos\":1},\"id\":1}";

    private final ScriptedMacNet peer = new ScriptedMacNet().expect(GENERAL, GENERAL_ANSWER);

    static String request(int id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"MacNet\",\"params\":{" + params + "},\"id\":" + id + "}";
    }

    static String answer(int id, String result) {
        return "{\"jsonrpc\":\"2.0\",\"result\":{" + result + "},\"id\":" + id + "}";
    }

    static String status(int chan, int stat, double current, double voltage) {
        return "\"FClass\":4,\"FNum\":7,\"Chan\":" + chan + ",\"RF1\":0,\"RF2\":192,\"Stat\":" + stat
                + ",\"LastRecNum\":4225,\"Cycle\":0,\"Step\":5,\"TestTime\":212.2,\"StepTime\":209.9,\"Capacity\":0,"
                + "\"Energy\":0,\"Current\":" + current + ",\"Voltage\":" + voltage + ",\"TesterTime\":\"2022-10-13T12:32:56\"";
    }

    private MaccorBank open(int port) {
        // no keep-alive during a transcript: the feed would add lines at unscripted moments
        return MaccorBank.open("maccor-1", MaccorSettings.tcp("127.0.0.1", port)
                .withPacing(Duration.ofMinutes(10), Duration.ofMillis(1))
                .withTimeout(Duration.ofMillis(500), 0));
    }

    @Test
    void openAsksForTheGeneralInformationAndMakesOneChannelPerTestChannel() throws Exception {
        try (peer) {
            MaccorBank bank = open(peer.start());
            peer.assertComplete();
            assertEquals(4, bank.channelCount());
            assertEquals("maccor-1/3", bank.channel(3).name());
            assertEquals("Maccor MacNet Win10, system type 0, 4 test channels, 128 aux channels", bank.identify());
            assertThrows(IllegalArgumentException.class, () -> bank.channel(5));
            bank.close();
        }
    }

    @Test
    void chargeDischargeRestAndCloseInDirectMode() throws Exception {
        peer.expect(request(2, "\"FClass\":6,\"FNum\":10,\"Chan\":2,\"VSafeMax\":4.25,\"VSafeMin\":2.45,"
                        + "\"ISafeChg\":10.5,\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"),
                answer(2, "\"FClass\":6,\"FNum\":10,\"Chan\":2,\"VSafeMax\":4.25,\"VSafeMin\":2.45,\"ISafeChg\":10.5,"
                        + "\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"))
                .expect(request(3, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(3, status(2, 0, 0, 3.61)))
                .expect(request(4, "\"FClass\":6,\"FNum\":7,\"Chan\":2,\"TestName\":\"Random\",\"Current\":0.5,"
                                + "\"Voltage\":4.2,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\","
                                + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"),
                        answer(4, "\"FClass\":6,\"FNum\":7,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(5, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(5, status(2, 2, 0.5, 3.9)))
                .expect(request(6, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0.002,\"Voltage\":2.5,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":2,\"ChMode\":\"D\""),
                        answer(6, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(7, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(7, status(2, 2, 0.002, 3.8)))
                .expect(request(8, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0,\"Voltage\":0,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"R\""),
                        answer(8, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(9, "\"FClass\":4,\"FNum\":4,\"Chan\":2"),
                        answer(9, "\"FClass\":4,\"FNum\":4,\"Chan\":2,\"Len\":2,\"AuxValues\":[24.75,101.3]"))
                // close: rest again (the cycler may have been touched), then reset ends the test
                .expect(request(10, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0,\"Voltage\":0,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"R\""),
                        answer(10, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(11, "\"FClass\":6,\"FNum\":5,\"Chan\":2"),
                        answer(11, "\"FClass\":6,\"FNum\":5,\"Chan\":2,\"Result\":\"OK\""));
        try (peer) {
            MaccorBank bank = open(peer.start());
            MaccorChannel ch = bank.channel(3);
            ch.apply(new ChannelCommand.Current(0.5, 2.5, 4.2));
            ChannelReading charging = ch.read();
            assertEquals(new ChannelReading(3.9, 0.5, Double.NaN), charging);
            ch.apply(new ChannelCommand.Current(-0.002, 2.5, 4.2));
            assertEquals(-0.002, ch.read().currentAmpere(), "discharge current is negative whatever MacNet reports");
            ch.apply(new ChannelCommand.OpenCircuit());
            assertArrayEquals(new double[] {24.75, 101.3}, ch.auxValues());
            bank.close();
            peer.assertComplete();
        }
    }

    @Test
    void aRefusedOutputNamesTheChannelTheFunctionAndTheReason() throws Exception {
        peer.expect(request(2, "\"FClass\":6,\"FNum\":10,\"Chan\":0,\"VSafeMax\":4.25,\"VSafeMin\":2.45,"
                        + "\"ISafeChg\":10.5,\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"),
                answer(2, "\"FClass\":6,\"FNum\":10,\"Chan\":0,\"VSafeMax\":4.25,\"VSafeMin\":2.45,\"ISafeChg\":10.5,"
                        + "\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"))
                .expect(request(3, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), answer(3, status(0, 0, 0, 3.61)))
                .expect(request(4, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"TestName\":\"Random\",\"Current\":0.1,"
                                + "\"Voltage\":4.2,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":3,\"ChMode\":\"C\","
                                + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"),
                        answer(4, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"Result\":\"OK\""))
                .expect(request(5, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Current\":0.2,\"Voltage\":4.2,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\""),
                        answer(5, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Result\":3"))
                .expect(request(6, "\"FClass\":4,\"FNum\":7,\"Chan\":0"),
                        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\"},\"id\":6}");
        try (peer) {
            MaccorBank bank = open(peer.start());
            MaccorChannel ch = bank.channel(1);
            ch.apply(new ChannelCommand.Current(0.1, 2.5, 4.2));
            InstrumentException tooFast = assertThrows(InstrumentException.class,
                    () -> ch.apply(new ChannelCommand.Current(0.2, 2.5, 4.2)));
            assertEquals("maccor-1/1: 'SetDirectOutput (6,8)': command sent too fast (MacNet needs 100 ms between"
                    + " commands; raise command_interval)", tooFast.getMessage());
            MacNetErrorException error = assertThrows(MacNetErrorException.class, ch::read);
            assertEquals("maccor-1/1: 'ReadStatus (4,7)': MacNet error -32602: Invalid params", error.getMessage());
            assertEquals(-32602, error.code());
            peer.assertComplete();
        }
    }

    @Test
    void anAnswerWithoutResultOrErrorIsReportedAsIs() throws Exception {
        peer.expect(request(2, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), "{\"err\": 1}");
        try (peer) {
            MaccorBank bank = open(peer.start());
            InstrumentException e = assertThrows(InstrumentException.class, () -> bank.channel(1).read());
            assertEquals("maccor-1/1: 'ReadStatus (4,7)': answer has neither 'result' nor 'error': '{\"err\": 1}'",
                    e.getMessage());
            peer.assertComplete();
        }
    }

    @Test
    void aSilentCyclerGivesAClearErrorWithinTheTimeout() throws Exception {
        peer.expect(request(2, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), null);
        try (peer) {
            int port = peer.start();
            MaccorBank bank = open(port);
            // bounded, not hung: the read returns (the class's @Timeout is the hang guard) with the timeout's error
            InstrumentException e = assertThrows(InstrumentException.class, () -> bank.channel(3).read());
            assertEquals("maccor-1/3: 'ReadStatus (4,7)': no answer within 500 ms on tcp 127.0.0.1:" + port,
                    e.getMessage());
            peer.assertComplete();
        }
    }
}
