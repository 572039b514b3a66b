package dev.campaignkeeper.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One post the bot made as a character or NPC, as the post log keeps it: which messages it is
 * made of (a long post is split into several), where, by whom, as whom, when, and its text.
 *
 * <p>A post is identified by its first message ({@link #id()}); any of its messages finds it.
 *
 * @param guild the guild
 * @param campaign the campaign's channel (whose webhook posted it)
 * @param webhook the webhook that posted it (only it can edit or delete the messages)
 * @param thread the thread or forum post it went into, if not the campaign channel itself
 * @param messages the messages, in order; at least one
 * @param author the user who made the post
 * @param npc the NPC it was posted as; empty when posted as the author's character
 * @param speaker the character's or NPC's name the post showed
 * @param postedAt when it was posted
 * @param text the post's whole text (before splitting into messages)
 */
public record PostRecord(GuildId guild, ChannelId campaign, WebhookId webhook, Optional<ChannelId> thread, List<MessageId> messages,
                         UserId author, Optional<NpcId> npc, String speaker, Instant postedAt, String text) {

    /**
     * Validates the fields.
     *
     * @param guild the guild
     * @param campaign the campaign's channel (whose webhook posted it)
     * @param webhook the webhook that posted it (only it can edit or delete the messages)
     * @param thread the thread or forum post it went into, if not the campaign channel itself
     * @param messages the messages, in order; at least one
     * @param author the user who made the post
     * @param npc the NPC it was posted as; empty when posted as the author's character
     * @param speaker the character's or NPC's name the post showed
     * @param postedAt when it was posted
     * @param text the post's whole text (before splitting into messages)
     */
    public PostRecord {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(thread, "thread");
        messages = List.copyOf(messages);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(npc, "npc");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(text, "text");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a post has at least one message");
        }
    }

    /**
     * The post's id: its first message.
     *
     * @return the first message's id
     */
    public MessageId id() {
        return messages.get(0);
    }

    /**
     * The channel the messages are in: the thread, or else the campaign channel.
     *
     * @return the channel
     */
    public ChannelId channel() {
        return thread.orElse(campaign);
    }

    /**
     * This post with new text and messages, after an edit.
     *
     * @param newMessages the messages it is made of now
     * @param newText the new text
     * @return the changed record
     */
    public PostRecord edited(List<MessageId> newMessages, String newText) {
        return new PostRecord(guild, campaign, webhook, thread, newMessages, author, npc, speaker, postedAt, newText);
    }
}
