package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a command's {@code Result} means, each function with its own table from Maccor's MacNet
 * help: (6,7) Start direct mode (page 47) and (6,8) Set direct mode output (page 48) number
 * their refusals differently — 3 is "failed creating the pseudo test procedure" for the one
 * and "sent too fast" for the other. Other commands answer "OK" or a text.
 */
final class MacNetResults {

    /** (6,7): "A number will be returned describing the success or failure of the start". */
    static final Map<Integer, String> START_DIRECT = Map.of(
            1, "illegal system type (direct mode works on system type 0 only)",
            2, "the channel is not available (a test is on it, or it is not ready)",
            3, "failed creating the pseudo test procedure");

    /** (6,8): "A number will be returned describing the success or failure of the command". */
    static final Map<Integer, String> SET_DIRECT = Map.of(
            1, "illegal system type (direct mode works on system type 0 only)",
            2, "the channel is not active",
            3, "command sent too fast (MacNet needs 100 ms between commands; raise command_interval)",
            4, "direct mode is not active (the watchdog or a safety limit may have suspended the channel)",
            5, "direct mode is not ready yet");

    private MacNetResults() {
    }

    /** True for "OK" (or the number 0). */
    static boolean ok(JsonNode reply) {
        JsonNode result = reply.path("Result");
        return result.isTextual() && result.asText().equals("OK") || result.isNumber() && result.asInt() == 0;
    }

    /** Why a command was refused, from {@code table} (the function's own result numbers). */
    static String why(JsonNode reply, Map<Integer, String> table) {
        JsonNode result = reply.path("Result");
        if (result.isNumber()) {
            String text = table.get(result.asInt());
            return text != null ? text : "refused with result " + result.asInt();
        }
        return "refused: " + (result.isMissingNode() ? "no 'Result' in " + reply : result.asText());
    }
}
