package io.cellbench.importers.neware;

import io.cellbench.importers.ImportMetadata;
import java.nio.charset.StandardCharsets;

/** What a legacy .nda header tells besides the records: BTS versions, active mass, remarks. */
final class NdaHeader {

    private NdaHeader() {
    }

    static void read(byte[] prefix, int version, int subVersion, ImportMetadata.Builder meta) {
        meta.instrument("Neware BTS");
        int server = NdaRecords.find(prefix, "BTSServer".getBytes(StandardCharsets.US_ASCII), 0);
        if (server >= 0) {
            meta.software("BTS server", text(prefix, server, 50));
            meta.software("BTS client", text(prefix, server + 100, 50));
        } else {
            int xwj = NdaRecords.find(prefix, "BTS_XWJ".getBytes(StandardCharsets.US_ASCII), 0);
            if (xwj >= 0 && xwj < 1024) {
                meta.software("BTS server", text(prefix, xwj, 1024 - xwj));
            }
        }
        if (version == 29 && prefix.length > 2417) {
            meta.property("active_mass_mg", String.valueOf(littleInt(prefix, 152) / 1000.0));
            meta.property("remarks", text(prefix, 2317, 100));
        }
        if (version == 130) {
            String bts = subVersion == 85 ? "9.1." : "9.0.";
            int at = NdaRecords.find(prefix, bts.getBytes(StandardCharsets.US_ASCII), 0);
            meta.software("BTS", at >= 0 ? text(prefix, at, 40) : bts.substring(0, 3));
        }
    }

    private static int littleInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** A NUL-terminated ASCII field, at most {@code max} bytes; empty where the header is cut short before it. */
    private static String text(byte[] b, int at, int max) {
        if (at >= b.length) {
            return "";
        }
        int end = at;
        while (end < b.length && end < at + max && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.ISO_8859_1).strip();
    }
}
