package io.cellbench.drivers.neware;

/**
 * The bodies of BTS API requests, written as aurora-neware writes them (its requests got the
 * replies recorded from a real BTS 8.0 server): {@code <list count = "1">} with spaces, one
 * channel per request, attributes in the order ip, devtype, devid, subdevid, chlid. Commands
 * aurora-neware does not send (continue, setpause, reset) follow the layout of a client written
 * after Neware's BTS API protocol document (v1.19).
 */
final class BtsRequests {
    private BtsRequests() {
    }

    static String connect(String username, String password) {
        return "<cmd>connect</cmd><username>" + esc(username) + "</username><password>" + esc(password)
                + "</password><type>bfgs</type>";
    }

    static String getdevinfo() {
        return "<cmd>getdevinfo</cmd>";
    }

    static String getchlstatus(String ip, BtsAddress a) {
        return list("getchlstatus", "<status " + channel(ip, a) + ">true</status>");
    }

    static String inquire(String ip, BtsAddress a) {
        return list("inquire", "<inquire " + channel(ip, a) + " aux=\"0\" barcode=\"1\">true</inquire>");
    }

    static String inquiredf(BtsAddress a, long testId) {
        return list("inquiredf", "<chl " + a.attributes() + " testid=\"" + testId + "\" />");
    }

    /** Starts {@code path} (as the BTS PC names it); BTS backs the data up under {@code backupDir}. */
    static String start(String ip, BtsAddress a, String barcode, String path, String backupDir) {
        return list("start", "<start " + channel(ip, a) + " barcode=\"" + esc(barcode) + "\">" + esc(path) + "</start>"
                + "<backup backupdir=\"" + esc(backupDir) + "\" remotedir=\"\" filenametype=\"0\" customfilename=\"\""
                + " addtimewhenrepeat=\"0\" createdirbydate=\"0\" filetype=\"0\" backupontime=\"1\""
                + " backupontimeinterval=\"720\" backupfree=\"1\" />");
    }

    static String stop(String ip, BtsAddress a) {
        return list("stop", "<stop " + channel(ip, a) + ">true</stop>");
    }

    static String resume(String ip, BtsAddress a) {
        return list("continue", "<continue " + channel(ip, a) + ">true</continue>");
    }

    /** A pause now: the reserved-pause command with no cycle or step to wait for (-1). */
    static String pause(String ip, BtsAddress a) {
        return list("setpause", "<setpause " + channel(ip, a) + " cycleid=\"-1\" stepid=\"-1\" timeout=\"\" />");
    }

    /** Replaces the step file of a channel's test with {@code path}. */
    static String reset(String ip, BtsAddress a, String path) {
        return "<cmd>reset</cmd><reset " + channel(ip, a) + " DBC_CAN=\"0\">" + esc(path) + "</reset>";
    }

    static String download(BtsAddress a, long testId, long startpos, int count) {
        return "<cmd>download</cmd><download " + a.attributes() + " auxid=\"0\" testid=\"" + testId + "\" startpos=\""
                + startpos + "\" count=\"" + count + "\"/>";
    }

    static String downloadlog(BtsAddress a, long testId) {
        return "<cmd>downloadlog</cmd><download " + a.attributes() + " testid=\"" + testId + "\"/>";
    }

    static String downloadStepLayer(BtsAddress a) {
        return "<cmd>downloadStepLayer</cmd><downloadStepLayer " + a.attributes() + " />";
    }

    private static String list(String cmd, String item) {
        return "<cmd>" + cmd + "</cmd><list count = \"1\">" + item + "</list>";
    }

    private static String channel(String ip, BtsAddress a) {
        return "ip=\"" + esc(ip) + "\" " + a.attributes();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
