package io.cellbench.protocols.grammar;

import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;

/**
 * An "until" condition as written: {@code op} is null when the writer left it to the step's
 * direction. {@code start}/{@code end} span the condition in the sentence.
 */
record RawTerm(Measure measure, Op op, double value, int start, int end) {
}
