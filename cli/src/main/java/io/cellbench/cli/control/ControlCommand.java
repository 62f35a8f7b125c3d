package io.cellbench.cli.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.UserError;
import io.cellbench.schedules.control.ControlJson;
import io.cellbench.schedules.control.ControlClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pause, continue and stop: one request to the process running DIR, and its answer printed. */
abstract class ControlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory of the running process.")
    Path dir;

    @Option(names = "--cell", paramLabel = "ID", description = "Only this cell (default: every cell).")
    String cell;

    abstract String verb();

    ObjectNode request() {
        ObjectNode r = ControlJson.MAPPER.createObjectNode().put("command", verb());
        if (cell != null) {
            r.put("cell", cell);
        }
        return r;
    }

    @Override
    public Integer call() {
        ObjectNode answer;
        try {
            answer = ControlClient.request(dir, request(), ControlClient.TIMEOUT);
        } catch (ControlClient.NotRunning e) {
            throw new UserError("no cellbench process runs " + dir + " (" + e.getMessage() + "); "
                    + "'cellbench status " + dir + "' shows where it stopped, 'cellbench resume " + dir
                    + "' continues it");
        } catch (IOException e) {
            throw new UserError("cannot " + verb() + ": " + e.getMessage());
        }
        if (!answer.path("ok").asBoolean()) {
            throw new UserError("cannot " + verb() + ": " + answer.path("error").asText());
        }
        System.out.println(answer.path("message").asText());
        return 0;
    }
}
