package io.cellbench.cli;

/** A problem the user can fix (bad option, missing file); printed without a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
