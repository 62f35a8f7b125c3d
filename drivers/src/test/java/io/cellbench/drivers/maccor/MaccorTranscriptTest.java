package io.cellbench.drivers.maccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's exact JSON lines on a real socket, answered by a scripted MacNet peer. */
@Timeout(120) // a hang guard, not a speed goal
class MaccorTranscriptTest {

    static final String GENERAL = "{\"jsonrpc\":\"2.0\",\"method\":\"MacNet\",\"params\":{\"FClass\":1,\"FNum\":2},\"id\":1}";
    /**
     * The (1,2) reply as Maccor's MacNet help prints it (pages 12–13), over many lines with the
     * comma after the result on a line of its own; only TestChannels (12 there) and the id differ.
     */
    static final String GENERAL_ANSWER = String.join("\r\n",
            "{",
            "  \"jsonrpc\":\"2.0\",",
            "  \"result\":",
            "  {",
            "    \"FClass\":1,",
            "    \"FNum\":2,",
            "    \"SystemID\":\"Win10\",",
            "    \"SystemType\":0,",
            "    \"ControllerBoards\":3,",
            "    \"TestChannels\":4,",
            "    \"AuxBoards\":1,",
            "    \"AuxChannels\":128,",
            "    \"SMB1Pos\":0,",
            "    \"SMB3Pos\":1",
            "  }",
            "  ,",
            "  \"id\":1",
            "}");
    static final String VERSION = request(2, "\"FClass\":1,\"FNum\":1");
    /** The (1,1) reply of the help (page 11). */
    static final String VERSION_ANSWER = answer(2, "\"FClass\":1,\"FNum\":1,\"APIVersion\":1,"
            + "\"MacTest32EXEversionMajor\":3,\"MacTest32EXEversionMinor\":2,\"MacTest32EXEversionBuild\":18,"
            + "\"MacTest32DLLversionMajor\":3,\"MacTest32DLLversionMinor\":2,\"MacTest32DLLversionBuild\":18,"
            + "\"MacTest32ExeDT\":\"2016-11-08T15:02:58\",\"MacTest32DLLDT\":\"2016-11-13T11:29:48\"");

    private final ScriptedMacNet peer = new ScriptedMacNet().expect(GENERAL, GENERAL_ANSWER).expect(VERSION, VERSION_ANSWER);

