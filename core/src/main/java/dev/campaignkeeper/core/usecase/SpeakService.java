package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;
import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.dice.InlineRolls;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.memory.InMemoryPostLog;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ChannelKind;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.Posted;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.port.WebhookTarget;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.MessageSplitter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaking in character: a player as their character, a GM as one of the campaign's NPCs; and
 * editing or deleting such a post afterwards. Posts go through the campaign channel's webhook with
 * the character's name and avatar, every mention disabled (the platform port guarantees it), into
 * the thread or forum post the command was run in, or starting a new forum post with a title.
 *
 * <p>A post longer than one platform message is split ({@link MessageSplitter}) and posted as
 * several messages in order. A post counts only when every message was saved and it is in the
 * {@link PostLog}: if a message or the log fails, the messages already posted are deleted again
 * and the command fails.
 *
 * <p>A campaign without a webhook (seed data has none), or whose webhook the platform reports
 * gone, gets a new one, stored on the campaign, and the post is retried once.
 *
 * <p>Inline rolls in the text, {@code [[1d20+5]]}, are replaced by their results ({@link
 * InlineRolls}) before posting; a bad one refuses the post with a one-line error naming it.
 *
 * <p>Who may change a post: its author may edit and delete it; the campaign's GM (co-GMs and
 * server admins included) may delete any post of the campaign.
 */
public final class SpeakService {

    private static final Logger LOG = LoggerFactory.getLogger(SpeakService.class);

    private final CampaignStore store;
    private final ChatPlatform platform;
    private final PostLog log;
    private final Clock clock;
    private final DiceRoller dice;

    /**
     * Creates the service with posts logged in memory only, the UTC clock and inline rolls from
     * {@link DiceRoller#secure()}.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     */
    public SpeakService(CampaignStore store, ChatPlatform platform) {
        this(store, platform, DiceRoller.secure());
    }

    /**
     * Creates the service with posts logged in memory only and the UTC clock.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     * @param dice rolls the inline rolls {@code [[...]]} of posts
     */
    public SpeakService(CampaignStore store, ChatPlatform platform, DiceRoller dice) {
        this(store, platform, new InMemoryPostLog(), Clock.systemUTC(), dice);
    }

    /**
     * Creates the service; inline rolls draw from {@link DiceRoller#secure()}.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     * @param log where posts are recorded
     * @param clock the clock post times come from
     */
    public SpeakService(CampaignStore store, ChatPlatform platform, PostLog log, Clock clock) {
        this(store, platform, log, clock, DiceRoller.secure());
    }

    /**
     * Creates the service.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     * @param log where posts are recorded
     * @param clock the clock post times come from
     * @param dice rolls the inline rolls {@code [[...]]} of posts
     */
    public SpeakService(CampaignStore store, ChatPlatform platform, PostLog log, Clock clock, DiceRoller dice) {
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dice = Objects.requireNonNull(dice, "dice");
    }

