package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramState;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.w3c.dom.Element;

/**
 * Turns BTS's reply elements into cellbench's records. Facts kept here, read from the recorded
 * replies: a download row's {@code testtime} is the time since its step began, in ms (it runs
 * 10 h into step 24 of a 25-day test, and cap/|curr| equals it); currents are in A, capacities in
 * Ah, energies in Wh, voltages in V; {@code atime} is the BTS PC's local time without a zone.
 */
final class BtsRecords {
    private static final DateTimeFormatter ATIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BtsRecords() {
    }

    static ProgramRecord record(Element data, ZoneId zone) {
        return new ProgramRecord(BtsReply.whole(data, "seqid", -1), (int) BtsReply.whole(data, "stepid", -1),
                (int) BtsReply.whole(data, "cycleid", -1), orEmpty(BtsReply.attr(data, "steptype")),
                BtsReply.number(data, "testtime") / 1e3, unix(BtsReply.attr(data, "atime"), zone),
                BtsReply.number(data, "volt"), BtsReply.number(data, "curr"), Math.abs(BtsReply.number(data, "cap")),
                Math.abs(BtsReply.number(data, "eng")));
    }

    static BtsStepSummary step(Element d, ZoneId zone) {
        return new BtsStepSummary(BtsReply.whole(d, "startseqid", -1), BtsReply.whole(d, "endseqid", -1),
                (int) BtsReply.whole(d, "stepindex", -1), (int) BtsReply.whole(d, "stepid", -1),
                (int) BtsReply.whole(d, "cycleid", -1), orEmpty(BtsReply.attr(d, "steptype")),
                BtsReply.number(d, "steptime") / 1e3, unix(BtsReply.attr(d, "endatime"), zone),
                BtsReply.number(d, "startvolt"), BtsReply.number(d, "endvolt"), BtsReply.number(d, "startcurr"),
                BtsReply.number(d, "endcurr"), Math.abs(BtsReply.number(d, "cap")), Math.abs(BtsReply.number(d, "eng")));
    }

    static BtsLogEntry log(Element d, ZoneId zone) {
        return new BtsLogEntry(BtsReply.whole(d, "seqid", -1), (int) BtsReply.whole(d, "log_code", -1),
                unix(BtsReply.attr(d, "atime"), zone));
    }

    /** BTS's {@code workstatus} as a program state; words BTS has besides these are UNKNOWN. */
    static ProgramState state(String workstatus) {
        return switch (workstatus == null ? "" : workstatus) {
            case "working" -> ProgramState.RUNNING;
            case "pause" -> ProgramState.PAUSED;
            case "finish" -> ProgramState.FINISHED;
            case "stop" -> ProgramState.STOPPED;
            case "protect" -> ProgramState.PROTECTED;
            default -> ProgramState.UNKNOWN; // synCtrl, waitTimeOut, waitStart, … in the API document
        };
    }

    static double unix(String atime, ZoneId zone) {
        if (atime == null) {
            return Double.NaN;
        }
        try {
            return LocalDateTime.parse(atime, ATIME).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
