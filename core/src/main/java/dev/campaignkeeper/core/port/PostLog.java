package dev.campaignkeeper.core.port;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The log of every post the bot made as a character or NPC: what edit and delete work from (and,
 * later, scene transcripts).
 *
 * <p>Contract for implementations (checked by the reusable {@code PostLogContract} test in core's
 * test jar):
 * <ul>
 *   <li>every change is one event ({@link #append}, {@link #replace}, {@link #remove},
 *       {@link #removeCampaign}), atomic, and durable when the call returns, so a journal-backed
 *       implementation appends one line per call, like a store mutation;</li>
 *   <li>it is bounded: each campaign keeps at most {@link #retentionPerCampaign()} posts, the oldest
 *       dropped first when {@link #append} goes past it (deterministically, so replaying the events
 *       gives the same log);</li>
 *   <li>a post is found by any of its messages;</li>
 *   <li>calls on different guilds do not affect each other; calls are thread-safe.</li>
 * </ul>
 * Failures to read or write are reported as {@link dev.campaignkeeper.core.error.StoreException}.
 */
public interface PostLog {

    /** Posts kept per campaign unless configured otherwise. */
    int DEFAULT_RETENTION_PER_CAMPAIGN = 10_000;

    /**
     * How many posts each campaign keeps.
     *
     * @return at least 1
     */
    int retentionPerCampaign();

    /**
     * Records a new post, dropping the campaign's oldest posts beyond the retention.
     *
     * @param post the post; its messages must not be logged already
     * @throws IllegalArgumentException if one of its messages is already logged
     */
    void append(PostRecord post);

    /**
     * Replaces a logged post (same guild, campaign and {@link PostRecord#id()}) after an edit.
     *
     * @param post the post as it is now
     * @return false if the post is not (any more) in the log, or is logged in another campaign (an
     *     edit never moves a post); nothing changed then
     */
    boolean replace(PostRecord post);

    /**
     * Removes a post, after it was deleted.
     *
     * @param guild the guild
     * @param post the post's id (its first message)
     * @return false if the post was not in the log
     */
    boolean remove(GuildId guild, MessageId post);

    /**
     * Removes every post of a campaign, when the campaign ends.
     *
     * @param guild the guild
     * @param campaign the campaign's channel
     * @return how many posts were removed
     */
    int removeCampaign(GuildId guild, ChannelId campaign);

    /**
     * The post one of whose messages this is.
     *
     * @param guild the guild
     * @param message any message of the post
     * @return the post, if logged
     */
    Optional<PostRecord> find(GuildId guild, MessageId message);

    /**
     * A campaign's most recent posts.
     *
     * @param guild the guild
     * @param campaign the campaign's channel
     * @param limit the most posts to return
     * @return newest first
     */
    List<PostRecord> recent(GuildId guild, ChannelId campaign, int limit);

    /**
     * A user's most recent post in a campaign, in a thread or the campaign channel itself.
     *
     * @param guild the guild
     * @param campaign the campaign's channel
     * @param author the user
     * @return the newest post by the user, if any is logged
     */
    Optional<PostRecord> latestBy(GuildId guild, ChannelId campaign, UserId author);
}
