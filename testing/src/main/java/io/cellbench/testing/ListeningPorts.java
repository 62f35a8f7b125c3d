package io.cellbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP ports a process listens on, as the kernel has them (Linux /proc): its socket inodes,
 * matched in its network namespace's tcp and tcp6 tables. What a peer printed about its port
 * is checked against this, so a test never talks to another process that answers there.
 */
public final class ListeningPorts {
    private ListeningPorts() {
    }

    public static Set<Integer> of(ProcessHandle process) throws IOException {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(proc.resolve("fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring(8, target.length() - 1));
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> rows;
            try {
                rows = Files.readAllLines(proc.resolve("net").resolve(table));
            } catch (NoSuchFileException noIpv6) {
                continue; // a kernel without IPv6 has no tcp6 table
            }
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.trim().split("\\s+");
                // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
                if ("0A".equals(f[3]) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
