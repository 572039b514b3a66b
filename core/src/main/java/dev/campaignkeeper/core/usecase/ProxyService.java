package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.rules.ProxyMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an ordinary message in a campaign's channel (or one of its threads) is reposted as
 * a character or NPC: only when the campaign's GM switched proxy tags on, and only as the author's own
 * character or, for whoever counts as GM, the campaign's NPCs. The matching itself (escape, longest
 * tag, autoproxy) is {@link ProxyMatcher}'s.
 *
 * <p>{@link #repost} does the whole job for an adapter that saw a message: it decides, posts the
 * text through the same path as speaking in character ({@link SpeakService}: webhook, name and
 * avatar, mentions disabled, long text split, inline rolls, the post logged so that its author can
 * edit and delete it and transcripts attribute it), and only then deletes the original. So a post
 * that fails leaves the original untouched; an original that is already gone when the bot deletes
 * it (its author or another bot deleted it first) takes the repost back, so nothing is shown twice.
 */
public final class ProxyService {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyService.class);

    private final CampaignStore store;
    private final Optional<SpeakService> speech;
    private final Optional<ChatPlatform> platform;

    /**
     * Creates a service that only decides ({@link #decide}); {@link #repost} fails.
     *
     * @param store the campaign store
     */
    public ProxyService(CampaignStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.speech = Optional.empty();
        this.platform = Optional.empty();
    }

    /**
     * Creates the service.
     *
     * @param store the campaign store
     * @param speech the posting path reposts go through
     * @param platform deletes the originals
     */
    public ProxyService(CampaignStore store, SpeakService speech, ChatPlatform platform) {
        this.store = Objects.requireNonNull(store, "store");
        this.speech = Optional.of(Objects.requireNonNull(speech, "speech"));
        this.platform = Optional.of(Objects.requireNonNull(platform, "platform"));
    }

    /**
     * An ordinary message seen by the adapter.
     *
     * @param place where it was sent: a campaign's channel, one of its threads or a forum post
     * @param message its id, to delete it once reposted
     * @param text its text as it is now (the latest edit)
     * @param files its attachments, already fetched; reposted with the text
     * @param replyLine a line shown above the text when the message replied to another (a link to
     *     it, worded by the adapter); empty when it replied to nothing
     */
    public record ProxyMessage(Place place, MessageId message, String text, List<Upload> files,
                               Optional<String> replyLine) {

        /**
         * Validates and copies the fields.
         *
         * @param place where it was sent
         * @param message its id
         * @param text its text as it is now
         * @param files its attachments, already fetched
         * @param replyLine a line shown above the text, if it was a reply
         */
        public ProxyMessage {
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(text, "text");
            files = List.copyOf(files);
            Objects.requireNonNull(replyLine, "replyLine");
        }
    }

    /** What became of a message given to {@link #repost}. */
    public enum Outcome {
        /** No tag matched (or proxy tags are off, or the message is escaped or only a tag): left alone. */
        NOT_PROXIED,
        /** Reposted as a character or NPC, and the original deleted. */
        REPOSTED,
        /** The original was already gone when the bot deleted it; the repost was taken back. */
        ORIGINAL_GONE
    }

    /**
     * The result of {@link #repost}.
     *
     * @param outcome what happened
     * @param spoken the repost, when {@link Outcome#REPOSTED}
     */
    public record Result(Outcome outcome, Optional<Spoken> spoken) {

        /**
         * Validates the fields: a repost exactly when reposted.
         *
         * @param outcome what happened
         * @param spoken the repost, when reposted
         */
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(spoken, "spoken");
            if (spoken.isPresent() != (outcome == Outcome.REPOSTED)) {
                throw new IllegalArgumentException("a result has a repost exactly when reposted");
            }
        }
    }

    /**
     * Decides about one message where it was sent: a campaign's channel, one of its threads or a
     * post of its forum. A locked thread or a channel of another kind is left alone.
     *
     * @param actor the message's author (never a bot or webhook)
     * @param guild the guild
     * @param place where it was sent
     * @param text the message's text as sent
     * @param hasAttachments whether it carries files
     * @return what to post, or empty to leave the message alone
     */
    public Optional<Decision> decide(Actor actor, GuildId guild, Place place, String text, boolean hasAttachments) {
        Objects.requireNonNull(place, "place");
        if (place.kind() == dev.campaignkeeper.core.model.ChannelKind.OTHER || place.locked()) {
            return Optional.empty();
        }
        return decide(actor, guild, place.campaignChannel(), text, hasAttachments);
    }

    /**
     * Reposts a message as a character or NPC if its tags (or autoproxy) say so, then deletes the
     * original. The post goes first: if it fails, the original stays and the failure is thrown; if
     * deleting the original fails, the repost is taken back and the failure thrown, except when the
     * original is already gone, which is {@link Outcome#ORIGINAL_GONE}.
     *
     * @param actor the message's author (never a bot or webhook)
     * @param guild the guild
     * @param message the message as it is now
     * @return what became of it
     * @throws dev.campaignkeeper.core.error.InvalidInputException if the text cannot be posted (too
     *     long, or a bad inline roll); the original stays
     * @throws dev.campaignkeeper.core.error.PlatformException if the post or the deletion of the
     *     original fails; the original stays and nothing is posted
     * @throws IllegalStateException if the service was created only to decide
     */
    public Result repost(Actor actor, GuildId guild, ProxyMessage message) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(message, "message");
        SpeakService poster = speech.orElseThrow(() -> new IllegalStateException("this service only decides"));
        Optional<Decision> decision = decide(actor, guild, message.place(), message.text(),
                !message.files().isEmpty());
        if (decision.isEmpty()) {
            return new Result(Outcome.NOT_PROXIED, Optional.empty());
        }
        String text = message.replyLine()
                .map(line -> decision.get().text().isEmpty() ? line : line + "\n" + decision.get().text())
                .orElse(decision.get().text());
        Spoken spoken = poster.repost(actor, guild, message.place(), decision.get(), text, message.files());
        try {
            platform.orElseThrow().deleteMessage(guild, message.place().channel(), message.message());
        } catch (PlatformNotFoundException gone) {
            LOG.info("Message {} was deleted before the bot could; its repost {} is taken back", message.message(),
                    spoken.post().id());
            poster.withdraw(guild, spoken.post());
            return new Result(Outcome.ORIGINAL_GONE, Optional.empty());
        } catch (RuntimeException failed) {
            try {
                poster.withdraw(guild, spoken.post());
            } catch (RuntimeException undo) {
                failed.addSuppressed(undo);
            }
            throw failed;
        }
        return new Result(Outcome.REPOSTED, Optional.of(spoken));
    }

    /**
     * What to repost, if anything.
     *
     * @param character the author's character to speak as, if the decision is a character
     * @param npc the NPC to speak as, if the decision is an NPC
     * @param text the text to post, exactly as written between the tags
     */
    public record Decision(Optional<PlayerCharacter> character, Optional<Npc> npc, String text) {

        /**
         * Validates the fields: exactly one speaker.
         *
         * @param character the author's character to speak as, if the decision is a character
         * @param npc the NPC to speak as, if the decision is an NPC
         * @param text the text to post
         */
        public Decision {
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(npc, "npc");
            Objects.requireNonNull(text, "text");
            if (character.isPresent() == npc.isPresent()) {
                throw new IllegalArgumentException("a proxy decision has exactly one speaker");
            }
        }
    }

    /**
     * Decides about one message.
     *
     * @param actor the message's author (never a bot or webhook: the adapter drops those first)
     * @param guild the guild
     * @param channel the campaign's channel (a thread's parent for a message in a thread)
     * @param text the message's text as sent
     * @param hasAttachments whether it carries files
     * @return what to post, or empty to leave the message alone
     */
    public Optional<Decision> decide(Actor actor, GuildId guild, ChannelId channel, String text,
                                     boolean hasAttachments) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        GuildState state = store.guild(guild);
        Optional<Campaign> campaign = state.campaign(channel);
        if (campaign.isEmpty() || !campaign.get().settings().proxyTags()) {
            return Optional.empty();
        }
        List<ProxyMatcher.Candidate<Object>> candidates = new ArrayList<>();
        Optional<PlayerCharacter> own = state.character(channel, actor.user());
        own.ifPresent(character -> candidates.add(new ProxyMatcher.Candidate<>(character, character.proxyTags())));
        if (CampaignAccess.isGm(actor, campaign.get())) {
            for (Npc npc : state.npcsIn(channel)) {
                candidates.add(new ProxyMatcher.Candidate<>(npc, npc.proxyTags()));
            }
        }
        Optional<Object> autoproxy = own.filter(PlayerCharacter::autoproxy).map(character -> character);
        return ProxyMatcher.match(text, hasAttachments, candidates, autoproxy).map(match ->
                match.speaker() instanceof Npc npc
                        ? new Decision(Optional.empty(), Optional.of(npc), match.text())
                        : new Decision(Optional.of((PlayerCharacter) match.speaker()), Optional.empty(), match.text()));
    }
}
