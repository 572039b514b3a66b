package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the fake accepted through "execute webhook".
 *
 * @param messageId       id of the created message
 * @param webhookId       the webhook executed
 * @param channelId       the channel the message went to
 * @param username        the {@code username} override sent, if any
 * @param avatarUrl       the {@code avatar_url} override sent, if any
 * @param content         the message text
 * @param allowedMentions the {@code allowed_mentions} object sent, if any
 * @param payload         the whole JSON payload
 * @param threadId        the thread or forum post the message is in, 0 for the webhook's channel itself
 * @param files           the uploaded files' names
 * @param edited          whether the message was edited since
 */
public record WebhookPost(long messageId, long webhookId, long channelId, Optional<String> username,
                          Optional<String> avatarUrl, String content, Optional<JsonNode> allowedMentions,
                          JsonNode payload, long threadId, List<String> files, boolean edited) {

    /** Validates the fields. */
    public WebhookPost {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(allowedMentions, "allowedMentions");
        Objects.requireNonNull(payload, "payload");
        files = List.copyOf(files);
    }

    /**
     * @param newContent the edited text
     * @return this message after an edit
     */
    public WebhookPost editedTo(String newContent) {
        return new WebhookPost(messageId, webhookId, channelId, username, avatarUrl, newContent, allowedMentions,
                payload, threadId, files, true);
    }

    /**
     * The mention types Discord would parse out of the content: absent {@code allowed_mentions} means
     * Discord's default (everyone, users and roles are pinged).
     *
     * @return the {@code allowed_mentions.parse} list, or {@code [everyone, users, roles]} when unset
     */
    public List<String> effectiveMentionParse() {
        if (allowedMentions.isEmpty() || !allowedMentions.get().has("parse")) {
            if (allowedMentions.isPresent()
                    && (allowedMentions.get().has("users") || allowedMentions.get().has("roles"))) {
                return List.of();
            }
            return List.of("everyone", "users", "roles");
        }
        List<String> parse = new ArrayList<>();
        allowedMentions.get().get("parse").forEach(node -> parse.add(node.asText()));
        return List.copyOf(parse);
    }
}
