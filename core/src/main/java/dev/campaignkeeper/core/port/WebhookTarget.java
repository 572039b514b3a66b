package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.WebhookId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a webhook post goes: the channel the webhook belongs to (a text or forum channel), and a
 * thread or forum post in it, or the title of a new forum post to start.
 *
 * @param channel the channel the webhook belongs to
 * @param webhook the webhook
 * @param thread the thread or forum post to post into; empty for the channel itself
 * @param newThreadName the title of a new forum post to start with this message; empty otherwise
 */
public record WebhookTarget(ChannelId channel, WebhookId webhook, Optional<ChannelId> thread,
                            Optional<String> newThreadName) {

    /**
     * Validates the fields: a post goes into a thread or starts one, not both.
     *
     * @param channel the channel the webhook belongs to
     * @param webhook the webhook
     * @param thread the thread or forum post to post into; empty for the channel itself
     * @param newThreadName the title of a new forum post to start with this message; empty otherwise
     */
    public WebhookTarget {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(newThreadName, "newThreadName");
        if (thread.isPresent() && newThreadName.isPresent()) {
            throw new IllegalArgumentException("a post goes into a thread or starts one, not both");
        }
    }

    /**
     * Posts into the webhook's channel itself.
     *
     * @param channel the channel
     * @param webhook its webhook
     * @return the target
     */
    public static WebhookTarget channel(ChannelId channel, WebhookId webhook) {
        return new WebhookTarget(channel, webhook, Optional.empty(), Optional.empty());
    }

    /**
     * This target with another webhook (after the old one was replaced).
     *
     * @param replacement the new webhook
     * @return the changed target
     */
    public WebhookTarget withWebhook(WebhookId replacement) {
        return new WebhookTarget(channel, replacement, thread, newThreadName);
    }

    /**
     * This target posting into a thread (the forum post a first message started).
     *
     * @param into the thread
     * @return the changed target
     */
    public WebhookTarget inThread(ChannelId into) {
        return new WebhookTarget(channel, webhook, Optional.of(into), Optional.empty());
    }
}
