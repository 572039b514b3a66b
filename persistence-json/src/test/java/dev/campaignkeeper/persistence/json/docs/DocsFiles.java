package dev.campaignkeeper.persistence.json.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code docs/} folder and reads files from it, for the docs tests. */
final class DocsFiles {

    private DocsFiles() {
    }

    /**
     * The repository root: the nearest ancestor of the working directory (surefire runs in the
     * module's folder) that holds both {@code docs/} and {@code persistence-json/}.
     */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("persistence-json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
    }

    static Path docs(String relative) {
        return root().resolve("docs").resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
