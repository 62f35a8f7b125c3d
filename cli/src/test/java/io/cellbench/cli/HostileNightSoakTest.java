package io.cellbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.fixtures.lab.VirtualLab;
import io.cellbench.fixtures.wire.FaultPolicy;
import io.cellbench.testing.Await;
import io.cellbench.testing.InfluxServer;
import io.cellbench.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's soak: one schedule through a hostile night on the virtual lab, every process a real
 * {@code cellbench}, the cells behind Keithley 2450 simulators reached over TCP by the real
 * driver, in scaled time ({@value #SPEED} lab seconds per second, the lab file's
 * {@code virtual_time}). In one night: the run directory's disk fills up (a real tmpfs in a
 * namespace of the test's own) and is cleared again; 20 kill -9s, each followed by a resume,
 * two of them by two resumes started together; one cell's instrument stalls for good; InfluxDB
 * (a real influxd) is down for a while. Beside it, the same schedule runs on a second virtual lab
 * with nothing going wrong: the reference.
 *
 * <p>At the end ({@link NightChecks}): every surviving cell's data equal the reference's sample
 * for sample apart from what each kill loses, nothing twice, no time going backwards, every
 * cycle; InfluxDB holds what the files hold; no channel is left sourcing; every fault and alarm
 * was on the console, in {@code status} (polled all night) and in events.jsonl.
 *
 * <p>The seed is printed; {@code -Dcellbench.seed=N} replays the night's plan (which cell, when,
 * the kill moments); the machine's pace still decides where in the schedule each moment falls.
 */
