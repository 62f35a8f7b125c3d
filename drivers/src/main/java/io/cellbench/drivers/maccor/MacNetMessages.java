package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code params} of the MacNet functions the driver uses, field for field as Maccor's
 * MacNet help prints its JSON examples (and BatteryDataAlliance/pymacnet's
 * {@code pymacnet/messages/messages.py} sends them).
 * {@code chan} is the 0-based wire channel (front-panel channel − 1).
 */
final class MacNetMessages {

    /** "Ignore this limit": MacNet ignores a current, voltage or power set outside its range (pymacnet sends 65536). */
    static final double IGNORE = 65536;

    static final String VERSION_INFO = "VersionInfo (1,1)";
    static final String GENERAL_INFO = "GeneralInfo (1,2)";
    static final String CHANNEL_SPEC = "ChannelSpecification (3,1)";
    static final String READ_AUX = "ReadAux (4,4)";
    static final String READ_STATUS = "ReadStatus (4,7)";
    static final String RESET = "ResetChannel (6,5)";
    static final String START_DIRECT = "StartDirectMode (6,7)";
    static final String SET_DIRECT = "SetDirectOutput (6,8)";
    static final String SAFETY_LIMITS = "SetSafetyLimits (6,10)";

    private MacNetMessages() {
    }

    static ObjectNode function(int fClass, int fNum) {
        ObjectNode p = MacNetSession.JSON.createObjectNode();
        p.put("FClass", fClass);
        p.put("FNum", fNum);
        return p;
    }

    static ObjectNode function(int fClass, int fNum, int chan) {
        ObjectNode p = function(fClass, fNum);
        p.put("Chan", chan);
        return p;
    }

    /** (1,2) general information: SystemType, TestChannels, AuxChannels... */
    static ObjectNode generalInfo() {
        return function(1, 2);
    }

    /** (1,1) versions of the tester program and the MacNet interface. */
    static ObjectNode versionInfo() {
        return function(1, 1);
    }

    /** (3,1) the channel's specification: Vmax, Vmin, the largest current of each range... */
    static ObjectNode channelSpec(int chan) {
        return function(3, 1, chan);
    }

    /** (4,7) status and readings of one channel. */
    static ObjectNode readStatus(int chan) {
        return function(4, 7, chan);
    }

    /** (4,4) the auxiliary values (temperatures, pressures...) mapped to one channel. */
    static ObjectNode readAux(int chan) {
        return function(4, 4, chan);
    }

    /** (6,5) reset the channel: stops the test on it. */
    static ObjectNode reset(int chan) {
        return function(6, 5, chan);
    }

    /** (6,10) safety limits of a channel. */
    static ObjectNode safetyLimits(int chan, SafetyLimits l) {
        ObjectNode p = function(6, 10, chan);
        num(p, "VSafeMax", l.maxVolt());
        num(p, "VSafeMin", l.minVolt());
        num(p, "ISafeChg", l.chargeAmpere());
        num(p, "ISafeDis", l.dischargeAmpere());
        num(p, "PBatSafeChg", l.chargeWatt());
        num(p, "PBatSafeDis", l.dischargeWatt());
        return p;
    }

    /** (6,7) start a direct-mode test with the output given (data records every {@code dataTime} s). */
    static ObjectNode startDirect(int chan, String testName, DirectOutput out, double dataTime) {
        ObjectNode p = function(6, 7, chan);
        p.put("TestName", testName);
        output(p, out);
        num(p, "DataTime", dataTime);
        p.put("DataV", 0);
        p.put("DataI", 0);
        return p;
    }

    /** (6,8) set the output of a channel in direct mode. */
    static ObjectNode setDirect(int chan, DirectOutput out) {
        return output(function(6, 8, chan), out);
    }

    /**
     * Puts a number as JSON: whole values without a fraction (65536, 0), as pymacnet's
     * messages write them; others in Java's shortest round-trip form (4.2, 0.001).
     */
    static void num(ObjectNode p, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            p.put(key, (long) v);
        } else {
            p.put(key, v);
        }
    }

    private static ObjectNode output(ObjectNode p, DirectOutput out) {
        num(p, "Current", out.ampere());
        num(p, "Voltage", out.volt());
        num(p, "Power", out.watt());
        num(p, "Resistance", out.ohm());
        p.put("CurrentRange", out.currentRange());
        p.put("ChMode", String.valueOf(out.mode()));
        return p;
    }

    /**
     * A direct-mode output: MacNet's current, voltage, power and resistance are mutually
     * limiting (the channel sources the most restrictive); {@code mode} is 'C' (charge),
     * 'D' (discharge) or 'R' (rest). Magnitudes are positive in both directions.
     */
    record DirectOutput(char mode, double ampere, double volt, double watt, double ohm, int currentRange) {

        /**
         * The set points this output uses: those not sent as "ignore" (65536, or a resistance
         * of 0). The driver sends a used set point only within the channel's range (max_current
         * and max_voltage are checked against (3,1) before direct mode starts).
         */
        java.util.Set<SetPoint> setPoints() {
            java.util.EnumSet<SetPoint> used = java.util.EnumSet.noneOf(SetPoint.class);
            if (ampere != IGNORE) {
                used.add(SetPoint.CURRENT);
            }
            if (volt != IGNORE) {
                used.add(SetPoint.VOLTAGE);
            }
            if (watt != IGNORE) {
                used.add(SetPoint.POWER);
            }
            if (ohm > 0) {
                used.add(SetPoint.RESISTANCE);
            }
            return used;
        }
    }

    /** MacNet's four mutually limiting set points; at most three act at once (help, (6,7)). */
    enum SetPoint {
        CURRENT, VOLTAGE, POWER, RESISTANCE
    }

    /** The safety limits of (6,10). Currents and powers are magnitudes. */
    record SafetyLimits(double maxVolt, double minVolt, double chargeAmpere, double dischargeAmpere,
                        double chargeWatt, double dischargeWatt) {
    }
}
