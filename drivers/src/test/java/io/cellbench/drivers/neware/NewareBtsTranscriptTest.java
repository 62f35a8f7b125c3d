package io.cellbench.drivers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramState;
import io.cellbench.core.instrument.ProgramStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neware-bts driver against the exact bytes a real BTS 8.0 server sent
 * (reference/neware/aurora-neware/responses), each answering the request the README says it
 * answered; the driver's requests must contain what aurora-neware's did.
 */
@Timeout(60)
class NewareBtsTranscriptTest {
    static final String CH1 = "<inquire ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\" subdevid=\"1\" chlid=\"1\"";
    static final String CH2 = "<inquire ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\" subdevid=\"1\" chlid=\"2\"";
    static final String CH4 = "<inquire ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\" subdevid=\"1\" chlid=\"4\"";

    @TempDir
    Path dir;

    static NewareBts open(ScriptedBts peer) throws Exception {
        NewareBtsSettings s = NewareBtsSettings.tcp("127.0.0.1", peer.start()).withTimeout(Duration.ofSeconds(5), 0);
        return NewareBts.open("nw", new NewareBtsSettings(s.transport(), s.timeout(), 0, s.username(), s.password(),
                null, null, s.backupDir(), s.downloadChunk(), ZoneOffset.UTC));
    }

    static ScriptedBts opened() throws Exception {
        return new ScriptedBts().login().expect("<cmd>getdevinfo</cmd>", "getdevinfo.xml");
    }

