package io.cellbench.protocols.grammar;

import io.cellbench.core.quantity.Dimension;

/**
 * A value read from a sentence, in the unit the protocol model holds it in (A, C-rate, V, s,
 * Ah, Wh, W, Ohm, Pa, °C, Hz), with the span of characters it was written in.
 */
record Amount(Dimension dimension, double value, int start, int end) {
}
