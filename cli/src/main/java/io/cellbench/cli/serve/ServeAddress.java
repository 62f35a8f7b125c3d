package io.cellbench.cli.serve;

import io.cellbench.core.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the live page listens: --port and --bind, shared by serve, run --serve and demo --serve. */
public final class ServeAddress {
    public static final int DEFAULT_PORT = 8642;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port of the live page (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = {"Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
                "Any other address, e.g. 0.0.0.0 for the lab network, requires a token: it is written",
                "to DIR/serve-token (readable by you only) and is part of the printed URL."})
    String bind = "127.0.0.1";

    /** Anything a process on another machine could reach: the wildcard address included. */
    static boolean needsToken(InetAddress address) {
        return !address.isLoopbackAddress();
    }

    /**
     * Starts the server for the run in {@code runDirectory}; prints the URL to open.
     * A non-loopback bind generates the token and writes it next to the run first.
     */
    public LiveServer start(CellSource source, Path runDirectory, PrintStream console) {
        if (port < 0 || port > 65535) {
            throw new UserError("--port takes 0 to 65535, got " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind: '" + bind + "' is not an address of this machine");
        }
        AccessToken token = null;
        try {
            if (needsToken(address)) {
                token = AccessToken.generate();
                java.nio.file.Files.createDirectories(runDirectory);
                token.writeTo(runDirectory.resolve(AccessToken.FILE));
            }
            LiveServer server = LiveServer.start(source, new InetSocketAddress(address, port), token);
            if (token != null) {
                // a stale token opens nothing, but an old secret lying around invites questions
                Path file = runDirectory.resolve(AccessToken.FILE);
                server.afterClose(() -> {
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // left behind; the next start replaces it
                    }
                });
            }
            console.println("cellbench: live page at " + server.url()
                    + (token == null ? "" : "   (token also in " + runDirectory.resolve(AccessToken.FILE) + ")"));
            return server;
        } catch (BindException e) {
            forget(token, runDirectory);
            throw new UserError("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or 0 for any free one");
        } catch (IOException e) {
            forget(token, runDirectory);
            throw new UserError("cannot start the live page on " + bind + ":" + port + ": " + e.getMessage());
        }
    }

    /** A page that did not start leaves no token behind: a refused command writes nothing. */
    private static void forget(AccessToken token, Path runDirectory) {
        if (token != null) {
            try {
                java.nio.file.Files.deleteIfExists(runDirectory.resolve(AccessToken.FILE));
            } catch (IOException ignored) {
                // it opens nothing without a server
            }
        }
    }
}
