package io.cellbench.core.instrument;

/** What a channel running its own program is doing, in the words every cycler has for it. */
public enum ProgramState {
    /** The program is running. */
    RUNNING,
    /** Held by an operator or a pause command; it can be continued. */
    PAUSED,
    /** The program ran to its end step. */
    FINISHED,
    /** Stopped before its end (by a stop command or at the cycler). */
    STOPPED,
    /** Stopped by the cycler's own protection (a safety limit): look at the cycler's log. */
    PROTECTED,
    /** The cycler reported a state cellbench does not know (kept as text in the status). */
    UNKNOWN;

    /** Whether the program has ended and the channel may take a new one. */
    public boolean ended() {
        return this == FINISHED || this == STOPPED || this == PROTECTED;
    }
}
