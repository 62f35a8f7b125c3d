package io.cellbench.protocols.model;

/**
 * One "until" condition; a step ends when any of its terminations holds. Values are SI
 * (V, A, C-rate in C, Ah, Wh, s) and positive: current and C-rate compare |I|; capacity and
 * energy compare the step's own throughput.
 */
public record Termination(Measure measure, Op op, double value) {

    public enum Measure { VOLTAGE, CURRENT, C_RATE, CAPACITY, ENERGY, TIME }

    public enum Op {
        AT_LEAST(">="), AT_MOST("<=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public boolean isMet(double observed) {
        return op == Op.AT_LEAST ? observed >= value : observed <= value;
    }
}
