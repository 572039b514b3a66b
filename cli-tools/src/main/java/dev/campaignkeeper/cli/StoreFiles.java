package dev.campaignkeeper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Which top-level names of a data directory are the store's (or the seed bot's): "no data here" and inspect's file table. */
final class StoreFiles {

    /** Names the store (or the seed's bot) writes at the top of a data directory. */
    private static final Set<String> NAMES = Set.of("campaigns.json", "characters.json", "npcs.json",
            "manifest.json", "backups", "posts");

    private StoreFiles() {
    }

    /**
     * Whether a directory holds any of the store's files (or the seed's): the snapshot files, the
     * manifest, a journal, backups or the post log.
     *
     * @param dir the directory
     * @return false for a directory that holds none of them (the parent of the data directory, say)
     */
    static boolean holdsData(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).anyMatch(StoreFiles::isStoreFile);
        } catch (IOException e) {
            return true; // unreadable: let the command report what it cannot read
        }
    }

    /**
     * Whether a top-level name is one the store (or the seed's bot) writes: the snapshot files,
     * the manifest, journals, backups, and damaged files moved aside ({@code *.corrupt-*}).
     *
     * @param name a file name in the data directory
     * @return false for anything else
     */
    static boolean isStoreFile(String name) {
        String base = name.contains(".corrupt-") ? name.substring(0, name.indexOf(".corrupt-")) : name;
        return NAMES.contains(base) || base.startsWith("journal-") && base.endsWith(".log");
    }
}
