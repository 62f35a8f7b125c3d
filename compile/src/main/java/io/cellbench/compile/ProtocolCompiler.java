package io.cellbench.compile;

import io.cellbench.compile.biologic.ModuloBatFile;
import io.cellbench.compile.neware.NewareStepFile;
import io.cellbench.protocols.model.Protocol;

/**
 * Compiles a protocol into a cycler's own program (see docs/protocols.md, "Compile targets").
 * What the target cannot do is a {@link CompileException} listing every refused step at its
 * file:line:column; what it does differently from running the protocol in cellbench comes back
 * as warnings with the file.
 */
public final class ProtocolCompiler {
    private ProtocolCompiler() {
    }

    public static Compiled compile(Protocol protocol, CompileTarget target, CompileOptions options) {
        return switch (target) {
            case NEWARE -> NewareStepFile.compile(protocol, options);
            case BIOLOGIC -> ModuloBatFile.compile(protocol, options);
        };
    }
}
