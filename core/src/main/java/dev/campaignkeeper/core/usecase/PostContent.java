package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.port.Upload;
import java.util.Objects;
import java.util.Optional;

/**
 * What a player or GM wants to post as a character or NPC.
 *
 * @param text the text as typed (cleaned and checked by the use case); may be blank with an image
 * @param title the title of a new forum post to start with this post; empty to post where the
 *     command was run
 * @param image an image to upload with the post, if any (already checked for size and type)
 */
public record PostContent(String text, Optional<String> title, Optional<Upload> image) {

    /**
     * Validates the fields.
     *
     * @param text the text as typed (cleaned and checked by the use case); may be blank with an image
     * @param title the title of a new forum post to start with this post; empty to post where the
     *     command was run
     * @param image an image to upload with the post, if any (already checked for size and type)
     */
    public PostContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(image, "image");
    }

    /**
     * Just text, posted where the command was run.
     *
     * @param text the text
     * @return the content
     */
    public static PostContent text(String text) {
        return new PostContent(text, Optional.empty(), Optional.empty());
    }
}
