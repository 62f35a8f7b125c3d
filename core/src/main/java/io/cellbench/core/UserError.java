package io.cellbench.core;

/**
 * A problem the user can fix (bad option, missing file): the command line prints its message
 * without a stack trace. In core because the modules a command uses (data reading, plots, the
 * run's control) refuse a user's request with it too.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
