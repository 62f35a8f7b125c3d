package io.cellbench.importers.neware;

import io.cellbench.importers.ImportException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One decoded .nda data record (mutable, reused), in the file's units turned to mA, mAh, s. */
final class NdaRow {

    long index;
    int cycle;
    int stepId;
    int typeCode;
    int stepMarker;
    double stepTime = Double.NaN;
    double testTime = Double.NaN;
    double volt;
    double milliamp;
    double chargeMah;
    double dischargeMah;
    double chargeMwh;
    double dischargeMwh;
    double unix = Double.NaN;
    double auxTemperature = Double.NaN;

    /** Decodes a data record of {@code kind}; returns false for a record that is not data (another identifier). */
    boolean decode(NdaLayout.Kind kind, NdaRecords records, int identifier) throws ImportException {
        ByteBuffer b = records.record();
        switch (kind) {
            case V8 -> {
                if (b.get(0) != 0) {
                    return false;
                }
                index = Integer.toUnsignedLong(b.getInt(1));
                cycle = b.getInt(5);
                stepId = b.get(9) & 0xff;
                typeCode = b.get(10) & 0xff;
                stepMarker = stepId;
                stepTime = Integer.toUnsignedLong(b.getInt(11));
                volt = b.getInt(15) / 10000.0;
                milliamp = b.getInt(19) / 1000.0;
                double capacity = b.getLong(31) / 3600000.0;
                double energy = b.getLong(39) / 3600000.0;
                boolean charging = milliamp > 0;
                chargeMah = charging ? capacity : 0;
                dischargeMah = charging ? 0 : capacity;
                chargeMwh = charging ? energy : 0;
                dischargeMwh = charging ? 0 : energy;
                unix = b.getLong(47);
            }
            case V22, V29 -> {
                if ((b.get(0) & 0xff) != 85) {
                    return false;
                }
                index = Integer.toUnsignedLong(b.getInt(2));
                cycle = b.getInt(6) + 1;
                stepId = Short.toUnsignedInt(b.getShort(10));
                typeCode = b.get(12) & 0xff;
                stepMarker = kind == NdaLayout.Kind.V29 ? b.get(13) & 0xff : stepId;
                stepTime = b.getLong(14) / 1000.0;
                volt = b.getInt(22) / 10000.0;
                int range = b.getInt(78);
                Double multiplier = NewareCodes.rangeMultiplier(range);
                if (multiplier == null) {
                    throw records.error(78, "unknown current range " + range + " (record " + index
                            + "): its current multiplier is not known, so no current can be read");
                }
                milliamp = b.getInt(26) * multiplier;
                double toMah = multiplier / 3600.0;
                chargeMah = b.getLong(38) * toMah;
                dischargeMah = b.getLong(46) * toMah;
                chargeMwh = b.getLong(54) * toMah;
                dischargeMwh = b.getLong(62) * toMah;
                unix = kind == NdaLayout.Kind.V22 ? (double) b.getLong(70) : localTime(b, 70);
            }
            case V130_BTS90 -> {
                if ((b.get(4) & 0xff) != 85) {
                    return false;
                }
                stepId = b.get(9) & 0xff;
                typeCode = b.get(10) & 0xff;
                stepMarker = stepId;
                index = Integer.toUnsignedLong(b.getInt(16));
                stepTime = b.getLong(28) / 1e6;
                volt = b.getFloat(36);
                milliamp = b.getFloat(40);
                splitBySign(b.getFloat(60) / 3600.0, b.getFloat(64) / 3600.0);
                unix = b.getLong(68) / 1e6;
                cycle = 0; // BTS 9.0 records carry no cycle
            }
            case V130_BTS91 -> {
                if (Short.toUnsignedInt(b.getShort(0)) != identifier) {
                    return false;
                }
                stepId = b.get(2) & 0xff;
                typeCode = b.get(3) & 0xff;
                stepMarker = stepId;
                index = Integer.toUnsignedLong(b.getInt(8));
                testTime = Integer.toUnsignedLong(b.getInt(12)) + Integer.toUnsignedLong(b.getInt(16)) / 1e9;
                milliamp = b.getFloat(20);
                volt = b.getFloat(24);
                splitBySign(b.getFloat(28) / 3600.0, b.getFloat(32) / 3600.0);
                cycle = b.getInt(36) + 1;
                unix = Integer.toUnsignedLong(b.getInt(44)) + Integer.toUnsignedLong(b.getInt(48)) / 1e9;
                auxTemperature = b.capacity() >= 56 ? b.getFloat(52) : Double.NaN;
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return true;
    }

    /** A signed counter (positive on charge) into charge and discharge parts. */
    private void splitBySign(double capacity, double energy) {
        chargeMah = Math.max(capacity, 0);
        dischargeMah = Math.max(-capacity, 0);
        chargeMwh = Math.max(energy, 0);
        dischargeMwh = Math.max(-energy, 0);
    }

    /** Local date and time to the second (no zone), read as UTC like BTSDA shows it. */
    private static double localTime(ByteBuffer b, int at) {
        try {
            return LocalDateTime.of(Short.toUnsignedInt(b.getShort(at)), b.get(at + 2), b.get(at + 3), b.get(at + 4),
                    b.get(at + 5), b.get(at + 6)).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }
}
