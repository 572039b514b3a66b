package dev.campaignkeeper.bot.console;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Directories created 0700 and files 0600 (on POSIX file systems), whatever the umask. */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates a directory 0700 (and missing parents, also 0700) unless it exists; an existing
     * directory (one named by {@code --exports}, say) keeps its mode.
     */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            createDirectory(parent);
        }
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Writes a new file created 0600 (fails if it exists). */
    static void write(Path file, String text) throws IOException {
        FileAttribute<?>[] attributes = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE); // the umask may have removed bits, never added: be exact
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writer.write(text);
        }
    }
}
