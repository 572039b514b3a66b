package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path inside the data directory that is not a regular file where one belongs: a symbolic link,
 * a directory, a FIFO, a socket or a device. The store never reads or writes through such a path;
 * recovery reports it by name and moves it aside like any other damaged file.
 */
final class UnsafeFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    UnsafeFileException(Path file, String reason) {
        super(file.getFileName() + " " + reason + " (the store reads and writes only regular files and "
                + "never follows links inside its data directory)");
        this.file = file;
        this.reason = reason;
    }

    /** The offending path. */
    Path file() {
        return file;
    }

    /** Why it is refused, e.g. "is a symbolic link". */
    String reason() {
        return reason;
    }
}
