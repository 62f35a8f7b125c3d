package io.cellbench.cli;

/** Entry point of the cellbench command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("cellbench: not wired yet");
    }
}
