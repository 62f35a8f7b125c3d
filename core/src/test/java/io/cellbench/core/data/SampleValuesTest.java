package io.cellbench.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellbench.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleField#values}, the one-call copy of a sample that the Arrow writer takes instead of
 * a call through each column's definition, gives every column's value in file order: random
 * samples (every component a different value), compared with each column's own definition.
 */
class SampleValuesTest {

    @Test
    void valuesAreEachColumnsValueInFileOrder() {
        long seed = Seeds.seed("SampleValuesTest");
        Random random = new Random(seed);
        double[] values = new double[SampleField.values().length];
        for (int n = 0; n < 100; n++) {
            Sample s = new Sample(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextInt(), random.nextInt(), random.nextInt(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), n % 2 == 0 ? Double.NaN : random.nextDouble(), random.nextDouble(),
                    random.nextInt(), random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble());
            SampleField.values(s, values);
            for (SampleField f : SampleField.values()) {
                double expected = switch (f.kind()) {
                    case FLOAT64 -> f.number(s);
                    case INT32 -> f.integer(s);
                };
                assertEquals(expected, values[f.ordinal()], f + " of " + s);
                if (f.kind() == ColumnValue.Kind.INT32) {
                    assertEquals(f.integer(s), (int) values[f.ordinal()], f + " read back as an int");
                }
            }
        }
    }
}