    @Test
    void openLogsInAndReadsTheChannelMap() throws Exception {
        try (ScriptedBts peer = opened(); NewareBts bts = open(peer)) {
            peer.assertComplete();
            assertEquals(16, bts.addresses().size());
            assertEquals("27-21-1-1", bts.addresses().getFirst().text());
            assertEquals("27-21-2-8", bts.addresses().getLast().text());
            assertEquals("nw/27-21-2-3", bts.channel("27-21-2-3").name());
            assertTrue(bts.identify().contains("16 channels"), bts.identify());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bts.channel("27-21-3-1"));
            assertTrue(e.getMessage().contains("has no channel 27-21-3-1"), e.getMessage());
            assertTrue(bts.verified().stream().anyMatch(f -> f.value().equals("127.0.0.1:3306")), bts.verified().toString());
        }
    }

    @Test
    void aServerWithoutChannelsIsRefusedAtOpen() throws Exception {
        try (ScriptedBts peer = new ScriptedBts().login().expect("<cmd>getdevinfo</cmd>", "getdevinfo-no-channels.xml")) {
            InstrumentException e = assertThrows(InstrumentException.class, () -> open(peer));
            assertTrue(e.getMessage().contains("BTS reports no channels"), e.getMessage());
        }
    }

    @Test
    void statusReadsAWorkingAndAFinishedChannelWithDashesForMissingValues() throws Exception {
        try (ScriptedBts peer = opened().expect("<cmd>inquire</cmd><list count = \"1\">" + CH2, "inquire-21-1-2.xml")
                .expect("<cmd>inquire</cmd><list count = \"1\">" + CH1, "inquire-21-1-1.xml")
                .expect("<cmd>getchlstatus</cmd><list count = \"1\">", "getchlstatus-21-1-1.xml");
             NewareBts bts = open(peer)) {
            ProgramStatus working = bts.channel("27-21-1-2").status();
            assertEquals(new ProgramStatus(ProgramState.RUNNING, "working", 4, 44, "dc", 4.6947, -0.0003, 0.001,
                    3189199.3, 12319), working);
            ProgramStatus finished = bts.channel("27-21-1-1").status();
            assertEquals(ProgramState.FINISHED, finished.state());
            assertEquals(-1, finished.step(), "no step_id in the reply");
            assertEquals("", finished.stepType(), "'--' is no value");
            assertEquals(3.8834, finished.voltageVolt());
            assertEquals("finish", bts.channel("27-21-1-1").workstatus());
            peer.assertComplete();
        }
    }

    @Test
    void recordsCountAndDownloadFromAPositionWithStepTimesAndBtsUnits() throws Exception {
        try (ScriptedBts peer = opened()
                .expect("<cmd>inquiredf</cmd><list count = \"1\"><chl devtype=\"27\" devid=\"21\" subdevid=\"1\""
                        + " chlid=\"1\" testid=\"0\" />", "inquiredf-21-1-1.xml")
                .expect("<cmd>download</cmd><download devtype=\"27\" devid=\"21\" subdevid=\"1\" chlid=\"1\" auxid=\"0\""
                        + " testid=\"0\" startpos=\"219576\" count=\"1000\"/>", "download-21-1-1.xml")
                .expect("<cmd>downloadStepLayer</cmd><downloadStepLayer devtype=\"27\" devid=\"21\" subdevid=\"1\""
                        + " chlid=\"1\" />", "downloadStepLayer-21-1-1.xml")
                .expect("<cmd>downloadlog</cmd><download devtype=\"27\" devid=\"21\" subdevid=\"1\" chlid=\"1\""
                        + " testid=\"143\"/>", "downloadlog-21-1-1.xml");
             NewareBts bts = open(peer)) {
            NewareBtsChannel ch = bts.channel("27-21-1-1");
            assertEquals(219585, ch.recordCount());
            List<ProgramRecord> records = ch.records(219576, 5000);
            assertEquals(10, records.size(), "the server had 10 more: one request, fewer than asked");
            assertEquals(143, ch.testId(), "the test is followed from now on");
            ProgramRecord first = records.getFirst();
            double atime = LocalDateTime.of(2025, 12, 28, 22, 29, 5).toEpochSecond(ZoneOffset.UTC);
            assertEquals(new ProgramRecord(219576, 24, 29, "dc", 36070, atime, 3.6780698299408, -0.000295051460852847,
                    0.00295628436449786, 0.0135611368830335), first);
            assertEquals(219585, records.getLast().position());
            // testtime is the step's age: cap / |I| is it
            assertEquals(first.stepTimeSecond(), first.capacityAh() / -first.currentAmpere() * 3600, 10);
            List<BtsStepSummary> steps = ch.steps();
            assertEquals(List.of("rest", "cc", "cv"), steps.stream().map(BtsStepSummary::stepType).toList());
            assertEquals(43200, steps.getFirst().stepSecond());
            assertEquals(4.9000171875, steps.get(1).endVolt());
            List<BtsLogEntry> log = ch.log();
            assertEquals(List.of(100000, 100215, 100213, 100007, 100001), log.stream().map(BtsLogEntry::code).toList());
            peer.assertComplete();
        }
    }

    @Test
    void anEmptyDownloadIsNoRecords() throws Exception {
        try (ScriptedBts peer = opened().expect("<cmd>download</cmd>", "download-empty-21-1-1.xml");
             NewareBts bts = open(peer)) {
            assertEquals(List.of(), bts.channel("27-21-1-1").records(1, 1000));
            peer.assertComplete();
        }
    }

    @Test
    void startSendsThePathAndBarcodeAndLearnsTheTest() throws Exception {
        Path program = Files.writeString(dir.resolve("p.xml"), "<root/>");
        try (ScriptedBts peer = opened().expect(CH1, "inquire-21-1-1.xml")
                .expect("<cmd>start</cmd><list count = \"1\"><start ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\""
                        + " subdevid=\"1\" chlid=\"1\" barcode=\"cell-7\">" + program.toAbsolutePath() + "</start><backup"
                        + " backupdir=\"C:\\Neware data\\\"", "start-21-1-1.xml")
                .expect("<cmd>inquiredf</cmd>", "inquiredf-21-1-1.xml");
             NewareBts bts = open(peer)) {
            NewareBtsChannel ch = bts.channel("27-21-1-1");
            ch.start(program, "cell-7");
            assertEquals(143, ch.testId());
            peer.assertComplete();
        }
    }

    @Test
    void aStartWhoseReplyIsLostIsCheckedNotSentAgain() throws Exception {
        Path program = Files.writeString(dir.resolve("p.xml"), "<root/>");
        try (ScriptedBts peer = opened().expect(CH1, "inquire-21-1-1.xml")
                .expectAndDrop("<cmd>start</cmd>")
                .login()
                // the server's next word on the channel: working (the recorded reply of a working channel)
                .expect(CH1, "inquire-21-1-2.xml")
                .expect("<cmd>inquiredf</cmd>", "inquiredf-21-1-1.xml");
             NewareBts bts = open(peer)) {
            bts.channel("27-21-1-1").start(program, "cell-7");
            peer.assertComplete();
            assertEquals(1, peer.requests().stream().filter(r -> r.contains("<cmd>start</cmd>")).count());
        }
    }

    @Test
    void refusalsAreErrorsThatSayWhy() throws Exception {
        Path program = Files.writeString(dir.resolve("p.xml"), "<root/>");
        try (ScriptedBts peer = opened()
                .expect(CH4, "inquire-21-1-4.xml")
                .expect("<cmd>start</cmd><list count = \"1\"><start ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\""
                        + " subdevid=\"1\" chlid=\"4\"", "start-21-1-4-refused.xml")
                .expect(CH2, "inquire-21-1-2.xml")
                .expect("<cmd>stop</cmd><list count = \"1\"><stop ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\""
                        + " subdevid=\"1\" chlid=\"4\">true</stop></list>", "stop-21-1-4-refused.xml")
                .expect(CH4, "inquire-21-1-4.xml")
                .expect("<cmd>stop</cmd><list count = \"1\"><stop ip=\"127.0.0.1\" devtype=\"27\" devid=\"21\""
                        + " subdevid=\"1\" chlid=\"1\">true</stop></list>", "stop-21-1-1.xml");
             NewareBts bts = open(peer)) {
            // the recorded refusal answers for chlid 2 although channel 4 was asked: taken by order
            InstrumentException start = assertThrows(InstrumentException.class,
                    () -> bts.channel("27-21-1-4").start(program, "x"));
            assertTrue(start.getMessage().startsWith("nw/27-21-1-4: 'start': BTS refused to start"), start.getMessage());
            InstrumentException busy = assertThrows(InstrumentException.class,
                    () -> bts.channel("27-21-1-2").start(program, "x"));
            assertTrue(busy.getMessage().contains("the channel is working"), busy.getMessage());
            InstrumentException stop = assertThrows(InstrumentException.class, () -> bts.channel("27-21-1-4").stop());
            assertTrue(stop.getMessage().contains("BTS refused: the channel is finish"), stop.getMessage());
            bts.channel("27-21-1-1").stop();
            peer.assertComplete();
        }
    }
}