    /**
     * Posts text as the actor's character in the campaign of a text channel.
     *
     * @param actor the player
     * @param guild the guild
     * @param channel the campaign's channel
     * @param text what to say
     * @return what was posted
     * @throws dev.campaignkeeper.core.error.InvalidInputException if the text is empty or too long, or an
     *     inline roll {@code [[...]]} in it cannot be rolled
     * @throws NotFoundException if there is no campaign or the player has no character
     * @throws NotPermittedException if the actor is not a player (the GM speaks as NPCs)
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Spoken sayAsCharacter(Actor actor, GuildId guild, ChannelId channel, String text) {
        return sayAsCharacter(actor, guild, Place.text(channel), PostContent.text(text));
    }

    /**
     * Posts as the actor's character where the command was run: a campaign channel, one of its
     * threads, or a post of a campaign forum (or a new forum post, with a title).
     *
     * @param actor the player
     * @param guild the guild
     * @param place where the command was run
     * @param content the text, and optionally a new forum post's title and an image
     * @return what was posted
     * @throws dev.campaignkeeper.core.error.InvalidInputException if the text is empty or too long, or
     *     a title is given outside a forum
     * @throws NotFoundException if there is no campaign or the player has no character
     * @throws NotPermittedException if the actor is not a player (the GM speaks as NPCs), or the
     *     thread is locked
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Spoken sayAsCharacter(Actor actor, GuildId guild, Place place, PostContent content) {
        return sayAsCharacter(actor, guild, place, content, List.of());
    }

    /** Posts as the actor's character, logging dice rolled for the post besides its inline rolls. */
    Spoken sayAsCharacter(Actor actor, GuildId guild, Place place, PostContent content, List<String> rolls) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, place);
        Draft draft = draft(place, content, rolls);
        Optional<PlayerCharacter> found = state.character(campaign.channel(), actor.user());
        if (found.isEmpty()) {
            if (campaign.hasPlayer(actor.user())) {
                throw new NotFoundException(ReasonCode.NO_OWN_CHARACTER, Map.of());
            }
            if (CampaignAccess.isGm(actor, campaign)) {
                throw new NotPermittedException(ReasonCode.GM_SPEAKS_AS_NPCS, Map.of());
            }
            throw new NotPermittedException(ReasonCode.ONLY_PLAYERS_SPEAK_AS_CHARACTERS, Map.of());
        }
        PlayerCharacter character = found.get();
        return post(actor, guild, campaign, place, draft, character.name(), character.avatarUrl(), Optional.empty());
    }

    /**
     * Posts text as one of the campaign's NPCs (GM only) in a text channel's campaign.
     *
     * @param actor who speaks; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param npc the NPC's id or name
     * @param text what to say
     * @return what was posted
     * @throws dev.campaignkeeper.core.error.InvalidInputException if the text is empty or too long, or an
     *     inline roll {@code [[...]]} in it cannot be rolled
     * @throws NotFoundException if there is no campaign or no such NPC
     * @throws NotPermittedException if the actor is not a GM
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Spoken sayAsNpc(Actor actor, GuildId guild, ChannelId channel, String npc, String text) {
        return sayAsNpc(actor, guild, Place.text(channel), npc, PostContent.text(text));
    }

    /**
     * Posts as one of the campaign's NPCs (GM only) where the command was run.
     *
     * @param actor who speaks; must count as GM
     * @param guild the guild
     * @param place where the command was run
     * @param npc the NPC's id or name
     * @param content the text, and optionally a new forum post's title and an image
     * @return what was posted
     * @throws dev.campaignkeeper.core.error.InvalidInputException if the text is empty or too long
     * @throws NotFoundException if there is no campaign or no such NPC
     * @throws NotPermittedException if the actor is not a GM, or the thread is locked
     * @throws dev.campaignkeeper.core.error.PlatformException if the post fails
     */
    public Spoken sayAsNpc(Actor actor, GuildId guild, Place place, String npc, PostContent content) {
        return sayAsNpc(actor, guild, place, npc, content, List.of());
    }

    /** Posts as an NPC, logging dice rolled for the post besides its inline rolls. */
    Spoken sayAsNpc(Actor actor, GuildId guild, Place place, String npc, PostContent content, List<String> rolls) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(npc, "npc");
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, place);
        requireGm(actor, campaign, "speak as NPCs");
        Draft draft = draft(place, content, rolls);
        Npc speaker = CampaignAccess.resolveNpc(state, campaign.channel(), npc);
        return post(actor, guild, campaign, place, draft, speaker.name(), speaker.avatarUrl(),
                Optional.of(speaker.id()));
    }

    /**
     * Replaces the text of a post (its author only). The messages are edited in place; if the new
     * text needs fewer messages, the surplus ones are deleted.
     *
     * @param actor who edits; must be the post's author
     * @param guild the guild
     * @param message any message of the post
     * @param text the new text
     * @return the post as it is now
     * @throws NotFoundException if the message is no logged post, or its campaign has ended
     * @throws NotPermittedException if the actor is not the author
     * @throws InvalidInputException if the text is empty, too long, or needs more messages than the
     *     post has
     * @throws dev.campaignkeeper.core.error.PlatformException if an edit fails
     */
    public PostRecord edit(Actor actor, GuildId guild, MessageId message, String text) {
        Objects.requireNonNull(actor, "actor");
        String clean = InputRules.spokenText(text);
        PostRecord post = requirePost(guild, message);
        Campaign campaign = requireLiveCampaign(guild, post);
        if (!post.author().equals(actor.user())) {
            throw new NotPermittedException("Only the player who made a post can edit it. "
                    + "The GM may delete it with \"Delete post\".");
        }
        List<String> parts = MessageSplitter.split(clean);
        if (parts.size() > post.messages().size()) {
            throw new InvalidInputException("The new text needs " + parts.size() + " messages, but the post has "
                    + post.messages().size() + " (at most " + MessageSplitter.MESSAGE_LIMIT + " characters each). "
                    + "Shorten it, or delete the post and post it again.");
        }
        WebhookTarget target = targetOf(post, campaign);
        for (int i = 0; i < parts.size(); i++) {
            platform.editPost(guild, target, post.messages().get(i), parts.get(i));
        }
        List<MessageId> surplus = post.messages().subList(parts.size(), post.messages().size());
        for (MessageId extra : surplus) {
            deleteQuietly(guild, target, extra);
        }
        PostRecord edited = post.edited(post.messages().subList(0, parts.size()), clean);
        if (!log.replace(edited)) {
            LOG.info("Post {} left the log while it was edited", post.id());
        }
        return edited;
    }

    /**
     * Deletes a post: every message of it on the platform, and its log entry. Allowed for the
     * post's author and for whoever counts as the campaign's GM.
     *
     * @param actor who deletes
     * @param guild the guild
     * @param message any message of the post
     * @return the deleted post
     * @throws NotFoundException if the message is no logged post
     * @throws NotPermittedException if the actor is neither the author nor a GM
     * @throws dev.campaignkeeper.core.error.PlatformException if a message cannot be deleted
     */
    public PostRecord delete(Actor actor, GuildId guild, MessageId message) {
        Objects.requireNonNull(actor, "actor");
        PostRecord post = requirePost(guild, message);
        Optional<Campaign> campaign = store.guild(guild).campaign(post.campaign());
        boolean gm = campaign.map(found -> CampaignAccess.isGm(actor, found)).orElse(actor.administrator());
        if (!post.author().equals(actor.user()) && !gm) {
            throw new NotPermittedException("Only the player who made a post, or " + CampaignAccess.GM_WHO
                    + ", can delete it.");
        }
        if (campaign.isPresent() && campaign.get().webhook().isPresent()
                && !campaign.get().webhook().get().equals(post.webhook())) {
            log.remove(guild, post.id());
            throw new NotFoundException("That post was made through the campaign's old webhook, which is gone, so "
                    + "the bot can no longer delete it. A moderator can delete it from the message's menu.");
        }
        WebhookTarget target = new WebhookTarget(post.campaign(), post.webhook(), post.thread(), Optional.empty());
        for (MessageId part : post.messages()) {
            try {
                platform.deletePost(guild, target, part);
            } catch (PlatformNotFoundException gone) {
                LOG.debug("Message {} of post {} was already gone", part, post.id());
            }
        }
        log.remove(guild, post.id());
        return post;
    }

    /**
     * Whether the actor may delete a post; used to ignore reactions quietly.
     *
     * @param actor who wants to delete
     * @param guild the guild
     * @param message any message of the post
     * @return the post, if it is logged and the actor may delete it
     */
    public Optional<PostRecord> deletableBy(Actor actor, GuildId guild, MessageId message) {
        Optional<PostRecord> post = log.find(guild, message);
        if (post.isEmpty()) {
            return Optional.empty();
        }
        if (post.get().author().equals(actor.user())) {
            return post;
        }
        Optional<Campaign> campaign = store.guild(guild).campaign(post.get().campaign());
        return campaign.filter(found -> CampaignAccess.isGm(actor, found)).map(found -> post.get());
    }

    /**
     * A logged post, for prefilling an edit.
     *
     * @param actor who asks; must be the author
     * @param guild the guild
     * @param message any message of the post
     * @return the post
     * @throws NotFoundException if the message is no logged post
     * @throws NotPermittedException if the actor is not the author
     */
    public PostRecord editable(Actor actor, GuildId guild, MessageId message) {
        PostRecord post = requirePost(guild, message);
        if (!post.author().equals(actor.user())) {
            throw new NotPermittedException("Only the player who made a post can edit it. "
                    + "The GM may delete it with \"Delete post\".");
        }
        requireLiveCampaign(guild, post);
        return post;
    }

    /**
     * The actor's latest post in the campaign covering a place (for the console's /edit and /delete).
     *
     * @param actor the author
     * @param guild the guild
     * @param place where the command was run
     * @return the post
     * @throws NotFoundException if there is no campaign or no logged post of the actor's
     */
    public PostRecord latest(Actor actor, GuildId guild, Place place) {
        Campaign campaign = requireCampaign(store.guild(guild), place);
        return log.latestBy(guild, campaign.channel(), actor.user()).orElseThrow(() -> new NotFoundException(
                "You have no post in this campaign that the bot remembers."));
    }

    /**
     * Keeps an uploaded image as the avatar of a character or NPC of the campaign of a channel, and
     * returns the lasting link to store as its avatar. Only the campaign's players and whoever counts
     * as its GM may keep one; the platform keeps it where only the uploader sees it (on Discord, a
     * direct message from the bot), so a GM's NPC avatar gives nothing away.
     *
     * @param actor who uploaded it
     * @param guild the guild
     * @param channel the campaign's channel
     * @param whose the name of the character or NPC it is for, for the caption
     * @param image the image, already checked against the image rules
     * @return the lasting link to the kept image
     * @throws NotFoundException if the channel has no campaign
     * @throws NotPermittedException if the actor is neither a player nor a GM of it
     * @throws dev.campaignkeeper.core.error.PlatformException if the platform cannot keep it
     */
    public String keepAvatar(Actor actor, GuildId guild, ChannelId channel, String whose, Upload image) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(whose, "whose");
        Objects.requireNonNull(image, "image");
        Campaign campaign = requireCampaign(store.guild(guild), channel);
        if (!campaign.hasPlayer(actor.user()) && !CampaignAccess.isGm(actor, campaign)) {
            throw new NotPermittedException("Only the players and the GM of this campaign can give an avatar here.");
        }
        String caption = "The avatar of \"" + CampaignAccess.shorten(whose) + "\" in the campaign \""
                + CampaignAccess.shorten(campaign.name()) + "\". The bot shows this image on their posts; "
                + "if this message is deleted, their posts lose the avatar.";
        String link = platform.keepImage(guild, actor.user(), caption, image);
        InputRules.avatarUrl(link);
        return link;
    }

    /**
     * Reposts an ordinary message as a character or NPC chosen by proxy tags ({@link ProxyService}):
     * the same checks and posting path as {@link #sayAsCharacter} and {@link #sayAsNpc}, with the
     * message's files re-uploaded.
     */
    Spoken repost(Actor actor, GuildId guild, Place place, ProxyService.Decision decision, String text,
                  List<Upload> files) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, place);
        Draft draft = draft(place, PostContent.text(text), files, List.of());
        if (decision.npc().isPresent()) {
            requireGm(actor, campaign, "speak as NPCs");
            Npc npc = state.npc(campaign.channel(), decision.npc().get().id()).orElseThrow(() ->
                    new NotFoundException(ReasonCode.NO_NPC_NAMED,
                            Map.of("name", CampaignAccess.shorten(decision.npc().get().name()))));
            return post(actor, guild, campaign, place, draft, npc.name(), npc.avatarUrl(), Optional.of(npc.id()));
        }
        PlayerCharacter character = state.character(campaign.channel(), actor.user()).orElseThrow(() ->
                new NotFoundException(ReasonCode.NO_OWN_CHARACTER, Map.of()));
        return post(actor, guild, campaign, place, draft, character.name(), character.avatarUrl(), Optional.empty());
    }

    /**
     * Takes back a post just made: deletes its messages (those already gone are skipped) and its
     * log entry. Used when the proxied original could not be deleted, so it is never shown twice.
     */
    void withdraw(GuildId guild, PostRecord post) {
        WebhookTarget target = new WebhookTarget(post.campaign(), post.webhook(), post.thread(), Optional.empty());
        try {
            for (MessageId part : post.messages()) {
                deleteQuietly(guild, target, part);
            }
        } finally {
            log.remove(guild, post.id());
        }
    }

    // ---- posting ----

    private record Draft(String text, List<String> parts, Optional<String> title, List<Upload> files,
                         List<String> rolls) {
    }

    /** Everything checked before anything is posted; inline rolls are rolled here. */
    private Draft draft(Place place, PostContent content, List<String> givenRolls) {
        Objects.requireNonNull(content, "content");
        return draft(place, content, content.image().stream().toList(), givenRolls);
    }

    /** Everything checked before anything is posted, with any number of files. */
    private Draft draft(Place place, PostContent content, List<Upload> files, List<String> givenRolls) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(content, "content");
        CampaignAccess.requirePostable(place);
        Optional<String> title = content.title().map(raw -> InputRules.name(raw, "forum post title"));
        if (title.isPresent() && place.kind() != ChannelKind.FORUM_POST) {
            throw new InvalidInputException("A title starts a new forum post, so it only works in a post of a "
                    + "campaign's forum. Leave the title out to post here.");
        }
        String text;
        List<String> rolls = new ArrayList<>(givenRolls);
        if (!files.isEmpty() && InputRules.clean(content.text(), true).isEmpty()) {
            text = "";
        } else {
            InlineRolls.Expanded expanded = InlineRolls.expand(InputRules.spokenText(content.text()), dice,
                    InputRules.MAX_TEXT_LENGTH);
            text = expanded.text();
            expanded.rolls().forEach(result -> rolls.addAll(RollLines.of(result)));
        }
        List<String> parts = text.isEmpty() ? List.of("") : MessageSplitter.split(text);
        return new Draft(text, parts, title, List.copyOf(files), rolls);
    }

    private Spoken post(Actor actor, GuildId guild, Campaign campaign, Place place, Draft draft, String name,
                        Optional<String> avatar, Optional<NpcId> npc) {
        Optional<WebhookId> webhook = campaign.webhook();
        if (webhook.isEmpty()) {
            LOG.info("Campaign {} in guild {} has no webhook; creating one", campaign.channel(), guild);
        }
        WebhookId through = webhook.isPresent() ? webhook.get() : replaceWebhook(guild, campaign.channel(), webhook);
        WebhookTarget target = new WebhookTarget(campaign.channel(), through,
                draft.title().isPresent() ? Optional.empty() : place.thread(), draft.title());
        List<Posted> posted = new ArrayList<>();
        try {
            for (int i = 0; i < draft.parts().size(); i++) {
                List<Upload> files = i == draft.parts().size() - 1 ? draft.files() : List.of();
                Posted message;
                try {
                    message = platform.post(guild, target, name, avatar, draft.parts().get(i), files);
                } catch (PlatformNotFoundException gone) {
                    if (i > 0 || webhook.isEmpty()) {
                        throw gone;
                    }
                    LOG.info("Webhook {} of campaign {} in guild {} is gone; creating a new one",
                            target.webhook(), campaign.channel(), guild);
                    target = target.withWebhook(replaceWebhook(guild, campaign.channel(), webhook));
                    message = platform.post(guild, target, name, avatar, draft.parts().get(i), files);
                }
                posted.add(message);
                if (i == 0 && target.newThreadName().isPresent()) {
                    target = target.inThread(message.channel());
                }
            }
            Optional<ChannelId> thread = target.thread();
            PostRecord record = new PostRecord(guild, campaign.channel(), target.webhook(), thread,
                    posted.stream().map(Posted::message).toList(), actor.user(), npc, name, clock.instant(),
                    draft.text()).withExtras(avatar, draft.rolls(), images(posted, draft.files()));
            log.append(record);
            return new Spoken(name, avatar, draft.text(), record);
        } catch (RuntimeException e) {
            WebhookTarget undo = target;
            for (Posted message : posted) {
                try {
                    platform.deletePost(guild, undo, message.message());
                } catch (RuntimeException undoFailure) {
                    LOG.warn("Could not delete message {} of a failed post", message.message(), undoFailure);
                    e.addSuppressed(undoFailure);
                }
            }
            if (!posted.isEmpty() && e instanceof CampaignKeeperException) {
                LOG.info("Post in campaign {} failed after {} of {} messages; they were deleted again",
                        campaign.channel(), posted.size(), draft.parts().size());
            }
            throw e;
        }
    }

    /** The links the platform gave for the uploaded files, or their file names when it gave none. */
    private static List<String> images(List<Posted> posted, List<Upload> files) {
        List<String> links = posted.stream().flatMap(message -> message.attachmentUrls().stream()).toList();
        if (!links.isEmpty()) {
            return links;
        }
        return files.stream().map(Upload::fileName).toList();
    }

    private PostRecord requirePost(GuildId guild, MessageId message) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(message, "message");
        return log.find(guild, message).orElseThrow(() -> new NotFoundException(
                "That message is not a post the bot made as a character or NPC, or it is older than the posts "
                        + "the bot keeps (" + log.retentionPerCampaign() + " per campaign)."));
    }

    private Campaign requireLiveCampaign(GuildId guild, PostRecord post) {
        Campaign campaign = store.guild(guild).campaign(post.campaign()).orElseThrow(() -> new NotFoundException(
                "The campaign of that post has ended."));
        return campaign;
    }

    private static WebhookTarget targetOf(PostRecord post, Campaign campaign) {
        if (campaign.webhook().isPresent() && !campaign.webhook().get().equals(post.webhook())) {
            throw new NotFoundException("That post was made through the campaign's old webhook, which is gone, "
                    + "so it can no longer be edited. Delete it and post again.");
        }
        return new WebhookTarget(post.campaign(), post.webhook(), post.thread(), Optional.empty());
    }

    private void deleteQuietly(GuildId guild, WebhookTarget target, MessageId message) {
        try {
            platform.deletePost(guild, target, message);
        } catch (PlatformNotFoundException gone) {
            LOG.debug("Message {} was already gone", message);
        }
    }

    /**
     * Creates a webhook and stores it on the campaign in place of {@code stale}. If another caller
     * already replaced {@code stale}, theirs is kept and the one made here deleted.
     */
    private WebhookId replaceWebhook(GuildId guild, ChannelId channel, Optional<WebhookId> stale) {
        WebhookId created = platform.createWebhook(guild, channel, CampaignService.WEBHOOK_NAME);
        WebhookId chosen;
        try {
            chosen = store.update(guild, current -> {
                Campaign campaign = current.campaign(channel).orElseThrow(() -> new NotFoundException(
                        "The campaign in this channel has just been ended."));
                if (campaign.webhook().isPresent() && !campaign.webhook().equals(stale)) {
                    return Update.none(campaign.webhook().get());
                }
                return Update.of(created, new RecordChange.PutCampaign(campaign.withWebhook(created)));
            });
        } catch (RuntimeException e) {
            deleteWebhookQuietly(guild, created, e);
            throw e;
        }
        if (!chosen.equals(created)) {
            deleteWebhookQuietly(guild, created, null);
        }
        return chosen;
    }

    private void deleteWebhookQuietly(GuildId guild, WebhookId webhook, RuntimeException cause) {
        try {
            platform.deleteWebhook(guild, webhook);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the unused webhook {} in guild {}", webhook, guild, e);
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
