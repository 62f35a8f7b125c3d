package io.cellbench.drivers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramState;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The neware-bts driver follows and controls programs on the BTS simulator over a real socket. */
@Timeout(120)
class NewareBtsSimulatorTest {
    @TempDir
    Path share;
    @TempDir
    Path work;

    /** C/5 cycling of a 2 mAh coin cell, twice, in BTS's own layout; a record every 30 s. */
    static final String CYCLING = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <config type="Step File" version="17">
                <Whole_Prt>
                  <Record>
                    <Main>
                      <Time Value="30000" />
                    </Main>
                  </Record>
                </Whole_Prt>
                <Step_Info Num="5">
                  <Step1 Step_ID="1" Step_Type="1">
                    <Limit><Main><Curr Value="0.4" /><Stop_Volt Value="37000" /></Main></Limit>
                  </Step1>
                  <Step2 Step_ID="2" Step_Type="4">
                    <Limit><Main><Time Value="600000" /></Main></Limit>
                  </Step2>
                  <Step3 Step_ID="3" Step_Type="2">
                    <Limit><Main><Curr Value="0.4" /><Stop_Volt Value="19000" /></Main></Limit>
                  </Step3>
                  <Step4 Step_ID="4" Step_Type="5">
                    <Limit><Other><Start_Step Value="1" /><Cycle_Count Value="2" /></Other></Limit>
                  </Step4>
                  <Step5 Step_ID="5" Step_Type="6">
                  </Step5>
                </Step_Info>
              </config>
            </root>
            """;

    static final String LONG_REST = CYCLING.replace("<Curr Value=\"0.4\" /><Stop_Volt Value=\"37000\" />",
            "<Time Value=\"86400000\" />").replace("Step_ID=\"1\" Step_Type=\"1\"", "Step_ID=\"1\" Step_Type=\"4\"");

    BtsSimulator simulator(LabClock clock, int cells, boolean quirk) {
        List<SimulatedCell> list = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            list.add(new SimulatedCell(CellParameters.coin().withVariation(i + 1)));
        }
        return new BtsSimulator("bts-sim", list, clock,
                BtsSimulator.Options.of(share).withStatusSubdeviceQuirk(quirk));
    }

    NewareBtsSettings settings(BtsSimulator sim) {
        return NewareBtsSettings.tcp("127.0.0.1", sim.tcpPort()).withShare(share, "C:\\cellbench\\steps")
                .withTimeout(Duration.ofSeconds(10), 1);
    }

    static void until(BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aProgramStartedThroughTheShareRunsAndEveryRecordComesOnceFromWhereverTheDownloadResumes() throws Exception {
        Path program = Files.writeString(work.resolve("cycling.xml"), CYCLING);
        try (BtsSimulator sim = simulator(new VirtualClock(1_700_000_000), 2, false)) {
            sim.startTcp();
            try (NewareBts bts = NewareBts.open("nw", settings(sim))) {
                assertEquals(List.of("27-21-1-1", "27-21-1-2"), bts.addresses().stream().map(BtsAddress::text).toList());
                NewareBtsChannel ch = bts.channel("27-21-1-2");
                ch.start(program, "cell-2");
                assertTrue(sim.received().stream().anyMatch(r -> r.contains(">C:\\cellbench\\steps\\27-21-1-2-")),
                        "BTS is given the path by which its PC names the share");
                try (var files = Files.list(share)) {
                    assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith("cycling.xml")).count());
                }
                until(() -> ch.status().state() == ProgramState.FINISHED, "the program finishes");
                long count = ch.recordCount();
                assertTrue(count > 2000, "records: " + count);
                List<ProgramRecord> all = ch.records(1, Integer.MAX_VALUE);
                assertEquals(count, all.size());
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(i + 1, all.get(i).position());
                }
                // a re-attached follower holding position k gets exactly the rest
                long k = count / 3;
                List<ProgramRecord> rest = ch.records(k + 1, Integer.MAX_VALUE);
                assertEquals(all.subList((int) k, all.size()), rest);
                List<BtsStepSummary> steps = ch.steps();
                assertEquals(List.of(1, 2, 3, 1, 2, 3), steps.stream().map(BtsStepSummary::step).toList());
                assertEquals(List.of(1, 1, 1, 2, 2, 2), steps.stream().map(BtsStepSummary::cycle).toList());
                BtsStepSummary discharge = steps.get(5);
                assertTrue(discharge.endVolt() <= 1.9 && discharge.endVolt() > 1.88, discharge.toString());
                assertEquals(-0.0004, discharge.endAmpere(), 1e-5);
                assertEquals(ProgramState.FINISHED, ch.status().state());
                assertEquals("finish", sim.workstatus(2));
                assertEquals(2, ch.log().size());
            }
        }
    }

    @Test
    void pauseResumeAndStopAndASecondStartOnABusyChannelIsRefused() throws Exception {
        Path program = Files.writeString(work.resolve("rest.xml"), LONG_REST);
        try (BtsSimulator sim = simulator(new ScaledClock(1_700_000_000, 1), 1, false)) {
            sim.startTcp();
            try (NewareBts bts = NewareBts.open("nw", settings(sim))) {
                NewareBtsChannel ch = bts.channel("27-21-1-1");
                assertThrows(InstrumentException.class, ch::resume, "nothing to continue");
                ch.start(program, "c");
                assertEquals(ProgramState.RUNNING, ch.status().state());
                InstrumentException busy = assertThrows(InstrumentException.class, () -> ch.start(program, "c"));
                assertTrue(busy.getMessage().contains("the channel is working"), busy.getMessage());
                ch.pause();
                until(() -> ch.status().state() == ProgramState.PAUSED, "paused");
                ch.resume();
                until(() -> ch.status().state() == ProgramState.RUNNING, "running again");
                ch.stop();
                until(() -> ch.status().state() == ProgramState.STOPPED, "stopped");
                ch.resume(); // a stopped test continues, as at the BTS PC
                until(() -> ch.status().state() == ProgramState.RUNNING, "continued after the stop");
                ch.stop();
                until(() -> ch.status().state() == ProgramState.STOPPED, "stopped again");
            }
        }
    }

    @Test
    void aQueryWhoseReplyIsLostOrSpoiltIsSentAgainOnAFreshConnection() throws Exception {
        try (BtsSimulator sim = simulator(new VirtualClock(1_700_000_000), 1, false)) {
            sim.startTcp();
            try (NewareBts bts = NewareBts.open("nw", settings(sim))) {
                NewareBtsChannel ch = bts.channel("27-21-1-1");
                int connections = sim.connectionsAccepted();
                sim.faults().set(FaultPolicy.disconnect(), 1);
                assertEquals(ProgramState.FINISHED, ch.status().state());
                assertEquals(connections + 1, sim.connectionsAccepted(), "one new connection, logged in again");
                sim.faults().set(FaultPolicy.garbage(40), 1);
                assertEquals(ProgramState.FINISHED, ch.status().state(), "a spoilt reply is asked again");
                assertEquals(connections + 2, sim.connectionsAccepted(), "after garbage the link is fresh");
            }
        }
    }

    @Test
    void aSilentServerIsATimeoutNamingTheInstrumentAndTheCommand() throws Exception {
        try (BtsSimulator sim = simulator(new VirtualClock(1_700_000_000), 1, false)) {
            sim.startTcp();
            NewareBtsSettings s = settings(sim).withTimeout(Duration.ofMillis(500), 0);
            try (NewareBts bts = NewareBts.open("nw", s)) {
                sim.faults().set(FaultPolicy.noAnswer());
                InstrumentException e = assertThrows(InstrumentException.class, () -> bts.channel("27-21-1-1").status());
                assertTrue(e.getMessage().startsWith("nw: 'inquire': no complete reply within 500 ms"), e.getMessage());
                sim.faults().clear();
                assertEquals(ProgramState.FINISHED, bts.channel("27-21-1-1").status().state(), "works again");
            }
        }
    }

    @Test
    void statusAnswersForAnotherSubDeviceAreTakenByOrder() throws Exception {
        try (BtsSimulator sim = simulator(new VirtualClock(1_700_000_000), 10, true)) {
            sim.startTcp();
            try (NewareBts bts = NewareBts.open("nw", settings(sim))) {
                assertEquals("finish", bts.channel("27-21-2-2").workstatus());
                assertTrue(sim.received().getLast().contains("subdevid=\"2\" chlid=\"2\""));
            }
        }
    }

    @Test
    void aWrongPasswordIsARefusedLogin() throws Exception {
        try (BtsSimulator sim = simulator(new VirtualClock(1_700_000_000), 1, false)) {
            sim.startTcp();
            InstrumentException e = assertThrows(InstrumentException.class,
                    () -> NewareBts.open("nw", settings(sim).withLogin("admin", "wrong")));
            assertTrue(e.getMessage().contains("BTS refused the login as 'admin'"), e.getMessage());
        }
    }
}
