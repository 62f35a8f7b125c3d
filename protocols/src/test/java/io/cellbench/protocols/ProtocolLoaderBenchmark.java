package io.cellbench.protocols;

import io.cellbench.protocols.grammar.StepGrammar;
import io.cellbench.protocols.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long loading a protocol takes (YAML, grammar, window check), per example file, and how
 * many step sentences the grammar reads per second. Run from the protocols module directory:
 * {@code java -cp … io.cellbench.protocols.ProtocolLoaderBenchmark}. Not a test.
 */
public final class ProtocolLoaderBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../examples/protocols");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            for (int i = 0; i < 2000; i++) { // warm up
                ProtocolLoader.parse(text, f.toString());
            }
            int n = 5000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProtocolLoader.parse(text, f.toString());
            }
            double us = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf("%-32s %5d lines  %8.1f µs per load%n", f.getFileName(), text.lines().count(), us);
        }
        List<String> sentences = List.of("Discharge at C/10 for 10 hours or until 3.3 V",
                "Charge at C/10 until 3.7 V then hold until C/50", "Rest for 1 hour (1 minute period)",
                "EIS from 1 MHz to 100 mHz at 10 mV, 10 points per decade", "Set pressure to 5 MPa and wait until stable");
        SourceLocation at = new SourceLocation("bench", 1, 1);
        for (int i = 0; i < 200_000; i++) {
            StepGrammar.parse(sentences.get(i % sentences.size()), at);
        }
        int n = 1_000_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            StepGrammar.parse(sentences.get(i % sentences.size()), at);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("step sentences: %.0f per second (%.2f µs each)%n", n / seconds, seconds * 1e6 / n);
    }
}
