package dev.campaignkeeper.bot.command;

import java.util.Objects;

/**
 * What is known of an attached file without downloading it: its name and size, as Discord
 * describes an attachment. An autocomplete request may carry this for the file option; it tells
 * which of the files the bot already read is attached again.
 *
 * @param fileName the file's name, e.g. {@code system.json}
 * @param size its size in bytes
 */
public record AttachedFile(String fileName, long size) {

    /**
     * Validates the fields.
     *
     * @param fileName the file's name
     * @param size its size in bytes, not negative
     */
    public AttachedFile {
        Objects.requireNonNull(fileName, "fileName");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }
}
