package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.VerifiedFact;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cellbench probe} reports about a Maccor test system: (1,2) General system
 * information and (1,1) Version info, with the warnings Maccor's MacNet help gives reason for.
 */
final class MacNetSystemFacts {

    /** (1,2) System Type, help page 12. */
    private static final List<String> SYSTEM_TYPES = List.of("lab system", "500 ms mode", "N/A", "50 ms mode",
            "first generation 8500", "second generation 8500");

    private MacNetSystemFacts() {
    }

    /** @param version the (1,1) result, or the {@link MacNetErrorException} it was answered with */
    static List<VerifiedFact> of(JsonNode general, Object version) {
        List<VerifiedFact> facts = new ArrayList<>();
        facts.add(VerifiedFact.ok("system", general.path("SystemID").asText("?") + ", "
                + general.path("TestChannels").asText("?") + " test channels, " + general.path("AuxChannels").asText("?")
                + " aux channels"));
        int type = general.path("SystemType").asInt(-1);
        String typeText = type + (type >= 0 && type < SYSTEM_TYPES.size() ? " (" + SYSTEM_TYPES.get(type) + ")" : "");
        // (6,7)/(6,8) result 1: "Illegal system type. This feature only works for type 0"
        facts.add(type == 0 ? VerifiedFact.ok("system type", typeText)
                : VerifiedFact.warn("system type", typeText, "direct mode works on system type 0 only: cellbench"
                        + " cannot drive these channels"));
        if (version instanceof JsonNode v) {
            String exe = v.path("MacTest32EXEversionMajor").asText("?") + "." + v.path("MacTest32EXEversionMinor")
                    .asText("?") + "." + v.path("MacTest32EXEversionBuild").asText("?");
            String dll = v.path("MacTest32DLLversionMajor").asText("?") + "." + v.path("MacTest32DLLversionMinor")
                    .asText("?") + "." + v.path("MacTest32DLLversionBuild").asText("?");
            String text = "MacTest32.exe " + exe + ", MacTest32.dll " + dll + ", MacNet API "
                    + v.path("APIVersion").asText("?");
            // help, (1,1): "their version numbers must be identical"
            facts.add(exe.equals(dll) ? VerifiedFact.ok("tester software", text)
                    : VerifiedFact.warn("tester software", text, "MacTest32.exe and MacTest32.dll differ; Maccor says"
                            + " they must be identical: contact Maccor for an update"));
        } else if (version instanceof MacNetErrorException e) {
            facts.add(VerifiedFact.warn("tester software", "not read", "(1,1) Version info was refused: " + e.getMessage()));
        }
        return List.copyOf(facts);
    }
}
