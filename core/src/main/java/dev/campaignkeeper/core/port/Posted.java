package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.MessageId;
import java.util.List;
import java.util.Objects;

/**
 * A message the platform confirmed it saved.
 *
 * @param message the message's id
 * @param channel the channel or thread it is in (for a message that started a forum post, the new post)
 * @param attachmentUrls links to the files uploaded with it, in order, as the platform reports them;
 *     empty if none or if the platform gives none
 */
public record Posted(MessageId message, ChannelId channel, List<String> attachmentUrls) {

    /**
     * Validates the fields.
     *
     * @param message the message's id
     * @param channel the channel or thread it is in (for a message that started a forum post, the new post)
     * @param attachmentUrls links to the files uploaded with it, in order; empty if none
     */
    public Posted {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(channel, "channel");
        attachmentUrls = List.copyOf(attachmentUrls);
    }

    /**
     * A message without attachment links.
     *
     * @param message the message's id
     * @param channel the channel or thread it is in
     */
    public Posted(MessageId message, ChannelId channel) {
        this(message, channel, List.of());
    }
}
