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
 * @param avatarUrl the avatar the post showed, if any
 * @param rolls the dice rolled for the post (its inline rolls, or the roll a roll command posted), one
 *     line each such as {@code 1d20+5 [attack] = 17}; empty if none
 * @param images links to the images posted with it, or their file names where the platform gave no
 *     link; empty if none
 */
public record PostRecord(GuildId guild, ChannelId campaign, WebhookId webhook, Optional<ChannelId> thread, List<MessageId> messages,
                         UserId author, Optional<NpcId> npc, String speaker, Instant postedAt, String text,
                         Optional<String> avatarUrl, List<String> rolls, List<String> images) {

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
     * @param avatarUrl the avatar the post showed, if any
     * @param rolls the dice rolled for the post, one line each; empty if none
     * @param images links to (or file names of) the images posted with it; empty if none
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
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        rolls = List.copyOf(rolls);
        images = List.copyOf(images);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a post has at least one message");
        }
    }

    /**
     * A post without avatar, rolls or images (as logs written before those were recorded hold them).
     *
     * @param guild the guild
     * @param campaign the campaign's channel (whose webhook posted it)
     * @param webhook the webhook that posted it
     * @param thread the thread or forum post it went into, if not the campaign channel itself
     * @param messages the messages, in order; at least one
     * @param author the user who made the post
     * @param npc the NPC it was posted as; empty when posted as the author's character
     * @param speaker the character's or NPC's name the post showed
     * @param postedAt when it was posted
     * @param text the post's whole text (before splitting into messages)
     */
    public PostRecord(GuildId guild, ChannelId campaign, WebhookId webhook, Optional<ChannelId> thread,
                      List<MessageId> messages, UserId author, Optional<NpcId> npc, String speaker, Instant postedAt,
                      String text) {
        this(guild, campaign, webhook, thread, messages, author, npc, speaker, postedAt, text, Optional.empty(),
                List.of(), List.of());
    }

    /**
     * This post with what it showed besides its text: the avatar, the dice rolled and the images.
     *
     * @param newAvatarUrl the avatar the post showed, if any
     * @param newRolls the dice rolled for it, one line each
     * @param newImages links to (or file names of) its images
     * @return the changed record
     */
    public PostRecord withExtras(Optional<String> newAvatarUrl, List<String> newRolls, List<String> newImages) {
        return new PostRecord(guild, campaign, webhook, thread, messages, author, npc, speaker, postedAt, text,
                newAvatarUrl, newRolls, newImages);
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
     * This post with new text and messages, after an edit. The avatar, images and rolls stay: the
     * rolls are the dice as rolled, which editing the text cannot change.
     *
     * @param newMessages the messages it is made of now
     * @param newText the new text
     * @return the changed record
     */
    public PostRecord edited(List<MessageId> newMessages, String newText) {
        return new PostRecord(guild, campaign, webhook, thread, newMessages, author, npc, speaker, postedAt, newText,
                avatarUrl, rolls, images);
    }
}
