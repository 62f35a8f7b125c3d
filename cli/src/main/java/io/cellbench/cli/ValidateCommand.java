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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check protocol, schedule, lab and notify files without running anything.",
            "Nothing connects to any instrument. Every problem is reported as file:line:column with a",
            "hint, every problem of a file at once; all files are checked. A lab file is recognised by",
            "its top-level 'instruments:'; its drivers check their settings. With --lab, each schedule's",
            "channel:, eis:, fixture: and chamber: names, and its protocols' currents and voltages, are",
            "checked against that lab file."},
        footer = {"", "Examples:",
            "  cellbench validate formation.yaml gitt.yaml",
            "  cellbench validate lab.yaml                  drivers, settings and channels of a lab file",
            "  cellbench validate --lab lab.yaml schedule.yaml   a schedule against the lab it will run on",
            "  cellbench validate --json formation.yaml     print the normalized protocol (SI units)",
            "  cellbench validate --json *.yaml             one JSON array, an element per file",
            "  cellbench validate schedule.yaml             checks the schedule and every protocol it names",
            "", "Exit status: 0 when every file is valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper(io.cellbench.core.format.PlainJson.factory());

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Protocol, schedule, lab or notify files (YAML).")
    List<Path> files;

    @Option(names = "--lab", paramLabel = "LAB", description = "Check the schedules against this lab file.")
    Path lab;

    @Option(names = "--json", description = {"Print the normalized form as JSON instead of a summary: one document for",
        "one file, one array (an element per file, in order) for several; a file with problems is",
        "{\"file\", \"problems\": [{\"line\", \"column\", \"problem\", \"hint\"}]} (the messages also go to stderr)."})
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
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                List<ProtocolException> problems = validate(file, labFile, documents);
                if (!problems.isEmpty()) {
                    ProtocolException all = ProtocolException.of(problems);
                    System.err.println(all.getMessage());
                    documents.add(problems(file, all));
                    bad++;
                }
            } catch (ProtocolException e) {
                System.err.println(e.getMessage());
                documents.add(problems(file, e));
                bad++;
            }
        }
        if (json) {
            System.out.println(write(documents.size() == 1 ? documents.getFirst()
                    : JSON.createArrayNode().addAll(documents)));
        }
        if (bad > 0 && files.size() > 1) {
            System.err.println(bad + " of " + files.size() + " files have problems");
        }
        return bad == 0 ? 0 : UserErrors.BAD_INPUT;
    }

    /** Checks one file; returns the problems of a schedule with the lab (a file's own problems are thrown). */
    private List<ProtocolException> validate(Path file, LabFile labFile, List<JsonNode> documents) {
        YamlDocument doc = YamlDocument.read(file);
        if (io.cellbench.schedules.alarm.NotifyConfigLoader.looksLikeNotify(doc.root())) {
            var notify = io.cellbench.schedules.alarm.NotifyConfigLoader.check(file);
            if (json) {
                ObjectNode n = JSON.createObjectNode().put("file", file.toString()).put("kind", "notify");
                notify.command().stream().findFirst().ifPresent(c -> n.put("command", c));
                n.put("webhook", notify.webhook() != null);
                documents.add(n);
            } else {
                System.out.println("ok: " + file + ": notify file" + (notify.command().isEmpty() ? "" : ", command "
                        + notify.command().getFirst()) + (notify.webhook() == null ? ""
                        : ", webhook (its URL and token are read when a run starts)"));
            }
            return List.of();
        }
        if (LabLoader.looksLikeLab(doc.root())) {
            LabFile l = LabLoader.load(file);
            if (json) {
                ObjectNode n = JSON.createObjectNode().put("file", file.toString()).put("kind", "lab").put("lab", l.name());
                ObjectNode instruments = n.putObject("instruments");
                l.instruments().values().forEach(i -> instruments.put(i.name(), i.driver().name()));
                n.putArray("channels").addAll(l.channels().keySet().stream()
                        .map(c -> (JsonNode) JSON.getNodeFactory().textNode(c)).toList());
                documents.add(n);
                return List.of();
            }
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
                documents.add(ScheduleJson.toTree(schedule));
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
            documents.add(ProtocolJson.toTree(protocol));
        } else {
            System.out.println("ok: " + file + ": protocol '" + protocol.name() + "', "
                    + protocol.steps().size() + " top-level steps");
        }
        return List.of();
    }

    /** A file's problems as JSON, for tools that read --json. */
    private static JsonNode problems(Path file, ProtocolException e) {
        ObjectNode n = JSON.createObjectNode().put("file", file.toString());
        ArrayNode list = n.putArray("problems");
        for (ProtocolException p : e.problems()) {
            ObjectNode o = list.addObject().put("file", p.file());
            if (p.line() > 0) {
                o.put("line", p.line()).put("column", p.column());
            }
            o.put("problem", p.problem()).put("hint", p.hint());
        }
        n.put("count", e.count());
        return n;
    }

    private static String write(JsonNode node) {
        return ProtocolJson.write(node);
    }
}
