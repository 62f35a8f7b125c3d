package io.cellbench.daq.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LineProtocolTest {

    @Test
    void measurementEscapesCommaAndSpaceButNotEquals() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("my m,x=y").field("v", 1.0).end(5);
        assertEquals("my\\ m\\,x=y v=1.0 5\n", lp.toString());
    }

    @Test
    void tagKeysValuesAndFieldKeysEscapeCommaEqualsAndSpace() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("m").tag("cell id", "A,1=x y").field("z real", 2.5).end(1);
        assertEquals("m,cell\\ id=A\\,1\\=x\\ y z\\ real=2.5 1\n", lp.toString());
    }

    @Test
    void stringFieldsEscapeQuoteAndBackslashAndLoseLineBreaks() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("events").field("message", "say \"hi\"\\now\nnext\rline\\").end(1);
        assertEquals("events message=\"say \\\"hi\\\"\\\\now next line\\\\\" 1\n", lp.toString());
    }

    @Test
    void aTrailingBackslashInATagCannotBeWrittenAndIsDropped() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("m").tag("path", "C:\\data\\").tag("only", "\\\\").field("v", 1L).end(1);
        assertEquals("m,path=C:\\data v=1i 1\n", lp.toString());
    }

    @Test
    void aBackslashBeforeAnEscapedCharacterIsKeptLiterally() {
        // InfluxDB reads "\\," as a literal backslash then an escaped comma.
        LineProtocol lp = new LineProtocol();
        lp.measurement("m").tag("t", "a\\,b").field("v", 1L).end(1);
        assertEquals("m,t=a\\\\,b v=1i 1\n", lp.toString());
    }

    @Test
    void nanAndInfinityAreLeftOutIntegersCarryISuffixAndBooleansAreTOrF() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("m").field("a", Double.NaN).field("b", 3L).field("c", Double.POSITIVE_INFINITY)
                .field("d", true).field("e", -1.5e-7).end(9);
        assertEquals("m b=3i,d=t,e=-1.5E-7 9\n", lp.toString());
    }

    @Test
    void emptyOrNullTagsAreLeftOutAndAPointWithoutFieldsIsDropped() {
        LineProtocol lp = new LineProtocol();
        lp.measurement("m").tag("a", "").tag("b", null).field("v", 1L).end(1);
        assertFalse(lp.measurement("m").tag("x", "y").field("nan", Double.NaN).end(2));
        assertEquals("m v=1i 1\n", lp.toString());
    }
}
