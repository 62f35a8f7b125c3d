package io.cellbench.drivers.neware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Neware channel as BTS addresses it: device type, device id, sub-device (a unit of
 * channels) and channel, written {@code 27-1-1-3} in a lab file ({@code nw/27-1-1-3}), as in
 * the {@code dev} attribute BTS itself writes ({@code 27-21-1-2-0}, with the aux channel).
 */
public record BtsAddress(int devtype, int devid, int subdevid, int chlid) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,5})-(\\d{1,5})-(\\d{1,5})-(\\d{1,5})");

    /** Reads "27-1-1-3"; throws {@link IllegalArgumentException} saying what a channel looks like. */
    public static BtsAddress parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Neware channel: write devtype-devid-subdevid-chlid,"
                    + " e.g. 27-1-1-3 (cellbench probe lists the channels BTS reports)");
        }
        return new BtsAddress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /** "27-1-1-3". */
    public String text() {
        return devtype + "-" + devid + "-" + subdevid + "-" + chlid;
    }

    /** The attributes every channel command carries: {@code devtype="27" devid="1" subdevid="1" chlid="3"}. */
    String attributes() {
        return "devtype=\"" + devtype + "\" devid=\"" + devid + "\" subdevid=\"" + subdevid + "\" chlid=\"" + chlid + "\"";
    }

    @Override
    public String toString() {
        return text();
    }
}
