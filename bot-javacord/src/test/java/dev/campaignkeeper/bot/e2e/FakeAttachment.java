package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * A file a member attached to a slash command; the fake serves it from its CDN address while the
 * interaction lasts, as Discord does.
 *
 * @param filename    the file's name
 * @param contentType the content type Discord reports
 * @param content     the bytes
 */
public record FakeAttachment(String filename, String contentType, byte[] content) {

    /** Validates the fields. */
    public FakeAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return a tiny valid PNG named {@code name} */
    static FakeAttachment png(String name) {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        return new FakeAttachment(name, "image/png", png);
    }
}
