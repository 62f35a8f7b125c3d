package io.cellbench.importers.neware;

/**
 * The record layouts of legacy {@code .nda} files, by version (byte 14 of the file). Offsets are
 * read from the files and Neware's BTSDA exports of them; NewareNDA and fastnda (BSD) describe the
 * same. One mutable instance per read holds the decoded record.
 */
final class NdaLayout {

    enum Kind {
        /** nda 8: 59-byte records, identifier 0, one signed capacity. */
        V8,
        /** nda 22, 23: 86-byte records, identifier 85, unix time in seconds. */
        V22,
        /** nda 26, 29: 86-byte records, identifier 85, a local date; aux records with identifier 101. */
        V29,
        /** nda 130 from BTS 9.0: 88-byte records, identifier 85 at byte 4, times in µs, no cycle. */
        V130_BTS90,
        /** nda 130 from BTS 9.1: records of the length between two identifiers, test time, aux temperature. */
        V130_BTS91
    }

    static final byte[] START_V8 = {(byte) 0xff, 1, 0, 0, 0};
    static final byte[] START_V22 = {(byte) 0xaa, 0, 1, 0, 0, 0};
    static final byte[] START_V29 = {0x55, 0, 1, 0, 0, 0};
    static final byte[] START_BTS90 = {0x12, 0x50, 0, 7, 0x55, (byte) 0x81, 1, 6};

    private NdaLayout() {
    }

    static Kind of(int version, int subVersion) {
        return switch (version) {
            case 8 -> Kind.V8;
            case 22, 23 -> Kind.V22;
            case 26, 29 -> Kind.V29;
            case 130 -> subVersion == 85 ? Kind.V130_BTS91 : subVersion == 18 ? Kind.V130_BTS90 : null;
            default -> null;
        };
    }
}
