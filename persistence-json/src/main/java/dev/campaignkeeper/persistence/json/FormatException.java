package dev.campaignkeeper.persistence.json;

/** A stored file's content cannot be represented in the model (bad JSON, wrong shape, bad id). */
final class FormatException extends Exception {

    private final long line;
    private final long column;

    FormatException(String message, long line, long column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    FormatException(String message) {
        this(message, -1, -1, null);
    }

    long line() {
        return line;
    }

    long column() {
        return column;
    }
}
