package dev.campaignkeeper.cli;

/**
 * A failure the CLI reports as one line on stderr with a chosen exit code.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * Creates the exception.
     *
     * @param exitCode the process exit code, one of {@link ExitCodes}
     * @param message the one-line message naming the file, guild or id at fault
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * Creates the exception with a cause (shown only with {@code --verbose}).
     *
     * @param exitCode the process exit code
     * @param message the one-line message
     * @param cause the underlying failure
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * The exit code to end with.
     *
     * @return the code
     */
    public int exitCode() {
        return exitCode;
    }
}
