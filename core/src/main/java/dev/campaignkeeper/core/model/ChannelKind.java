package dev.campaignkeeper.core.model;

/**
 * What kind of channel a command was run in, as far as campaigns care.
 */
public enum ChannelKind {
    /** A plain text channel: a campaign can live here and covers its threads. */
    TEXT,
    /** A thread of a text channel: part of the parent channel's campaign. */
    THREAD,
    /** A forum channel: a campaign can live here and covers every post of the forum. */
    FORUM,
    /** A post (thread) of a forum channel: part of the forum's campaign. */
    FORUM_POST,
    /** Anything else (voice channel chat, announcement channel, ...): no campaign can live here. */
    OTHER;

    /**
     * Whether this kind is a thread (of a text channel or a forum).
     *
     * @return true for {@link #THREAD} and {@link #FORUM_POST}
     */
    public boolean isThread() {
        return this == THREAD || this == FORUM_POST;
    }
}
