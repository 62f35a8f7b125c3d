package io.cellbench.cli;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.ProtocolJson;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduleLoader;
import io.cellbench.schedules.schedule.ScheduledCell;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check protocol, schedule and notify files without running anything.",
            "Every problem is reported as file:line:column with a hint; all files are checked."},
        footer = {"", "Examples:",
            "  cellbench validate formation.yaml gitt.yaml",
            "  cellbench validate --json formation.yaml     print the normalized protocol (SI units)",
            "  cellbench validate schedule.yaml             checks the schedule and every protocol it names",
            "", "Exit status: 0 when every file is valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Protocol, schedule or notify files (YAML).")
    List<Path> files;

    @Option(names = "--json", description = "Print the normalized form as JSON instead of a summary.")
    boolean json;

    @Override
    public Integer call() {
        int bad = 0;
        for (Path file : files) {
            try {
                validate(file);
            } catch (ProtocolException e) {
                System.err.println(e.getMessage());
                bad++;
            }
        }
        if (bad > 0 && files.size() > 1) {
            System.err.println(bad + " of " + files.size() + " files have problems");
        }
        return bad == 0 ? 0 : UserErrors.BAD_INPUT;
    }

    private void validate(Path file) {
        YamlDocument doc = YamlDocument.read(file);
        if (io.cellbench.schedules.alarm.NotifyConfigLoader.looksLikeNotify(doc.root())) {
            var notify = io.cellbench.schedules.alarm.NotifyConfigLoader.check(file);
            System.out.println("ok: " + file + ": notify file" + (notify.command().isEmpty() ? "" : ", command "
                    + notify.command().getFirst()) + (notify.webhook() == null ? ""
                    : ", webhook (its URL and token are read when a run starts)"));
            return;
        }
        if (ScheduleLoader.looksLikeSchedule(doc.root())) {
            Schedule schedule = ScheduleLoader.load(file);
            if (json) {
                System.out.println(ScheduleJson.toJson(schedule));
            } else {
                System.out.println("ok: " + file + ": schedule '" + schedule.name() + "', "
                        + schedule.cells().size() + " cells");
                for (ScheduledCell c : schedule.cells()) {
                    System.out.println("    " + c.info().id() + ": protocol '" + c.protocol().name() + "' ("
                            + c.protocol().source() + ")");
                }
            }
            return;
        }
        Protocol protocol = ProtocolLoader.load(file);
        if (json) {
            System.out.println(ProtocolJson.toJson(protocol));
        } else {
            System.out.println("ok: " + file + ": protocol '" + protocol.name() + "', "
                    + protocol.steps().size() + " top-level steps");
        }
    }
}
