package dev.campaignkeeper.core.port;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file to upload with a post (an image re-uploaded through the webhook, so the post does not
 * depend on a temporary link).
 *
 * @param fileName the file's name as shown
 * @param contentType its media type, e.g. {@code image/png}
 * @param content the bytes (copied in and out)
 */
public record Upload(String fileName, String contentType, byte[] content) {

    /**
     * Validates and copies the fields.
     *
     * @param fileName the file's name as shown
     * @param contentType its media type, e.g. {@code image/png}
     * @param content the bytes (copied in and out)
     */
    public Upload {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("file name is blank");
        }
    }

    /**
     * The bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The size in bytes.
     *
     * @return the length of the content
     */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Upload that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Upload[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
