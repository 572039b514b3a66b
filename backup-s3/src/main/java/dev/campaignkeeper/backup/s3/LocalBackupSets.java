package dev.campaignkeeper.backup.s3;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The complete native backup sets in {@code DATA_DIR/backups/}, oldest first. Links and special
 * files are never followed: a set or file that is not a real directory or regular file is left out.
 */
final class LocalBackupSets {

    static final String BACKUPS = "backups";
    static final String MANIFEST = "backup.json";
    private static final Pattern DATA_FILE = Pattern.compile("[a-z_]+\\.json\\.gz");

    /** One set: its name and its files, the manifest last. */
    record LocalSet(SetId id, Path dir, List<String> files) {
        LocalSet {
            files = List.copyOf(files);
        }
    }

    private LocalBackupSets() {
    }

    static Path dir(Path dataDir) {
        return dataDir.resolve(BACKUPS);
    }

    static List<LocalSet> list(Path dataDir) throws IOException {
        Path backups = dir(dataDir);
        if (!isDirectory(backups)) {
            return List.of();
        }
        List<LocalSet> sets = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(backups)) {
            for (Path entry : entries) {
                Optional<SetId> id = SetId.parse(entry.getFileName().toString());
                if (id.isPresent() && isDirectory(entry)) {
                    set(id.get(), entry).ifPresent(sets::add);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Collections.sort(sets, (a, b) -> a.id().compareTo(b.id()));
        return sets;
    }

    private static Optional<LocalSet> set(SetId id, Path dir) throws IOException {
        if (!isRegularFile(dir.resolve(MANIFEST))) {
            return Optional.empty(); // not complete: the store writes backup.json before the rename
        }
        List<String> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (DATA_FILE.matcher(name).matches() && isRegularFile(entry)) {
                    files.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty(); // pruned meanwhile
        }
        Collections.sort(files);
        files.add(MANIFEST);
        return Optional.of(new LocalSet(id, dir, files));
    }

    static boolean isDirectory(Path path) {
        return attributes(path).map(BasicFileAttributes::isDirectory).orElse(false);
    }

    static boolean isRegularFile(Path path) {
        return attributes(path).map(BasicFileAttributes::isRegularFile).orElse(false);
    }

    private static Optional<BasicFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