@Timeout(value = 1200, unit = TimeUnit.SECONDS) // a hang guard: the night took 201-405 s on 2 cores under a load of 13-28
class HostileNightSoakTest {
    static final double SPEED = 100;
    static final int KILLS = 20;
    static final List<String> CELLS = List.of("cell-1", "cell-2", "cell-3");
    /** Generous: each wait is for something that takes seconds; only a hang should reach it. */
    private static final Duration GUARD = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept when the soak fails: the run directory (copied off the small disk), the reference, every log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void oneScheduleThroughAHostileNightEndsWithTheDataOfAnUnfaultedRun() throws Exception {
        long seed = Seeds.seed("HostileNightSoakTest");
        Random random = new Random(seed);
        NightPlan plan = NightPlan.draw(random, KILLS, CELLS);
        String replay = Seeds.replay(seed) + "; " + plan + "; the night's files are kept in " + tmp;
        System.out.println("HostileNightSoakTest: " + plan);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        long started = System.nanoTime();
        try (InfluxServer influx = InfluxServer.start();
             SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 24, logs)) {
            influx.createDatabase(NightInputs.DATABASE);
            LabTimeWhileDown soakTime = new LabTimeWhileDown(SPEED);
            try (VirtualLab soakLab = NightInputs.lab(soakTime, tmp.resolve("soak-lab"));
                 VirtualLab refLab = NightInputs.lab(new ScaledClock(System.currentTimeMillis() / 1000.0, SPEED),
                         tmp.resolve("ref-lab"))) {
                NightInputs in = NightInputs.write(tmp, soakLab, refLab, influx);
                Path dir = disk.mountPoint().resolve("run"); // as the processes in the namespace see it
                Night night = new Night(plan, random, replay, disk, dir, soakTime, soakLab, influx, logs, in);

                Child reference = Child.start(logs, "run", in.refSchedule().toString(), "--lab", in.refLab().toString(),
                        "--out", in.refDir().toString());
                night.run = Child.start(logs, disk.prefix(), in.soakRunArgs(dir));
                night.diskFillsAndIsCleared();
                for (int k = 1; k <= KILLS; k++) {
                    night.killAndResume(k);
                }
                night.lastProcessEnds();
                assertEquals(0, reference.exit(600), "the reference run completes: " + reference.output());
                System.out.printf(java.util.Locale.ROOT, "HostileNightSoakTest: the night took %.0f s (%d status polls);"
                        + " the processes' clocks ran up to %.1f lab s ahead of the cells (steps of the wall clock)%n",
                        (System.nanoTime() - started) / 1e9, night.status.polls(), night.kills.stream()
                        .mapToDouble(k -> Math.abs(k.ahead())).max().orElse(0));
                NightChecks.check(night, in.refDir(), refLab);
            }
        }
    }

    /** The night as it goes: the process that runs the directory, what was seen, the kills. */
    static final class Night {
        final NightPlan plan;
        final Random random;
        final String replay;
        final SmallDisk disk;
        final Path dir;
        final Path seen;
        /** The run directory, copied off the small disk once the night is over. */
        final Path record;
        final LabTimeWhileDown time;
        final VirtualLab lab;
        final InfluxServer influx;
        final Path logs;
        final NightInputs in;
        final NightStatus status;
        final List<Child> processes = new ArrayList<>();
        final List<NightPlan.Kill> kills = new ArrayList<>();
        final List<Child> refused = new ArrayList<>();
        Child run;
        /** Run time when the stall began. */
        double stallRunTime = Double.NaN;
        /** Lab seconds the cells stood still over the whole night (the last process's segment). */
        double finalStood;
        /** Lab seconds the last process's clock ran ahead of the run's time besides ({@link LabTimeWhileDown#ahead}). */
        double finalAhead;

        Night(NightPlan plan, Random random, String replay, SmallDisk disk, Path dir, LabTimeWhileDown time,
              VirtualLab lab, InfluxServer influx, Path logs, NightInputs in) {
            this.plan = plan;
            this.random = random;
            this.replay = replay;
            this.disk = disk;
            this.dir = dir;
            this.seen = disk.outside(dir);
            this.record = logs.resolveSibling("soak-run");
            this.time = time;
            this.lab = lab;
            this.influx = influx;
            this.logs = logs;
            this.in = in;
            this.status = new NightStatus(seen);
        }

        /** The cells that are expected to survive the night. */
        List<String> survivors() {
            return CELLS.stream().filter(c -> !c.equals(plan.stalledCell())).toList();
        }

        /**
         * While every cell rests in the first step at equilibrium (a pause there changes nothing
         * the reference would not show), someone copies a backup onto the run's disk: every cell
         * pauses at open circuit with an alarm; the copy is deleted and the cells go on.
         */
        void diskFillsAndIsCleared() throws Exception {
            processes.add(run);
            until(() -> "the run runs every cell in its first step", () -> status.poll() != null
                    && status.runningPid() == alive(run).pid() && CELLS.stream().allMatch(c -> status.cell(c)
                            .path("step_index").asInt() == 1 && status.cell(c).path("test_time_second").asDouble() > 0));
            Path backup = disk.fill(4L << 20);
            until(() -> "every cell pauses for the disk", () -> status.poll() != null && alive(run) != null
                    && status.all(CELLS, "PAUSED") && CELLS.stream().allMatch(c -> status.cell(c).path("holds")
                            .toString().contains("disk space: ")));
            for (String c : CELLS) {
                assertEquals(1, status.cell(c).path("step_index").asInt(), c + " paused in its first rest (the"
                        + " rest is long enough for the disk watch's 10 s on a loaded machine), " + replay);
            }
            Files.delete(backup);
            until(() -> "the cells go on once there is room", () -> status.poll() != null && alive(run) != null
                    && status.all(CELLS, "RUNNING"));
        }

        /** Kill {@code k}: at a random moment while the current process runs the cells, then a resume (or two). */
        void killAndResume(int k) throws Exception {
            Map<String, Double> before = kills.isEmpty() ? Map.of() : kills.get(kills.size() - 1).journaled();
            // Not before this process has put data of its own on disk: a kill that always comes
            // first would leave the files nothing of whole processes (allowed, but no test of them).
            until(() -> "process " + run.pid() + " runs the directory and has written data of its own", () -> {
                status.poll();
                return status.runningPid() == alive(run).pid()
                        && running().stream().allMatch(c -> !(durableUnix(c) <= before.getOrDefault(c, -1.0)));
            });
            if (k - 1 == plan.stallAfter()) {
                stall();
            }
            if (k - 1 == plan.influxDownAt()) {
                influx.kill();
                until(() -> "status shows InfluxDB away", () -> status.poll().path("influx").has("reachable")
                        && !status.last().path("influx").path("reachable").asBoolean());
            }
            if (k - 1 == plan.influxBackAt()) {
                influx.startProcess(); // same data directory, same address
            }
            crashMoment(k);
            long pid = run.pid();
            run.kill();
            double stood = time.stood();
            double cellTime = time.stop();
            kills.add(new NightPlan.Kill(k, pid, time.runTimeNow(), cellTime, stood, time.ahead(), journaled()));
            time.goOnAtNextRead();
            if (plan.racing().contains(k)) {
                run = race(k);
            } else {
                run = Child.start(logs, disk.prefix(), "resume", dir.toString());
                processes.add(run);
            }
        }

        /**
         * The random moment of the crash: a share of what is left of the cells' time per kill
         * still to come, so that all of them fall inside the schedule. A fixed time is what this
         * means (a crash does not wait for anything); status is polled meanwhile.
         */
        private void crashMoment(int k) throws InterruptedException {
            double etaSecond = running().stream().mapToDouble(c -> status.cell(c).path("eta_second").asDouble(60))
                    .min().orElse(60);
            double slot = Math.min(2.0, etaSecond / (KILLS - k + 2));
            long until = System.nanoTime() + (long) (random.nextDouble() * slot * 1e9);
            while (System.nanoTime() < until) {
                status.poll();
                Thread.sleep(20);
            }
            assertTrue(alive(run).alive(), "still running at kill " + k + ", " + replay);
            // The console shows an alarm the moment it is raised (ProgressReporterTest); a kill
            // in the millisecond between events.jsonl and the console would test only luck.
            until(() -> "the console shows every alarm in events.jsonl before kill " + k, this::consoleCaughtUp);
        }

        /** Whether every ALARM in events.jsonl so far is on the console of a process of the night. */
        private boolean consoleCaughtUp() throws IOException {
            StringBuilder consoles = new StringBuilder();
            processes.forEach(c -> consoles.append(c.output()).append('\n'));
            for (String line : Files.readAllLines(seen.resolve("events.jsonl"))) {
                JsonNode e;
                try {
                    e = JSON.readTree(line);
                } catch (IOException torn) {
                    continue; // the line being written
                }
                String message = e.path("message").asText();
                String head = message.length() > 60 ? message.substring(0, 60) : message;
                if ("ALARM".equals(e.path("severity").asText()) && !consoles.toString().contains(head)) {
                    return false;
                }
            }
            return true;
        }

        /** Two resumes started together: exactly one runs the directory, the other is refused and writes nothing. */
        private Child race(int k) throws Exception {
            Child a = Child.start(logs, disk.prefix(), "resume", dir.toString());
            Child b = Child.start(logs, disk.prefix(), "resume", dir.toString());
            processes.add(a);
            processes.add(b);
            until(() -> "one of the two racing resumes after kill " + k + " is refused\nA:\n" + a.output() + "\nB:\n"
                    + b.output(), () -> !a.alive() || !b.alive());
            Child loser = a.alive() ? b : a;
            Child winner = loser == a ? b : a;
            assertEquals(UserErrors.BAD_INPUT, loser.exit(60), "the loser of the race after kill " + k + " is refused: "
                    + loser.output() + "\nthe winner: " + winner.output());
            assertTrue(loser.output().contains("in use by cellbench process " + winner.pid()), loser.output());
            assertFalse(loser.output().contains("continues in step"), "a refused resume plans nothing aloud: "
                    + loser.output());
            refused.add(loser);
            return winner;
        }

        /** The stalled cell's instrument never answers again: it faults within the bound, the others go on. */
        private void stall() throws Exception {
            String cell = plan.stalledCell();
            Map<String, Double> others = testTimes();
            stallRunTime = time.runTimeNow();
            lab.instrument(NightInputs.channelOf(cell)).faults().set(FaultPolicy.noAnswer());
            until(() -> cell + " faults and is shown so", () -> {
                status.poll();
                return alive(run) != null && "ENDED".equals(status.cell(cell).path("state").asText());
            });
            assertEquals("FAULT", status.cell(cell).path("outcome").asText(), status.seen());
            // The next kill may come before the process that faulted has switched the output off:
            // the journal says it was not confirmed, and the next resume switches it off.
            until(() -> "the other cells went on meanwhile", () -> {
                status.poll();
                return alive(run) != null && survivors().stream().allMatch(c -> "ENDED".equals(status.cell(c)
                        .path("state").asText()) || status.cell(c).path("test_time_second").asDouble() > others.get(c));
            });
        }

        /** The last process runs the night out; one still switching the stalled output off is stopped. */
        void lastProcessEnds() throws Exception {
            until(() -> "the last process ends, or waits only to switch the stalled output off", () -> {
                status.poll();
                return !run.alive() || run.output().contains("not confirmed off: cellbench keeps switching");
            });
            if (run.alive()) {
                // it keeps switching the stalled channel's output off: only the technician can end that
                Console stop = Console.run("stop", seen.toString());
                assertEquals(0, stop.exitCode(), stop.out() + stop.err());
            }
            run.exit(120);
            finalStood = time.stood();
            finalAhead = time.ahead();
            status.poll(); // from the files now
            NightKept.keep(this); // to read at leisure, and to keep if the soak fails
        }

        /** Up to which unix time the cell's samples are on disk, by its journal (-1 when not known). */
        private double durableUnix(String cell) {
            try {
                Path f = seen.resolve("journal/" + cell + ".json");
                JsonNode j = Files.exists(f) ? JSON.readTree(f.toFile()) : JSON.missingNode();
                return j.path("dataThroughTestTimeSecond").isNumber()
                        ? j.path("position").path("runStartUnixSecond").asDouble() + j.path("dataThroughTestTimeSecond")
                        .asDouble() : -1;
            } catch (IOException e) {
                return -1; // replaced while read: ask again
            }
        }

        /** Each cell's test time in the last status, for "moved on". */
        private Map<String, Double> testTimes() {
            Map<String, Double> out = new HashMap<>();
            CELLS.forEach(c -> out.put(c, status.cell(c).path("test_time_second").asDouble(-1)));
            return out;
        }

        /** The cells the current process runs (not ended). */
        private List<String> running() {
            return CELLS.stream().filter(c -> !"ENDED".equals(status.cell(c).path("state").asText())).toList();
        }

        /** Each cell's journaled position (unix time) as the kill left it. */
        private Map<String, Double> journaled() throws IOException {
            Map<String, Double> out = new HashMap<>();
            for (String c : CELLS) {
                Path f = seen.resolve("journal/" + c + ".json");
                JsonNode p = Files.exists(f) ? JSON.readTree(f.toFile()).path("position") : JSON.missingNode();
                out.put(c, p.isObject() ? p.path("runStartUnixSecond").asDouble() + p.path("testTimeSecond").asDouble()
                        : Double.NaN);
            }
            return out;
        }

        /** The child, which must still be running. */
        private Child alive(Child c) {
            assertTrue(c.alive(), () -> "process " + c.pid() + " ended: " + c.output() + "\n" + replay);
            return c;
        }

        private void until(Supplier<String> what, Await.Condition condition) throws InterruptedException {
            Await.until(GUARD, () -> what.get() + "; " + replay + "\nstatus: " + status.seen(), condition);
        }
    }
}
