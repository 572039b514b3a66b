package dev.campaignkeeper.bot.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text file attached to a reply, such as a campaign's export JSON.
 *
 * @param fileName the file's name, e.g. {@code the-lost-mine-export.json}
 * @param text the file's content
 */
public record Attachment(String fileName, String text) {

    /**
     * Validates the fields.
     *
     * @param fileName the file's name, e.g. {@code the-lost-mine-export.json}
     * @param text the file's content
     */
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("attachment file name must be a plain file name: " + fileName);
        }
    }

    /**
     * The content as UTF-8 bytes.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
