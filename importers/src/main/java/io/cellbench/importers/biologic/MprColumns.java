package io.cellbench.importers.biologic;

import java.util.Map;

/**
 * Column ids of the {@code VMP data} module: what each holds and how it is stored. Every entry
 * was checked against EC-Lab's own text export (.mpt) of the reference files, value by value
 * (MprReaderTest); ids not listed are refused by number, since the record layout depends on each
 * column's size. The ids 1, 2, 3, 21, 31, 65 are bits of one flags byte.
 */
final class MprColumns {

    enum Type {
        FLAGS(1), F4(4), F8(8), U2(2), U4(4);

        final int size;

        Type(int size) {
            this.size = size;
        }
    }

    record Column(int id, String name, Type type) {
    }

    static final int MODE = 1;
    static final int OX_RED = 2;
    static final int ERROR = 3;
    static final int CONTROL_CHANGES = 21;
    static final int NS_CHANGES = 31;
    static final int COUNTER_INC = 65;
    static final int TIME = 4;
    static final int EWE = 6;
    static final int DQ_MAH = 7;
    static final int I_MA = 8;
    static final int I_MA_DOUBLE = 11;
    static final int Q_QO_MAH = 13;
    static final int CYCLE_NUMBER = 24;
    static final int FREQUENCY = 32;
    static final int RE_Z = 37;
    static final int MINUS_IM_Z = 38;
    static final int MEAN_I_MA = 76;
    static final int MEAN_EWE = 77;
    static final int NS = 131;
    static final int MEAN_EWE_CP = 174;
    static final int DQ_C = 435;
    static final int Q_QO_C = 434;

    private static final Map<Integer, Column> COLUMNS = Map.ofEntries(
            flag(MODE, "mode"), flag(OX_RED, "ox/red"), flag(ERROR, "error"),
            flag(CONTROL_CHANGES, "control changes"), flag(NS_CHANGES, "Ns changes"), flag(COUNTER_INC, "counter inc."),
            column(TIME, "time/s", Type.F8),
            column(5, "control/V/mA", Type.F4),
            column(EWE, "Ewe/V", Type.F4),
            column(DQ_MAH, "dq/mA.h", Type.F8),
            column(I_MA, "I/mA", Type.F4),
            column(I_MA_DOUBLE, "I/mA", Type.F8),
            column(Q_QO_MAH, "(Q-Qo)/mA.h", Type.F8),
            column(20, "control/mA", Type.F4),
            column(CYCLE_NUMBER, "cycle number", Type.F8),
            column(FREQUENCY, "freq/Hz", Type.F4),
            column(33, "|Ewe|/V", Type.F4),
            column(34, "|I|/A", Type.F4),
            column(35, "Phase(Z)/deg", Type.F4),
            column(36, "|Z|/Ohm", Type.F4),
            column(RE_Z, "Re(Z)/Ohm", Type.F4),
            column(MINUS_IM_Z, "-Im(Z)/Ohm", Type.F4),
            column(39, "I Range", Type.U2),
            column(70, "P/W", Type.F4),
            column(74, "|Energy|/W.h", Type.F8),
            column(MEAN_I_MA, "<I>/mA", Type.F4),
            column(MEAN_EWE, "<Ewe>/V", Type.F4),
            column(96, "|Ece|/V", Type.F4),
            column(98, "Phase(Zce)/deg", Type.F4),
            column(99, "|Zce|/Ohm", Type.F4),
            column(100, "Re(Zce)/Ohm", Type.F4),
            column(101, "-Im(Zce)/Ohm", Type.F4),
            column(123, "Energy charge/W.h", Type.F8),
            column(124, "Energy discharge/W.h", Type.F8),
            column(125, "Capacitance charge/µF", Type.F8),
            column(126, "Capacitance discharge/µF", Type.F8),
            column(NS, "Ns", Type.U2),
            column(169, "Cs/µF", Type.F4),
            column(172, "Cp/µF", Type.F4),
            column(MEAN_EWE_CP, "<Ewe>/V", Type.F4),
            column(430, "Phase(Zwe-ce)/deg", Type.F4),
            column(431, "|Zwe-ce|/Ohm", Type.F4),
            column(432, "Re(Zwe-ce)/Ohm", Type.F4),
            column(433, "-Im(Zwe-ce)/Ohm", Type.F4),
            column(Q_QO_C, "(Q-Qo)/C", Type.F4),
            column(DQ_C, "dQ/C", Type.F4),
            column(441, "<Ece>/V", Type.F4),
            column(467, "Q charge/discharge/mA.h", Type.F8),
            column(468, "half cycle", Type.U4),
            column(471, "<Ece>/V", Type.F4));

    /** Flag bits inside the flags byte. */
    static int flagMask(int id) {
        return switch (id) {
            case MODE -> 0x03;
            case OX_RED -> 0x04;
            case ERROR -> 0x08;
            case CONTROL_CHANGES -> 0x10;
            case NS_CHANGES -> 0x20;
            case COUNTER_INC -> 0x80;
            default -> 0;
        };
    }

    private MprColumns() {
    }

    static Column of(int id) {
        return COLUMNS.get(id);
    }

    private static Map.Entry<Integer, Column> flag(int id, String name) {
        return Map.entry(id, new Column(id, name, Type.FLAGS));
    }

    private static Map.Entry<Integer, Column> column(int id, String name, Type type) {
        return Map.entry(id, new Column(id, name, type));
    }
}
