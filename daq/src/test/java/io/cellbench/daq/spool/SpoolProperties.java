package io.cellbench.daq.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the interleaving of appends, reads, commits and reopenings (a crash after reading
 * but before committing), the committed batches are exactly the appended lines, in order.
 */
class SpoolProperties {

    sealed interface Op {
        record Append(int lines, int width) implements Op { }
        record ReadAndCommit(int maxLines) implements Op { }
        /** Delivered, then the process died before committing. */
        record ReadThenCrash(int maxLines) implements Op { }
        record Reopen() implements Op { }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 40).flatMap(n -> Arbitraries.integers().between(1, 80)
                        .map(w -> new Op.Append(n, w))),
                Arbitraries.integers().between(1, 60).map(Op.ReadAndCommit::new),
                Arbitraries.integers().between(1, 60).map(Op.ReadThenCrash::new),
                Arbitraries.just(new Op.Reopen()));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void committedBatchesAreTheAppendedLinesInOrder(@ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("spool-prop");
        SpoolOptions options = SpoolOptions.defaults().withSegmentBytes(1024).withFsync(SpoolFsync.NEVER);
        StringBuilder appended = new StringBuilder();
        StringBuilder committed = new StringBuilder();
        int next = 0;
        Spool spool = Spool.open(dir, options);
        try {
            for (Op op : ops) {
                switch (op) {
                    case Op.Append a -> {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < a.lines(); i++) {
                            sb.append("p").append(next++).append(' ').append("x".repeat(a.width())).append('\n');
                        }
                        spool.append(sb.toString());
                        appended.append(sb);
                    }
                    case Op.ReadAndCommit r -> {
                        SpoolBatch b = spool.read(r.maxLines());
                        committed.append(new String(b.bytes(), 0, b.length()));
                        spool.commit(b);
                    }
                    case Op.ReadThenCrash r -> {
                        spool.read(r.maxLines());
                        spool.close();
                        spool = Spool.open(dir, options);
                    }
                    case Op.Reopen r -> {
                        spool.close();
                        spool = Spool.open(dir, options);
                    }
                }
            }
            spool.close();
            spool = Spool.open(dir, options);
            SpoolBatch rest;
            while (!(rest = spool.read(17)).isEmpty()) {
                committed.append(new String(rest.bytes(), 0, rest.length()));
                spool.commit(rest);
            }
            assertEquals(appended.toString(), committed.toString());
            assertEquals(0, spool.status().backlogLines());
        } finally {
            spool.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
