package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * A channel of the fake guild: a text channel, a forum channel, or a thread (of a text channel, or a
 * forum post) with its parent and thread state.
 *
 * @param id       snowflake
 * @param name     channel name (a thread's or forum post's title)
 * @param type     Discord's channel type: 0 text, 15 forum, 11 public thread
 * @param parentId the parent channel of a thread, 0 for a channel
 * @param archived whether the thread is archived
 * @param locked   whether the thread is locked
 */
public record FakeChannel(long id, String name, int type, long parentId, boolean archived, boolean locked) {

    /** Text channel type. */
    public static final int TEXT = 0;
    /** Public thread type (also forum posts). */
    public static final int PUBLIC_THREAD = 11;
    /** Forum channel type. */
    public static final int FORUM = 15;

    /** Validates the fields. */
    public FakeChannel {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A text channel.
     *
     * @param id   snowflake
     * @param name channel name
     */
    public FakeChannel(long id, String name) {
        this(id, name, TEXT, 0, false, false);
    }

    /** @return whether this is a thread or forum post */
    public boolean isThread() {
        return type == PUBLIC_THREAD;
    }

    /**
     * @param isArchived archived
     * @param isLocked   locked
     * @return this thread in another state
     */
    public FakeChannel withState(boolean isArchived, boolean isLocked) {
        return new FakeChannel(id, name, type, parentId, isArchived, isLocked);
    }

    /** @return the snowflake as Discord's JSON spells it */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
