package io.cellbench.schedules.runner;

import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.ProtocolCompiler;
import io.cellbench.compile.neware.NewareStepFile;
import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The program segments of a delegated cell's protocol, each compiled into a Neware BTS step file
 * (the one target with a driver that runs programs) before anything starts, so that a step the
 * cycler cannot do is refused at its file:line:column before the cell is touched. Each file
 * lies in a folder of its own under the system's temporary folder; the driver copies it to
 * where the cycler reads step files.
 *
 * @param files   per segment, its step file ({@code null} for an impedance segment)
 * @param sources per segment, the protocol step of each numbered step of its file
 * @param warnings what the compiled files do differently from a directly driven run
 */
record CompiledSegments(List<Path> files, List<List<Step>> sources, List<String> warnings) {

    /**
     * @throws io.cellbench.compile.CompileException listing every step the cycler cannot do
     */
    static CompiledSegments compile(Protocol protocol, List<ProgramSegments.Segment> segments, CellInfo cell) {
        CompileOptions options = new CompileOptions(cell.nominalCapacityAh(),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID());
        int programs = (int) segments.stream().filter(ProgramSegments.Segment::program).count();
        List<Path> files = new ArrayList<>();
        List<List<Step>> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            Path dir = null;
            int n = 0;
            for (ProgramSegments.Segment s : segments) {
                if (!s.program()) {
                    files.add(null);
                    sources.add(List.of());
                    continue;
                }
                Protocol part = s.asProtocol(protocol, ++n, programs);
                Compiled c = ProtocolCompiler.compile(part, CompileTarget.NEWARE, options);
                dir = dir != null ? dir : Files.createTempDirectory("cellbench-" + safe(cell.id()) + "-");
                files.add(Files.write(dir.resolve(safe(cell.id()) + "-part" + n + ".xml"), c.content()));
                sources.add(NewareStepFile.sources(part, options));
                c.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cell's step files: " + e.getMessage(), e);
        }
        return new CompiledSegments(java.util.Collections.unmodifiableList(files), List.copyOf(sources),
                List.copyOf(warnings));
    }

    /** Compiles every program part and keeps nothing: throws as {@link #compile} would. */
    static void check(Protocol protocol, List<ProgramSegments.Segment> segments, CellInfo cell) {
        CompileOptions options = CompileOptions.now().withCapacityAh(cell.nominalCapacityAh());
        int programs = (int) segments.stream().filter(ProgramSegments.Segment::program).count();
        int n = 0;
        for (ProgramSegments.Segment s : segments) {
            if (s.program()) {
                ProtocolCompiler.compile(s.asProtocol(protocol, ++n, programs), CompileTarget.NEWARE, options);
            }
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
