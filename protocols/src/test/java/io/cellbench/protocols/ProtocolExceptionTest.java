package io.cellbench.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.protocols.grammar.SourceText;
import io.cellbench.protocols.model.SourceLocation;
import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {

    @Test
    void messageShowsLocationLineCaretsAndHint() {
        ProtocolException e = new ProtocolException("cell7.yaml", 12, 26, "4.3 V", "cut-off above the limit",
                "lower it", "  - Charge at 1 A until 4.3 V", 22, 5);
        assertEquals("cell7.yaml:12:26: error: cut-off above the limit\n"
                + "      - Charge at 1 A until 4.3 V\n"
                + "    " + " ".repeat(22) + "^^^^^\n"
                + "  hint: lower it", e.getMessage());
        assertEquals(new SourceLocation("cell7.yaml", 12, 26), e.location());
    }

    @Test
    void tabsInTheLineAreKeptUnderTheCaret() {
        ProtocolException e = new ProtocolException("f", 1, 3, "x", "bad", "", "\t\tx", 2, 1);
        assertEquals("f:1:3: error: bad\n    \t\tx\n    \t\t^", e.getMessage());
    }

    @Test
    void multiLineHintsAreIndentedAndFileProblemsHaveNoPosition() {
        ProtocolException e = ProtocolException.forFile("p.yaml", "no such file", "check\nthe path");
        assertEquals("p.yaml: error: no such file\n  hint: check\n        the path", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void errorsFromSourceTextSpanTheOffendingCharacters() {
        SourceText s = SourceText.at("Charge at 1 A until 4.1 Vv", new SourceLocation("p.yaml", 3, 5));
        ProtocolException e = s.error(24, 26, "unknown unit 'Vv'", "");
        assertEquals("p.yaml:3:29: error: unknown unit 'Vv'\n    Charge at 1 A until 4.1 Vv\n"
                + "                            ^^", e.getMessage());
        assertEquals("Vv", e.offendingText());
    }
}
