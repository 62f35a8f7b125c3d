package io.cellbench.daq.influx;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process {@link InfluxOutageTest} kills with {@code kill -9}: it writes samples through
 * an {@link InfluxSink} configured from the environment, and after each {@code on()} returns
 * prints how many samples the sink has acknowledged. It never stops by itself.
 */
public final class SpoolCrashChild {

    private SpoolCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        InfluxConfig config = InfluxConfigLoader.load(null, System.getenv()).config();
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII));
        InfluxSink sink = InfluxSink.builder(config).run("crash").notices(n -> { }).open();
        for (int i = 0; ; i++) {
            sink.on(TestData.recorded("K1", i));
            out.write(Integer.toString(i + 1));
            out.write('\n');
            out.flush();
            if (i % 25 == 24) {
                Thread.sleep(1); // about 30k samples/s, so the writer has sent some batches when the kill comes
            }
        }
    }
}
