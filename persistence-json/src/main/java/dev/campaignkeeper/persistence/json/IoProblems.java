package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns I/O failures into what a person can act on: the file's name and the reason in plain words
 * ("permission denied", "is a directory", "is a symbolic link"), never a Java class name and never
 * the path twice.
 */
final class IoProblems {

    private IoProblems() {
    }

    /** "FILE: REASON" when the failure names a file, else the reason alone. */
    static String describe(IOException e) {
        String file = file(e);
        String reason = reason(e);
        return file == null ? reason : file + ": " + reason;
    }

    /** The file the failure is about, or null. */
    static String file(IOException e) {
        if (e instanceof UnsafeFileException unsafe) {
            return unsafe.file().toString();
        }
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile();
        }
        return null;
    }

    /** The reason in plain words, without the file name. */
    static String reason(IOException e) {
        if (e instanceof UnsafeFileException unsafe) {
            return unsafe.reason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (check the owner and mode of the file and of the data directory: "
                    + "the store must run as the user that owns them)";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "is not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a directory that is not empty";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.toLowerCase(Locale.ROOT).contains("symbolic link")) {
                return "is a symbolic link";
            }
            return lowerFirst(reason);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error";
        }
        return RecordJson.excerpt(message.strip(), 300);
    }

    private static String lowerFirst(String reason) {
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && Character.isLowerCase(reason.charAt(1))) {
            return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return reason;
    }

    /** Short name for messages: the file name of a path inside the data directory. */
    static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
