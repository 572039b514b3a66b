package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.transcript.Transcript;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scene transcripts: a campaign's in-character posts from the {@link PostLog}, in the order they
 * were posted, as they are now (an edited post with its new text; a deleted one is not in the log).
 * The attribution comes from the log, so every post names the character and the user who really
 * posted it.
 *
 * <p>Who may have one: whoever counts as the campaign's GM, and its players when the GM allows it.
 */
public final class TranscriptService {

    private final CampaignStore store;
    private final PostLog log;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param store where campaigns live
     * @param log the posts made as characters and NPCs
     * @param clock when a transcript is made
     */
    public TranscriptService(CampaignStore store, PostLog log, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Which posts a transcript holds: those from one message to another (either end open), and
     * optionally only one thread's (or the campaign channel's own).
     *
     * @param from the first message; a post counts if any of its messages is this one or later
     * @param to the last message; a post counts if it starts with this one or earlier
     * @param place only the posts made in this channel or thread; empty for every place
     */
    public record Range(Optional<MessageId> from, Optional<MessageId> to, Optional<ChannelId> place) {

        /**
         * Validates the fields.
         *
         * @param from the first message
         * @param to the last message
         * @param place only the posts made in this channel or thread; empty for every place
         */
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(place, "place");
        }

        /**
         * Every post.
         *
         * @return the range with no bounds
         */
        public static Range all() {
            return new Range(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * The transcript of the campaign covering a place.
     *
     * @param actor who asks: a GM, or a player when the GM allows players transcripts
     * @param guild the guild
     * @param place where the command was run (the campaign channel or one of its threads)
     * @param range which posts
     * @return the transcript; never empty
     * @throws NotFoundException if there is no campaign, or no post in the range
     * @throws NotPermittedException if the actor may not have the transcript
     * @throws InvalidInputException if the range ends before it starts
     */
    public Transcript transcript(Actor actor, GuildId guild, Place place, Range range) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Campaign campaign = CampaignAccess.requireCampaign(store.guild(guild), place);
        requireAllowed(actor, campaign);
        return transcriptOf(campaign, log, range, clock.instant());
    }

    /**
     * Whether the actor may have the transcript of the campaign covering a place (checked before a
     * long transcript is made).
     *
     * @param actor who asks
     * @param guild the guild
     * @param place where the command was run
     * @throws NotFoundException if there is no campaign
     * @throws NotPermittedException if the actor may not have it
     */
    public void checkAllowed(Actor actor, GuildId guild, Place place) {
        requireAllowed(actor, CampaignAccess.requireCampaign(store.guild(guild), place));
    }

    private static void requireAllowed(Actor actor, Campaign campaign) {
        if (CampaignAccess.isGm(actor, campaign)) {
            return;
        }
        if (campaign.hasPlayer(actor.user()) && playersMayLog(campaign)) {
            return;
        }
        if (campaign.hasPlayer(actor.user())) {
            throw new NotPermittedException("Only " + CampaignAccess.GM_WHO + " can get this campaign's transcript; "
                    + "the GM can allow its players to get one too.");
        }
        throw new NotPermittedException("Only " + CampaignAccess.GM_WHO + " can get this campaign's transcript.");
    }

    /** Whether the GM lets players have transcripts. */
    private static boolean playersMayLog(Campaign campaign) {
        return campaign.settings().playersMayLog();
    }

    /**
     * The transcript of a campaign, asking nobody's permission: for the server's admin offline.
     *
     * @param campaign the campaign
     * @param log the post log
     * @param range which posts
     * @param madeAt when the transcript is made
     * @return the transcript; never empty
     * @throws NotFoundException if there is no post in the range
     * @throws InvalidInputException if the range ends before it starts
     */
    public static Transcript transcriptOf(Campaign campaign, PostLog log, Range range, java.time.Instant madeAt) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(range, "range");
        if (range.from().isPresent() && range.to().isPresent()
                && compare(range.from().get(), range.to().get()) > 0) {
            throw new InvalidInputException("The transcript's first message comes after its last one. "
                    + "Swap the two links.");
        }
        List<PostRecord> newestFirst = log.recent(campaign.guild(), campaign.channel(), log.retentionPerCampaign());
        List<PostRecord> posts = new ArrayList<>(newestFirst.size());
        for (PostRecord post : newestFirst) {
            if (inRange(post, range)) {
                posts.add(post);
            }
        }
        Collections.reverse(posts);
        if (posts.isEmpty()) {
            throw new NotFoundException(newestFirst.isEmpty()
                    ? "The bot remembers no in-character post in this campaign yet."
                    : "The bot remembers no in-character post of this campaign in that range ("
                            + newestFirst.size() + " in all; it keeps the latest " + log.retentionPerCampaign()
                            + ").");
        }
        return Transcript.of(campaign.name(), campaign.guild(), campaign.channel(), madeAt, posts);
    }

    private static boolean inRange(PostRecord post, Range range) {
        MessageId first = post.messages().get(0);
        MessageId last = post.messages().get(post.messages().size() - 1);
        if (range.from().isPresent() && compare(last, range.from().get()) < 0) {
            return false;
        }
        if (range.to().isPresent() && compare(first, range.to().get()) > 0) {
            return false;
        }
        return range.place().isEmpty() || post.channel().equals(range.place().get());
    }

    /** Snowflakes compared as numbers: they grow with time, so this is the order messages were sent in. */
    static int compare(MessageId a, MessageId b) {
        String x = stripZeros(a.value());
        String y = stripZeros(b.value());
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
