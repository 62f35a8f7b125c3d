package io.cellbench.testing;

import java.util.SplittableRandom;

/**
 * The seed of a test that draws random numbers (kill moments, orders, values), printed so that a
 * failure can be replayed, and taken from the system property {@value #PROPERTY} when it is set:
 *
 * <pre>
 * mvn -B -ntp verify -pl cli -am -Dtest=ResumeTest -Dsurefire.failIfNoSpecifiedTests=false -Dcellbench.seed=1234
 * </pre>
 *
 * The same property fixes the seed of every jqwik property ({@link JqwikSeedOverride}): one
 * convention for the whole suite (docs/testing.md).
 */
public final class Seeds {

    /** The system property that replays a seed. */
    public static final String PROPERTY = "cellbench.seed";

    private Seeds() {
    }

    /**
     * The seed for {@code test}: {@code -Dcellbench.seed} when given, otherwise a fresh one.
     * Either way it is printed with how to replay it.
     */
    public static long seed(String test) {
        Long given = override();
        long seed = given != null ? given : new SplittableRandom().nextLong();
        System.out.println(test + ": random seed " + seed + (given != null ? " (from -D" + PROPERTY + ")"
                : "; replay with -D" + PROPERTY + "=" + seed));
        return seed;
    }

    /**
     * For a failure's message: {@code seed N (replay: -Dcellbench.seed=N)}, so that whoever reads
     * it can run the same draw again.
     */
    public static String replay(long seed) {
        return "seed " + seed + " (replay: -D" + PROPERTY + "=" + seed + ")";
    }

    /** The seed given with {@code -Dcellbench.seed}, or {@code null}. */
    public static Long override() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number (a printed seed), got '"
                    + value + "'", e);
        }
    }
}
