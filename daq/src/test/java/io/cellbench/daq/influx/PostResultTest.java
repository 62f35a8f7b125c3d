package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.influxdb.InfluxDBException;
import org.junit.jupiter.api.Test;

/** Which server answers make the writer retry, alarm, or look for bad lines. */
class PostResultTest {

    static PostResult classify(int status, String body) {
        return InfluxDbJavaPoster.classify(status, InfluxDBException.buildExceptionForErrorState(body));
    }

    @Test
    void onlyTheLinesFaultsLeadToSplittingAndRejecting() {
        assertInstanceOf(PostResult.BadLines.class, classify(400, "{\"error\":\"unable to parse 'x': missing fields\"}"));
        assertInstanceOf(PostResult.BadLines.class, classify(400,
                "{\"error\":\"partial write: field type conflict: input field \\\"v\\\" is type float\"}"));
        assertInstanceOf(PostResult.BadLines.class, classify(400,
                "{\"error\":\"partial write: points beyond retention policy dropped=2\"}"));
        assertInstanceOf(PostResult.BadLines.class, classify(413, "{\"error\":\"Request Entity Too Large\"}"));
    }

    @Test
    void settingsProblemsAreRetriedWithAnAlarmNeverRejected() {
        assertInstanceOf(PostResult.Refused.class, classify(401, "{\"error\":\"authorization failed\"}"));
        assertInstanceOf(PostResult.Refused.class, classify(404, "{\"error\":\"database not found: \\\"x\\\"\"}"));
        assertInstanceOf(PostResult.Refused.class, classify(400, "{\"error\":\"invalid precision\"}"));
    }

    @Test
    void serverTroubleIsRetried() {
        assertInstanceOf(PostResult.Unavailable.class, classify(500, "{\"error\":\"timeout\"}"));
        assertInstanceOf(PostResult.Unavailable.class, classify(503, "<html>proxy</html>"));
        assertInstanceOf(PostResult.Unavailable.class, classify(500,
                "{\"error\":\"cache-max-memory-size exceeded\"}"));
    }
}
