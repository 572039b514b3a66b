package dev.campaignkeeper.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a command was run: the channel, its kind and, for a thread or forum post, its parent and
 * whether it is archived or locked. Adapters fill it in from what the platform sent with the
 * command, so the use cases can decide without asking the platform.
 *
 * @param channel the channel (or thread) the command was run in
 * @param kind what kind of channel it is
 * @param parent the parent channel of a thread or forum post; empty otherwise
 * @param archived whether the thread is archived (always false for a channel)
 * @param locked whether the thread is locked: only moderators may unarchive it or post in it
 */
public record Place(ChannelId channel, ChannelKind kind, Optional<ChannelId> parent, boolean archived,
                    boolean locked) {

    /**
     * Validates the fields: a thread or forum post has a parent, a channel has none.
     *
     * @param channel the channel (or thread) the command was run in
     * @param kind what kind of channel it is
     * @param parent the parent channel of a thread or forum post; empty otherwise
     * @param archived whether the thread is archived (always false for a channel)
     * @param locked whether the thread is locked: only moderators may unarchive it or post in it
     */
    public Place {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parent, "parent");
        if (kind.isThread() != parent.isPresent()) {
            throw new IllegalArgumentException(kind.isThread()
                    ? "a thread or forum post needs its parent channel" : "only threads have a parent channel");
        }
        if (!kind.isThread() && (archived || locked)) {
            throw new IllegalArgumentException("only threads are archived or locked");
        }
    }

    /**
     * A plain text channel.
     *
     * @param channel the channel
     * @return the place
     */
    public static Place text(ChannelId channel) {
        return new Place(channel, ChannelKind.TEXT, Optional.empty(), false, false);
    }

    /**
     * A forum channel.
     *
     * @param forum the forum channel
     * @return the place
     */
    public static Place forum(ChannelId forum) {
        return new Place(forum, ChannelKind.FORUM, Optional.empty(), false, false);
    }

    /**
     * An open thread of a text channel.
     *
     * @param thread the thread
     * @param parent its text channel
     * @return the place
     */
    public static Place thread(ChannelId thread, ChannelId parent) {
        return new Place(thread, ChannelKind.THREAD, Optional.of(parent), false, false);
    }

    /**
     * An open post of a forum channel.
     *
     * @param post the forum post (a thread)
     * @param forum its forum channel
     * @return the place
     */
    public static Place forumPost(ChannelId post, ChannelId forum) {
        return new Place(post, ChannelKind.FORUM_POST, Optional.of(forum), false, false);
    }

    /**
     * This thread, archived and/or locked.
     *
     * @param isArchived whether it is archived
     * @param isLocked whether it is locked
     * @return the changed place
     */
    public Place withThreadState(boolean isArchived, boolean isLocked) {
        return new Place(channel, kind, parent, isArchived, isLocked);
    }

    /**
     * The channel whose campaign covers this place: the parent of a thread or forum post, else the
     * channel itself.
     *
     * @return the campaign channel
     */
    public ChannelId campaignChannel() {
        return parent.orElse(channel);
    }

    /**
     * The thread to post into, for a thread or forum post.
     *
     * @return the thread, empty for a channel
     */
    public Optional<ChannelId> thread() {
        return kind.isThread() ? Optional.of(channel) : Optional.empty();
    }
}
