package io.cellbench.drivers.neware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A garbled BTS reply is the driver's one error, naming the instrument and command, and nothing else is printed. */
class BtsReplyTest {

    @Test
    void aReplyThatIsNotXmlIsAnInstrumentErrorAndTheParserPrintsNothing() {
        // without an error handler the JDK's parser prints "[Fatal Error] :1:23: ..." on stderr itself
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        InstrumentException e;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(InstrumentException.class, () -> BtsReply.parse("Neware BTS 127.0.0.1:502",
                    "getchlstatus", "<?xml version=\"1.0\"?><bts><cmd>getchlstatus_resp</cmd><list", "getchlstatus"));
        } finally {
            System.setErr(before);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing but the driver's own error");
        assertTrue(e.getMessage().contains("getchlstatus"), e.getMessage());
        assertTrue(e.getMessage().contains("the reply is not XML"), e.getMessage());
    }
}
