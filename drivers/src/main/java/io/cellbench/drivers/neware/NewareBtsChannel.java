package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramState;
import io.cellbench.core.instrument.ProgramStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * One channel of a Neware BTS, running step files (delegated control). Quirks of the API it
 * rides over, from the recorded BTS 8.0 replies and aurora-neware:
 * <ul>
 *   <li>replies are taken in the order of the request's items, never matched by sub-device:
 *       some servers answer {@code subdevid="1"} for a channel of another sub-device;</li>
 *   <li>"--" is "no value" (a finished channel's step type);</li>
 *   <li>records come at most 1,000 per request, so they are fetched from the last position
 *       held onwards, never all again (BTS slows past ~100 k records);</li>
 *   <li>a start whose reply is lost may have started: the channel's state tells, not a second start.</li>
 * </ul>
 * Closing the channel leaves its program running: that is what delegated control is for.
 */
public final class NewareBtsChannel implements NativeProgramChannel {
    private final NewareBts bts;
    private final BtsAddress address;
    private final String ip;
    /** The test cellbench started or last downloaded from; 0 means BTS's latest. */
    private volatile long testId;

    NewareBtsChannel(NewareBts bts, BtsAddress address, String ip) {
        this.bts = bts;
        this.address = address;
        this.ip = ip;
    }

    public BtsAddress address() {
        return address;
    }

    /** BTS's id of the test this channel follows (0 before one was started or downloaded). */
    public long testId() {
        return testId;
    }

    /** Follows test {@code id} (a test started before cellbench was restarted); 0 for BTS's latest. */
    public void follow(long id) {
        testId = id;
    }

    @Override
    public String name() {
        return bts.name() + "/" + address.text();
    }

    @Override
    public String identify() {
        return "Neware BTS channel " + address + " (" + bts.identify() + ")";
    }

    @Override
    public void start(Path program, String label) {
        ProgramStatus before = status();
        if (!before.state().ended()) {
            throw new InstrumentException(name(), "start", "the channel is " + before.cyclerState()
                    + ": it takes a new step file only when its test has ended (stop it first)");
        }
        String path;
        try {
            path = bts.share().publish(program, address.text());
        } catch (IOException e) {
            throw new InstrumentException(name(), "start", "cannot put step file " + program + " into step_share "
                    + bts.settings().stepShare() + ": " + e.getMessage(), e);
        }
        String body = BtsRequests.start(ip, address, label, path, bts.settings().backupDir());
        boolean ok = act("start", body, "start", s -> s.state() == ProgramState.RUNNING);
        if (!ok) {
            throw new InstrumentException(name(), "start", "BTS refused to start " + path + ": the channel is busy, or"
                    + " BTS cannot open that file (step_share_on_bts must be the folder's path on the BTS PC)");
        }
        testId = latestTestId();
    }

    @Override
    public ProgramStatus status() {
        BtsReply r = bts.session().query("inquire", BtsRequests.inquire(ip, address), "inquire");
        Element e = only(r, "inquire");
        String work = BtsReply.attr(e, "workstatus");
        return new ProgramStatus(BtsRecords.state(work), work, (int) BtsReply.whole(e, "step_id", -1),
                (int) BtsReply.whole(e, "cycle_id", -1), BtsReply.attr(e, "step_type"), BtsReply.number(e, "voltage"),
                BtsReply.number(e, "current"), BtsReply.number(e, "capacity"), BtsReply.number(e, "totaltime"),
                BtsReply.number(e, "relativetime"));
    }

    /** BTS's {@code getchlstatus} word for the channel: working, pause, finish, stop, protect, … */
    public String workstatus() {
        BtsReply r = bts.session().query("getchlstatus", BtsRequests.getchlstatus(ip, address), "getchlstatus");
        return BtsReply.text(only(r, "getchlstatus"));
    }

    @Override
    public long recordCount() {
        BtsReply r = bts.session().query("inquiredf", BtsRequests.inquiredf(address, testId), "inquiredf");
        return BtsReply.whole(only(r, "inquiredf"), "count", 0);
    }

    @Override
    public List<ProgramRecord> records(long from, int max) {
        List<ProgramRecord> out = new ArrayList<>();
        int chunk = bts.settings().downloadChunk();
        long next = Math.max(1, from);
        while (out.size() < max) {
            int count = Math.min(chunk, max - out.size());
            BtsReply r = bts.session().query("download", BtsRequests.download(address, testId, next, count), "do");
            Element head = r.element("download");
            if (testId == 0 && head != null) {
                testId = BtsReply.whole(head, "testid", 0); // keep following this test, not a later one
            }
            List<Element> rows = r.items("list");
            for (Element d : rows) {
                ProgramRecord rec = BtsRecords.record(d, bts.settings().zone());
                if (rec.position() >= next) { // never a record twice, whatever the server sends
                    out.add(rec);
                    next = rec.position() + 1;
                }
            }
            if (rows.size() < count) {
                break;
            }
        }
        return out;
    }

    /** The test's log (downloadlog). */
    public List<BtsLogEntry> log() {
        BtsReply r = bts.session().query("downloadlog", BtsRequests.downloadlog(address, testId), "do");
        return r.items("list").stream().map(d -> BtsRecords.log(d, bts.settings().zone())).toList();
    }

    /** The finished steps of the channel's latest test (downloadStepLayer). */
    public List<BtsStepSummary> steps() {
        BtsReply r = bts.session().query("downloadStepLayer", BtsRequests.downloadStepLayer(address), "downloadStepLayer");
        return r.items("list").stream().map(d -> BtsRecords.step(d, bts.settings().zone())).toList();
    }

    @Override
    public void stop() {
        if (!act("stop", BtsRequests.stop(ip, address), "stop", s -> s.state().ended())) {
            throw new InstrumentException(name(), "stop", "BTS refused: the channel is " + status().cyclerState());
        }
    }

    @Override
    public void pause() {
        if (!act("setpause", BtsRequests.pause(ip, address), "setpause", s -> s.state() == ProgramState.PAUSED)) {
            throw new InstrumentException(name(), "setpause", "BTS refused: the channel is " + status().cyclerState());
        }
    }

    @Override
    public void resume() {
        if (!act("continue", BtsRequests.resume(ip, address), "continue", s -> s.state() == ProgramState.RUNNING)) {
            throw new InstrumentException(name(), "continue", "BTS refused: the channel is " + status().cyclerState());
        }
    }

    /** Replaces the step file of the channel's test (BTS's reset). */
    public void reset(Path program) {
        String path;
        try {
            path = bts.share().publish(program, address.text());
        } catch (IOException e) {
            throw new InstrumentException(name(), "reset", "cannot put step file into step_share: " + e.getMessage(), e);
        }
        BtsReply r = bts.session().command("reset", BtsRequests.reset(ip, address, path), "reset");
        List<Element> items = r.items("list");
        Element e = items.isEmpty() ? r.element("reset") : items.getFirst();
        if (e == null || !BtsReply.text(e).equalsIgnoreCase("ok")) {
            throw new InstrumentException(name(), "reset", "BTS refused the new step file " + path);
        }
    }

    /**
     * Sends a command that acts; true when BTS answers "ok". When its reply is lost, the
     * channel's state says whether it acted ({@code done}), since sending it again could do it twice.
     */
    private boolean act(String command, String body, String prefix, Predicate<ProgramStatus> done) {
        BtsReply r;
        try {
            r = bts.session().command(command, body, prefix);
        } catch (InstrumentException lost) {
            ProgramStatus now;
            try {
                now = status();
            } catch (InstrumentException unreachable) {
                lost.addSuppressed(unreachable);
                throw lost;
            }
            if (done.test(now)) {
                return true;
            }
            throw lost;
        }
        return BtsReply.text(only(r, command)).equalsIgnoreCase("ok");
    }

    private long latestTestId() {
        BtsReply r = bts.session().query("inquiredf", BtsRequests.inquiredf(address, 0), "inquiredf");
        return BtsReply.whole(only(r, "inquiredf"), "testid", 0);
    }

    /** The one item a one-channel request gets back, taken by order (not by sub-device: see the class). */
    private Element only(BtsReply r, String command) {
        List<Element> items = r.items("list");
        if (items.isEmpty()) {
            throw new InstrumentException(name(), command, "BTS reported nothing for channel " + address
                    + " (is it still in BTS Client's channel map?)");
        }
        return items.getFirst();
    }

    /** Leaves the channel's program running (delegated control survives cellbench). */
    @Override
    public void close() {
        // nothing to release: the connection belongs to the NewareBts this channel came from
    }
}
