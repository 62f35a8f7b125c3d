package io.cellbench.daq.arrow;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil.CodecType;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * Buffer compression inside Arrow IPC record batches. Readers need the codec: pyarrow and
 * Arrow C++/R read both; Arrow JS only after a codec is registered (see docs/data.md).
 *
 * <p>Measured with ArrowSinkBenchmark (Arrow Java 18.3): ZSTD writes ~400,000 samples/s at
 * ~58% of the uncompressed size. LZ4_FRAME, done by commons-compress in Java, manages only
 * ~10,000 samples/s on sample data (its compressor slows down badly on slowly varying
 * doubles) at ~71%: fine for a few slow-logging cells, not for fast acquisition.
 */
public enum ArrowCompression {
    NONE(CodecType.NO_COMPRESSION),
    LZ4_FRAME(CodecType.LZ4_FRAME),
    ZSTD(CodecType.ZSTD);

    private final CodecType codecType;

    ArrowCompression(CodecType codecType) {
        this.codecType = codecType;
    }

    CodecType codecType() {
        return codecType;
    }

    CompressionCodec.Factory factory() {
        return this == NONE ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
    }

    /** The factory readers use: it decodes uncompressed, LZ4_FRAME and ZSTD batches alike. */
    static CompressionCodec.Factory readerFactory() {
        return CommonsCompressionFactory.INSTANCE;
    }
}
