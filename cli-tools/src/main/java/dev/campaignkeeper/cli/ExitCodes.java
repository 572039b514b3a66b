package dev.campaignkeeper.cli;

/** The exit codes of {@code campaign-admin}. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** Problems found (verify), record not found (show), or operation refused (declined, conflict). */
    public static final int PROBLEMS = 1;
    /** Usage error: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** The data directory is locked by a running bot, or cannot be read. */
    public static final int LOCKED_OR_UNREADABLE = 3;
    /** The data is damaged beyond recovery. */
    public static final int DAMAGED = 4;

    private ExitCodes() {
    }
}
