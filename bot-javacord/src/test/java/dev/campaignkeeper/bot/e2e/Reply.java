package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user who ran a command sees as the bot's reply to it.
 *
 * @param content         the message text (after a deferred response: the edited original)
 * @param ephemeral       whether only the invoking user sees it
 * @param attachments     file name to file content of attached files
 * @param allowedMentions the reply's {@code allowed_mentions}, if set
 * @param deferred        whether the bot answered with "thinking..." first and edited it afterwards
 */
public record Reply(String content, boolean ephemeral, Map<String, String> attachments,
                    Optional<JsonNode> allowedMentions, boolean deferred) {

    /** Validates the fields. */
    public Reply {
        Objects.requireNonNull(content, "content");
        attachments = Map.copyOf(attachments);
        Objects.requireNonNull(allowedMentions, "allowedMentions");
    }

    /** @return the attached file names */
    public List<String> attachmentNames() {
        return List.copyOf(attachments.keySet());
    }
}
