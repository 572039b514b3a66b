package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A direct message the bot sent through "create message" in a DM channel.
 *
 * @param channelId       the DM channel
 * @param recipient       who it went to
 * @param content         the message text
 * @param allowedMentions the {@code allowed_mentions} object sent, if any
 * @param files           the names of the files attached to it
 */
public record DirectMessage(long channelId, FakeUser recipient, String content, Optional<JsonNode> allowedMentions,
                            List<String> files) {

    /** Validates the fields. */
    public DirectMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(allowedMentions, "allowedMentions");
        files = List.copyOf(files);
    }
}
