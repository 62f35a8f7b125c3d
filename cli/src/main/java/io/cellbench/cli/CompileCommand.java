package io.cellbench.cli;

import io.cellbench.compile.CompileException;
import io.cellbench.compile.CompileOptions;
import io.cellbench.compile.CompileTarget;
import io.cellbench.compile.Compiled;
import io.cellbench.compile.ProtocolCompiler;
import io.cellbench.core.UserError;
import io.cellbench.core.quantity.Dimension;
import io.cellbench.core.quantity.Quantity;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile a protocol into a cycler's own program, to run it on the cycler itself.",
            "A Neware BTS step file (.xml) or BioLogic EC-Lab settings with a Modulo Bat technique (.mps). Steps the",
            "target cannot run (impedance on a Neware, a chamber set point, a limit it lacks) are reported",
            "at their file:line:column, all of them, and no file is written. Warnings say where the file",
            "behaves differently from running the protocol in cellbench. See docs/protocols.md, \"Compile",
            "targets\"."},
        footer = {"", "Examples:",
            "  cellbench compile examples/protocols/channel-check.yaml --to neware --capacity 2mAh -o check.xml",
            "  cellbench compile cycling.yaml --to biologic --capacity 2mAh -o cycling.mps",
            "  cellbench compile p.yaml --to neware --param rate=C/5 -o p.xml",
            "", "Exit status: 0 when the file was written, 2 when the protocol cannot be compiled."})
final class CompileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "The protocol file (YAML).")
    Path protocolFile;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "neware or biologic.")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write the compiled file (replaced if it exists).")
    Path output;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Sets a parameter the protocol declares (repeatable), e.g. --param pressure='15 MPa'.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--capacity", paramLabel = "Q",
            description = "The cell's nominal capacity (e.g. 2mAh), which turns C-rates into currents.")
    String capacity;

    @Override
    public Integer call() throws IOException {
        CompileTarget target;
        try {
            target = CompileTarget.named(to);
        } catch (IllegalArgumentException e) {
            throw new UserError("--to: " + e.getMessage());
        }
        CompileOptions options = CompileOptions.now();
        if (capacity != null) {
            double ah = Quantity.parse(capacity, Dimension.CHARGE).si() / 3600;
            if (!(ah > 0)) {
                throw new UserError("--capacity must be above zero, got '" + capacity + "'");
            }
            options = options.withCapacityAh(ah);
        }
        Protocol protocol = ProtocolLoader.load(protocolFile, parameters);
        Compiled compiled;
        try {
            compiled = ProtocolCompiler.compile(protocol, target, options);
        } catch (CompileException e) {
            System.err.println(e.getMessage());
            return UserErrors.BAD_INPUT;
        }
        compiled.warnings().forEach(System.err::println);
        write(compiled.content());
        System.out.println("wrote " + output + ": " + target.description() + " of protocol '" + protocol.name() + "', "
                + compiled.content().length + " bytes" + (compiled.warnings().isEmpty() ? ""
                : ", " + compiled.warnings().size() + " warning" + (compiled.warnings().size() == 1 ? "" : "s")));
        return 0;
    }

    /** Writes beside the target and moves it into place, so a failed write never leaves half a program. */
    private void write(byte[] content) throws IOException {
        Path target = output.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
