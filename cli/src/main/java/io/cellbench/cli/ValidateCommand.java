package io.cellbench.cli;

import io.cellbench.protocols.ProtocolException;
import io.cellbench.protocols.ProtocolJson;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.YamlDocument;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.lab.LabCheck;
import io.cellbench.schedules.lab.LabFile;
import io.cellbench.schedules.lab.LabInstrument;
import io.cellbench.schedules.lab.LabLoader;
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
        description = {"Check protocol, schedule, lab and notify files without running anything or connecting",
            "to any instrument. Every problem is reported as file:line:column with a hint; all files are",
            "checked. A lab file is recognised by its top-level 'instruments:'; its drivers check their",
            "settings. With --lab, each schedule's channel:, eis:, fixture: and chamber: names are",
            "checked against that lab file."},
        footer = {"", "Examples:",
            "  cellbench validate formation.yaml gitt.yaml",
            "  cellbench validate lab.yaml                  drivers, settings and channels of a lab file",
            "  cellbench validate --lab lab.yaml schedule.yaml   a schedule against the lab it will run on",
            "  cellbench validate --json formation.yaml     print the normalized protocol (SI units)",
            "  cellbench validate schedule.yaml             checks the schedule and every protocol it names",
            "", "Exit status: 0 when every file is valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Protocol, schedule, lab or notify files (YAML).")
    List<Path> files;

    @Option(names = "--lab", paramLabel = "LAB", description = "Check the schedules against this lab file.")
    Path lab;

    @Option(names = "--json", description = "Print the normalized form as JSON instead of a summary.")
    boolean json;

    @Override
    public Integer call() {
        int bad = 0;
        LabFile labFile = null;
        if (lab != null) {
            try {
                labFile = LabLoader.load(lab);
            } catch (ProtocolException e) {
                System.err.println(e.getMessage());
                System.err.println("(the schedules are not checked against " + lab + " until it is valid)");
                return UserErrors.BAD_INPUT;
            }
        }
        for (Path file : files) {
            try {
                List<ProtocolException> problems = validate(file, labFile);
                problems.forEach(p -> System.err.println(p.getMessage()));
                bad += problems.isEmpty() ? 0 : 1;
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

    /** Checks one file; returns the problems of a schedule with the lab (a file's own problem is thrown). */
    private List<ProtocolException> validate(Path file, LabFile labFile) {
        YamlDocument doc = YamlDocument.read(file);
        if (io.cellbench.schedules.alarm.NotifyConfigLoader.looksLikeNotify(doc.root())) {
            var notify = io.cellbench.schedules.alarm.NotifyConfigLoader.check(file);
            System.out.println("ok: " + file + ": notify file" + (notify.command().isEmpty() ? "" : ", command "
                    + notify.command().getFirst()) + (notify.webhook() == null ? ""
                    : ", webhook (its URL and token are read when a run starts)"));
            return List.of();
        }
        if (LabLoader.looksLikeLab(doc.root())) {
            LabFile l = LabLoader.load(file);
            System.out.println("ok: " + file + ": lab '" + l.name() + "', " + l.instruments().size() + " instruments, "
                    + l.channels().size() + " channels");
            for (LabInstrument i : l.instruments().values()) {
                System.out.println("    " + i.name() + ": " + i.driver().name() + " (" + i.driver().capabilities().stream()
                        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
            return List.of();
        }
        if (ScheduleLoader.looksLikeSchedule(doc.root())) {
            Schedule schedule = ScheduleLoader.load(file);
            if (labFile != null) {
                List<ProtocolException> problems = LabCheck.problems(schedule, labFile);
                if (!problems.isEmpty()) {
                    return problems;
                }
            }
            if (json) {
                System.out.println(ScheduleJson.toJson(schedule));
            } else {
                System.out.println("ok: " + file + ": schedule '" + schedule.name() + "', "
                        + schedule.cells().size() + " cells" + (labFile == null ? "" : ", fits lab '" + labFile.name()
                        + "' (" + labFile.source() + ")"));
                for (ScheduledCell c : schedule.cells()) {
                    System.out.println("    " + c.info().id() + ": protocol '" + c.protocol().name() + "' ("
                            + c.protocol().source() + ")" + (labFile == null ? ""
                            : "; " + io.cellbench.schedules.lab.Lab.describe(c, labFile)));
                }
            }
            return List.of();
        }
        Protocol protocol = ProtocolLoader.load(file);
        if (json) {
            System.out.println(ProtocolJson.toJson(protocol));
        } else {
            System.out.println("ok: " + file + ": protocol '" + protocol.name() + "', "
                    + protocol.steps().size() + " top-level steps");
        }
        return List.of();
    }
}
