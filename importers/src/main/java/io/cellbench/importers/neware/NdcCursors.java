package io.cellbench.importers.neware;

import io.cellbench.importers.ImportException;
import java.nio.ByteBuffer;

/**
 * Decoders of the {@code .ndc} row layouts, each a cursor that moves forward through one member.
 * Offsets and units are read from the files and from the BTSDA exports of them (NewareNDA and
 * fastnda, BSD, describe the same layouts); every supported (version, file type) pair is listed
 * in {@link #rowSize}, and any other is refused by name.
 */
final class NdcCursors {

    private NdcCursors() {
    }

    static final int DATA = 1;
    static final int AUX = 5;
    static final int STEP = 7;
    static final int RUN_INFO = 18;

    /** Row size of a layout, or -1 when this (version, file type) is not supported. */
    static int rowSize(int version, int filetype) {
        return switch (filetype) {
            case DATA -> switch (version) {
                case 2 -> 94;
                case 11, 14, 16, 17 -> 8;
                default -> -1;
            };
            case RUN_INFO -> switch (version) {
                case 11 -> 47;
                case 14 -> 55;
                case 16, 17 -> 100;
                default -> -1;
            };
            case STEP -> switch (version) {
                case 11, 14 -> 37;
                case 16, 17 -> 100;
                default -> -1;
            };
            case AUX -> switch (version) {
                case 2 -> 94;
                case 14, 17 -> 4;
                case 16 -> 7;
                default -> -1;
            };
            default -> -1;
        };
    }

    /** A forward cursor over one member's rows: each kind decodes its own layout. */
    abstract static class Cursor {
        final NdcPages pages;

        Cursor(NdcPages pages) {
            this.pages = pages;
        }

        /** Moves to the next row and decodes it; false at the end of the member. */
        final boolean next() throws ImportException {
            if (!pages.next()) {
                return false;
            }
            decode(pages.page(), pages.row());
            return true;
        }

        abstract void decode(ByteBuffer b, int at);
    }

    /** data.ndc of version 11 and later: voltage and current only; the index is the slot number. */
    static final class Data extends Cursor {
        long index;
        double voltageVolt;
        double currentMilliampere;

        Data(NdcPages pages) {
            super(pages);
        }

        @Override
        void decode(ByteBuffer b, int at) {
            float volt = b.getFloat(at);
            float current = b.getFloat(at + 4);
            index = pages.slotNumber();
            switch (pages.version()) {
                case 14, 17 -> { // V and A
                    voltageVolt = volt;
                    currentMilliampere = current * 1000.0;
                }
                default -> { // 11, 16: 0.1 mV and mA
                    voltageVolt = volt / 10000.0;
                    currentMilliampere = current;
                }
            }
        }
    }

    /**
     * data_runInfo.ndc: step time, counters, record interval and clock for some of the data rows
     * (BTS writes it when something changes; rows between are interpolated by the reader).
     */
    static final class RunInfo extends Cursor {
        long index;
        double stepTimeSecond;
        double chargeMah;
        double dischargeMah;
        double chargeMwh;
        double dischargeMwh;
        double intervalSecond;
        double unixTimeSecond;
        long rawStep;

        RunInfo(NdcPages pages) {
            super(pages);
        }

        @Override
        void decode(ByteBuffer b, int at) {
            stepTimeSecond = Integer.toUnsignedLong(b.getInt(at)) / 1000.0;
            double scale = switch (pages.version()) {
                case 14, 17 -> 1000.0; // Ah -> mAh
                default -> 1 / 3600.0; // mAs -> mAh
            };
            chargeMah = b.getFloat(at + 5) * scale;
            dischargeMah = b.getFloat(at + 9) * scale;
            chargeMwh = b.getFloat(at + 13) * scale;
            dischargeMwh = b.getFloat(at + 17) * scale;
            intervalSecond = b.getInt(at + 29) / 1000.0;
            long seconds = Integer.toUnsignedLong(b.getInt(at + 33));
            rawStep = Integer.toUnsignedLong(b.getInt(at + 37));
            index = Integer.toUnsignedLong(b.getInt(at + 41));
            int millis = pages.version() == 14 ? b.getShort(at + 45) : Short.toUnsignedInt(b.getShort(at + 45));
            unixTimeSecond = seconds + millis / 1000.0;
        }
    }

    /** data_step.ndc: one row per executed step with its cycle, program step and type. */
    static final class Step extends Cursor {
        long stepCount;
        int cycle;
        int stepId;
        int typeCode;
        private long lastStepId = Long.MIN_VALUE;

        Step(NdcPages pages) {
            super(pages);
        }

        @Override
        void decode(ByteBuffer b, int at) {
            cycle = b.getInt(at) + 1;
            stepId = b.getInt(at + 4);
            typeCode = b.get(at + 24) & 0xff;
            if (pages.version() == 16) {
                // ndc 16 numbers steps by changes of the program step (as its runInfo does)
                if (stepId != lastStepId) {
                    stepCount++;
                }
                lastStepId = stepId;
            } else {
                stepCount++;
            }
        }
    }

    /** An auxiliary channel member (ndc 14/16/17): one value per data row, matched by row number. */
    static final class Aux extends Cursor {
        long index;
        double value;
        double voltageVolt;
        double temperatureCelsius;
        final boolean voltageAndTemperature;

        Aux(NdcPages pages, boolean voltageAndTemperature) {
            super(pages);
            this.voltageAndTemperature = voltageAndTemperature;
        }

        @Override
        void decode(ByteBuffer b, int at) {
            index++;
            if (voltageAndTemperature) {
                voltageVolt = b.getFloat(at + 1) / 10000.0;
                temperatureCelsius = b.getShort(at + 5) / 10.0;
                value = temperatureCelsius;
            } else {
                value = b.getFloat(at);
            }
        }
    }
}