    /** The (3,1) reply of the help (pages 21–22) for wire channel {@code chan}: Vmax 10 V, range 4 is 5 A. */
    static String spec(int id, int chan) {
        return answer(id, "\"FClass\":3,\"FNum\":1,\"Chan\":" + chan + ",\"TickSpeed\":0.00499999988824129,\"Vmax\":10,"
                + "\"Vmin\":0,\"VSafeMax\":10,\"VSafeMin\":0,\"IR4Chg\":5,\"IR3Chg\":0.150000005960464,"
                + "\"IR2Chg\":0.00499999988824129,\"IR1Chg\":0.000150000007124618,\"IR4Dis\":5,"
                + "\"IR3Dis\":0.150000005960464,\"IR2Dis\":0.00499999988824129,\"IR1Dis\":0.000150000007124618,"
                + "\"ISafeChg\":5,\"ISafeDis\":5,\"PBatSafeChg\":50,\"PBatSafeDis\":50,\"PChanSafeChg\":0,"
                + "\"PChanSafeDis\":0,\"PSVChg\":0,\"PSVDis\":0");
    }

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
                .withTimeout(Duration.ofMillis(500), 0)
                .withLimits(5, 5, 10.5));
    }

    @Test
    void openAsksForTheGeneralInformationAndMakesOneChannelPerTestChannel() throws Exception {
        try (peer) {
            MaccorBank bank = open(peer.start());
            peer.assertComplete();
            assertEquals(4, bank.channelCount());
            assertEquals("maccor-1/3", bank.channel(3).name());
            assertEquals("Maccor MacNet Win10, system type 0, 4 test channels, 128 aux channels", bank.identify());
            assertEquals(List.of(VerifiedFact.ok("system", "Win10, 4 test channels, 128 aux channels"),
                    VerifiedFact.ok("system type", "0 (lab system)"),
                    VerifiedFact.ok("tester software", "MacTest32.exe 3.2.18, MacTest32.dll 3.2.18, MacNet API 1")),
                    bank.systemFacts());
            assertThrows(IllegalArgumentException.class, () -> bank.channel(5));
            bank.close();
        }
    }

    @Test
    void chargeDischargeRestAndCloseInDirectMode() throws Exception {
        peer.expect(request(3, "\"FClass\":3,\"FNum\":1,\"Chan\":2"), spec(3, 2))
                .expect(request(4, "\"FClass\":6,\"FNum\":10,\"Chan\":2,\"VSafeMax\":4.25,\"VSafeMin\":2.45,"
                        + "\"ISafeChg\":10.5,\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"),
                answer(4, "\"FClass\":6,\"FNum\":10,\"Chan\":2,\"VSafeMax\":4.25,\"VSafeMin\":2.45,\"ISafeChg\":10.5,"
                        + "\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"))
                .expect(request(5, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(5, status(2, 0, 0, 3.61)))
                .expect(request(6, "\"FClass\":6,\"FNum\":7,\"Chan\":2,\"TestName\":\"Random\",\"Current\":0.5,"
                                + "\"Voltage\":4.2,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\","
                                + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"),
                        answer(6, "\"FClass\":6,\"FNum\":7,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(7, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(7, status(2, 2, 0.5, 3.9)))
                .expect(request(8, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0.002,\"Voltage\":2.5,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":2,\"ChMode\":\"D\""),
                        answer(8, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(9, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), answer(9, status(2, 2, 0.002, 3.8)))
                // rest: charging at 0 A (pymacnet's way; 'R' over JSON is unverified)
                .expect(request(10, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0,\"Voltage\":5,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\""),
                        answer(10, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(11, "\"FClass\":4,\"FNum\":4,\"Chan\":2"),
                        answer(11, "\"FClass\":4,\"FNum\":4,\"Chan\":2,\"Len\":2,\"AuxValues\":[24.75,101.3]"))
                // close: rest again (the cycler may have been touched), then reset ends the test
                .expect(request(12, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Current\":0,\"Voltage\":5,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\""),
                        answer(12, "\"FClass\":6,\"FNum\":8,\"Chan\":2,\"Result\":\"OK\""))
                .expect(request(13, "\"FClass\":6,\"FNum\":5,\"Chan\":2"),
                        answer(13, "\"FClass\":6,\"FNum\":5,\"Chan\":2,\"Result\":\"OK\""));
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

    /** (6,10) for a 2.5–4.2 V window on channel 1, and its echo. */
    private static final String LIMITS_CHANNEL_1 = "\"FClass\":6,\"FNum\":10,\"Chan\":0,\"VSafeMax\":4.25,"
            + "\"VSafeMin\":2.45,\"ISafeChg\":10.5,\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5";

    /** What comes before channel 1's first (6,7), ids 3–5: its ranges, its safety limits, its status (Available). */
    private ScriptedMacNet beforeTheFirstStartOnChannel1() {
        return peer.expect(request(3, "\"FClass\":3,\"FNum\":1,\"Chan\":0"), spec(3, 0))
                .expect(request(4, LIMITS_CHANNEL_1), answer(4, LIMITS_CHANNEL_1))
                .expect(request(5, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), answer(5, status(0, 0, 0, 3.61)));
    }

    @Test
    void aConstantPowerStepAfterACurrentStepStartsANewDirectTestThatActivatesThePower() throws Exception {
        String ok7 = "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"Result\":\"OK\"";
        String limits = LIMITS_CHANNEL_1;
        beforeTheFirstStartOnChannel1()
                .expect(request(6, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"TestName\":\"Random\",\"Current\":1,"
                        + "\"Voltage\":2.5,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"D\","
                        + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"), answer(6, ok7))
                // Power was not active at that start: end the test, and start one with the power active
                .expect(request(7, "\"FClass\":6,\"FNum\":5,\"Chan\":0"),
                        answer(7, "\"FClass\":6,\"FNum\":5,\"Chan\":0,\"Result\":\"OK\""))
                .expect(request(8, limits), answer(8, limits))
                .expect(request(9, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), answer(9, status(0, 0, 0, 3.5)))
                .expect(request(10, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"TestName\":\"Random\",\"Current\":5,"
                        + "\"Voltage\":2.5,\"Power\":2,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"D\","
                        + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"), answer(10, ok7))
                // a current step later needs no new test: current and voltage were active at its start
                .expect(request(11, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Current\":0.5,\"Voltage\":2.5,"
                        + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"D\""),
                        answer(11, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Result\":\"OK\""));
        try (peer) {
            MaccorBank bank = open(peer.start());
            MaccorChannel ch = bank.channel(1);
            ch.apply(new ChannelCommand.Current(-1, 2.5, 4.2));
            ch.apply(new ChannelCommand.Power(-2, 2.5, 4.2));
            ch.apply(new ChannelCommand.Current(-0.5, 2.5, 4.2));
            peer.assertComplete();
        }
    }

    @Test
    void aStartMacNetRefusesIsReportedWithTheStartsOwnMeaningOfItsResult() throws Exception {
        beforeTheFirstStartOnChannel1()
                .expect(request(6, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"TestName\":\"Random\",\"Current\":0.1,"
                        + "\"Voltage\":4.2,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":3,\"ChMode\":\"C\","
                        + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"),
                        answer(6, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"Result\":3"));
        try (peer) {
            MaccorBank bank = open(peer.start());
            InstrumentException e = assertThrows(InstrumentException.class,
                    () -> bank.channel(1).apply(new ChannelCommand.Current(0.1, 2.5, 4.2)));
            // (6,7) result 3, MacNet help page 47 — not (6,8)'s "sent too fast"
            assertEquals("maccor-1/1: 'StartDirectMode (6,7)': failed creating the pseudo test procedure", e.getMessage());
            peer.assertComplete();
        }
    }

    @Test
    void aMaxCurrentBeyondTheChannelsRangeIsRefusedBeforeDirectModeStarts() throws Exception {
        peer.expect(request(3, "\"FClass\":3,\"FNum\":1,\"Chan\":0"), spec(3, 0));
        try (peer) {
            MaccorBank bank = MaccorBank.open("maccor-1", MaccorSettings.tcp("127.0.0.1", peer.start())
                    .withPacing(Duration.ofMinutes(10), Duration.ofMillis(1)).withTimeout(Duration.ofMillis(500), 0));
            InstrumentException e = assertThrows(InstrumentException.class,
                    () -> bank.channel(1).apply(new ChannelCommand.OpenCircuit()));
            assertEquals("maccor-1/1: 'StartDirectMode (6,7)': max_current 10 A is above the channel's range 4 (5 A);"
                    + " a set point outside the channel's range is ignored by MacNet, so cellbench does not start direct"
                    + " mode", e.getMessage());
            peer.assertComplete();
        }
    }

    @Test
    void aRefusedOutputNamesTheChannelTheFunctionAndTheReason() throws Exception {
        peer.expect(request(3, "\"FClass\":3,\"FNum\":1,\"Chan\":0"), spec(3, 0))
                .expect(request(4, "\"FClass\":6,\"FNum\":10,\"Chan\":0,\"VSafeMax\":4.25,\"VSafeMin\":2.45,"
                        + "\"ISafeChg\":10.5,\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"),
                answer(4, "\"FClass\":6,\"FNum\":10,\"Chan\":0,\"VSafeMax\":4.25,\"VSafeMin\":2.45,\"ISafeChg\":10.5,"
                        + "\"ISafeDis\":10.5,\"PBatSafeChg\":52.5,\"PBatSafeDis\":52.5"))
                .expect(request(5, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), answer(5, status(0, 0, 0, 3.61)))
                .expect(request(6, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"TestName\":\"Random\",\"Current\":0.1,"
                                + "\"Voltage\":4.2,\"Power\":65536,\"Resistance\":0,\"CurrentRange\":3,\"ChMode\":\"C\","
                                + "\"DataTime\":1,\"DataV\":0,\"DataI\":0"),
                        answer(6, "\"FClass\":6,\"FNum\":7,\"Chan\":0,\"Result\":\"OK\""))
                .expect(request(7, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Current\":0.2,\"Voltage\":4.2,"
                                + "\"Power\":65536,\"Resistance\":0,\"CurrentRange\":4,\"ChMode\":\"C\""),
                        answer(7, "\"FClass\":6,\"FNum\":8,\"Chan\":0,\"Result\":3"))
                .expect(request(8, "\"FClass\":4,\"FNum\":7,\"Chan\":0"),
                        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\"},\"id\":8}");
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
        peer.expect(request(3, "\"FClass\":4,\"FNum\":7,\"Chan\":0"), "{\"err\": 1}");
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
        peer.expect(request(3, "\"FClass\":4,\"FNum\":7,\"Chan\":2"), null);
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
