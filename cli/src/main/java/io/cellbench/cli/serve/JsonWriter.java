package io.cellbench.cli.serve;

import java.util.List;
import java.util.Locale;

/** The API's JSON, written by hand: small, and NaN becomes null as JSON requires. */
final class JsonWriter {
    private JsonWriter() {
    }

    static String cells(String runId, boolean live, List<CellView> cells) {
        StringBuilder sb = new StringBuilder(256 + cells.size() * 256);
        sb.append("{\"run_id\":").append(string(runId)).append(",\"live\":").append(live).append(",\"cells\":[");
        for (int k = 0; k < cells.size(); k++) {
            CellView c = cells.get(k);
            sb.append(k == 0 ? "" : ",").append('{')
                    .append("\"id\":").append(string(c.id()))
                    .append(",\"state\":").append(string(c.state()))
                    .append(",\"step\":").append(string(c.step()))
                    .append(",\"cycle\":").append(c.cycle())
                    .append(",\"voltage_volt\":").append(number(c.voltageVolt()))
                    .append(",\"current_ampere\":").append(number(c.currentAmpere()))
                    .append(",\"test_time_second\":").append(number(c.testTimeSecond()))
                    .append(",\"progress\":").append(number(c.progress()))
                    .append(",\"outcome\":").append(c.outcome() == null ? "null" : string(c.outcome()))
                    .append(",\"last_event\":").append(string(c.lastEvent()))
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    static String series(Series s) {
        StringBuilder sb = new StringBuilder(64 + s.size() * 40);
        sb.append("{\"cell_id\":").append(string(s.cellId())).append(",\"total\":").append(s.total())
                .append(",\"test_time_second\":[");
        for (int k = 0; k < s.size(); k++) {
            sb.append(k == 0 ? "" : ",").append(number(s.testTimeSecond()[k]));
        }
        sb.append("],\"voltage_volt\":[");
        for (int k = 0; k < s.size(); k++) {
            sb.append(k == 0 ? "" : ",").append(number(s.voltageVolt()[k]));
        }
        sb.append("],\"current_ampere\":[");
        for (int k = 0; k < s.size(); k++) {
            sb.append(k == 0 ? "" : ",").append(number(s.currentAmpere()[k]));
        }
        return sb.append("]}").toString();
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String number(float v) {
        return Float.isNaN(v) || Float.isInfinite(v) ? "null" : Float.toString(v);
    }

    static String string(String s) {
        return "\"" + escape(s == null ? "" : s) + "\"";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c"); // safe even if ever embedded in HTML
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
