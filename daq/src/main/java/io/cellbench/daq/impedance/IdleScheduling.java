package io.cellbench.daq.impedance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread in the lowest scheduling class Linux lets a process give its own
 * threads: SCHED_IDLE (it runs only when a core has nothing else to run), or nice 19 where
 * SCHED_IDLE is refused.
 *
 * <p>Why not {@link Thread#setPriority}: HotSpot on Linux ignores Java priorities
 * (ThreadPriorityPolicy=0 is the default, and 1 needs root), so a MIN_PRIORITY thread competes
 * with every other as an equal. Java 21 has no API for a thread's scheduling class (FFM is a
 * preview there), and no maintained library on Maven Central sets one (JNA could call
 * sched_setscheduler, but brings a native library for one call at a thread's start). So the
 * thread reads its own kernel id from {@code /proc/thread-self} and runs util-linux's
 * {@code chrt --idle -p 0 TID}, else {@code renice -n 19 -p TID} (both in every Debian base;
 * about 2 ms each, once), and believes only {@code /proc/self/task/TID/stat}.
 *
 * <p>A thread started by a lowered thread inherits its class (the kernel copies it at clone):
 * a lowered thread must start no threads that others depend on.
 */
public final class IdleScheduling {

    /** Linux's number for SCHED_IDLE in a thread's stat (field 41). */
    public static final int SCHED_IDLE = 5;
    /** The lowest priority nice gives (field 19). */
    public static final int LOWEST_NICE = 19;
    /** The commands of a Linux machine: util-linux's chrt and renice, each given the thread id. */
    public static final IdleScheduling LINUX = new IdleScheduling(List.of("chrt", "--idle", "-p", "0"),
            List.of("renice", "-n", String.valueOf(LOWEST_NICE), "-p"));
    /** Each command normally ends in milliseconds; one that hangs is given up, never waited on. */
    private static final long TIMEOUT_MS = 5_000;

    private final List<String> idleCommand;
    private final List<String> niceCommand;

    /** Commands to which the thread id is appended (tests give ones that do not exist). */
    IdleScheduling(List<String> idleCommand, List<String> niceCommand) {
        this.idleCommand = List.copyOf(idleCommand);
        this.niceCommand = List.copyOf(niceCommand);
    }

    /** A thread's scheduling as the kernel reports it. */
    public record Scheduling(int policy, int nice) {
        public boolean lowest() {
            return policy == SCHED_IDLE || nice == LOWEST_NICE;
        }
    }

    /**
     * What became of the calling thread: lowered ({@code how}: "SCHED_IDLE" or "nice 19"), or
     * not, {@code how} then saying why.
     */
    public record Outcome(boolean lowered, String how) {
    }

    /**
     * Lowers the calling thread; never throws (a thread that cannot be lowered still runs). Call
     * it before the thread starts any other.
     */
    public Outcome lowerCurrentThread() {
        long tid;
        try {
            tid = currentThreadId();
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, "no /proc/thread-self to name this thread by (not Linux?)");
        }
        // chrt and renice run from a helper thread started while this one is still in its class:
        // the JDK's process reaper thread is started by the thread that starts a process, and
        // started by this one just after chrt lowered it, it would inherit SCHED_IDLE
        Outcome[] outcome = new Outcome[1];
        Thread helper = Thread.ofPlatform().name("idle-scheduling").start(() -> outcome[0] = lower(tid));
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted while lowering");
        }
        return outcome[0] != null ? outcome[0] : new Outcome(false, "the helper thread failed");
    }

    /** Lowers thread {@code tid} of this process. */
    private Outcome lower(long tid) {
        List<String> problems = new ArrayList<>();
        String ran = run(idleCommand, tid);
        Scheduling now = read(tid, problems);
        if (now != null && now.policy() == SCHED_IDLE) {
            return new Outcome(true, "SCHED_IDLE");
        }
        problems.add(ran != null ? ran : idleCommand.getFirst() + " left the policy at " + policyOf(now));
        ran = run(niceCommand, tid);
        now = read(tid, problems);
        if (now != null && now.nice() == LOWEST_NICE) {
            return new Outcome(true, "nice " + LOWEST_NICE);
        }
        problems.add(ran != null ? ran : niceCommand.getFirst() + " left nice at " + (now == null ? "?" : now.nice()));
        return new Outcome(false, String.join("; ", problems));
    }

    /** The kernel's id of the calling thread: /proc/thread-self is a link to PID/task/TID. */
    public static long currentThreadId() throws IOException {
        return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    /** Thread {@code tid} of this process, from its stat file (policy: field 41, nice: field 19). */
    public static Scheduling read(long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"), StandardCharsets.US_ASCII);
        // field 2, the thread's name, is in parentheses and may hold spaces: count after its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new Scheduling(Integer.parseInt(fields[41 - 3]), Integer.parseInt(fields[19 - 3]));
    }

    private static Scheduling read(long tid, List<String> problems) {
        try {
            return read(tid);
        } catch (IOException | RuntimeException e) {
            problems.add("/proc/self/task/" + tid + "/stat unreadable: " + e.getMessage());
            return null;
        }
    }

    private static String policyOf(Scheduling s) {
        return s == null ? "?" : String.valueOf(s.policy());
    }

    /** Null when the command ran and exited 0, else what went wrong. */
    private static String run(List<String> command, long tid) {
        List<String> argv = new ArrayList<>(command);
        argv.add(String.valueOf(tid));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            return command.getFirst() + " could not be run: " + e.getMessage();
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return command.getFirst() + " did not end within " + TIMEOUT_MS + " ms";
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null : command.getFirst() + " exited " + p.exitValue() + ": " + said;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return command.getFirst() + " interrupted";
        } catch (IOException e) {
            return command.getFirst() + ": " + e.getMessage();
        }
    }
}
