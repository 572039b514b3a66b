package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.MessageId;
import java.util.Objects;

/**
 * A message the platform confirmed it saved.
 *
 * @param message the message's id
 * @param channel the channel or thread it is in (for a message that started a forum post, the new post)
 */
public record Posted(MessageId message, ChannelId channel) {

    /**
     * Validates the fields.
     *
     * @param message the message's id
     * @param channel the channel or thread it is in (for a message that started a forum post, the new post)
     */
    public Posted {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(channel, "channel");
    }
}
