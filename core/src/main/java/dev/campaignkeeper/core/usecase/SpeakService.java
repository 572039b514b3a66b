package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;
import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.dice.InlineRolls;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaking in character: a player as their character, a GM as one of the campaign's NPCs. Posts
 * go through the campaign's channel webhook with the character's name and avatar, every mention
 * disabled (the platform port guarantees it).
 *
 * <p>A campaign without a webhook (seed data has none), or whose webhook the platform reports
 * gone, gets a new one, stored on the campaign, and the post is retried once.
 *
 * <p>Inline rolls in the text, {@code [[1d20+5]]}, are replaced by their results ({@link
 * InlineRolls}) before posting; a bad one refuses the post with a one-line error naming it.
 */
public final class SpeakService {

    private static final Logger LOG = LoggerFactory.getLogger(SpeakService.class);

    private final CampaignStore store;
    private final ChatPlatform platform;
    private final DiceRoller dice;

    /**
     * Creates the service; inline rolls draw from {@link DiceRoller#secure()}.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     */
    public SpeakService(CampaignStore store, ChatPlatform platform) {
        this(store, platform, DiceRoller.secure());
    }

    /**
     * Creates the service.
     *
     * @param store where campaigns live
     * @param platform the chat platform posts go through
     * @param dice rolls the inline rolls {@code [[...]]} of posts
     */
    public SpeakService(CampaignStore store, ChatPlatform platform, DiceRoller dice) {
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.dice = Objects.requireNonNull(dice, "dice");
    }

    /**
     * Posts text as the actor's character in the campaign of a channel.
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
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        String cleanText = withInlineRolls(InputRules.spokenText(text));
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, channel);
        Optional<PlayerCharacter> found = state.character(channel, actor.user());
        if (found.isEmpty()) {
            if (campaign.hasPlayer(actor.user())) {
                throw new NotFoundException("You have no character in this campaign yet. "
                        + "Create one with /character create.");
            }
            if (CampaignAccess.isGm(actor, campaign)) {
                throw new NotPermittedException("GMs speak as NPCs: use /npc say (create NPCs with /npc create).");
            }
            throw new NotPermittedException("Only players of this campaign can speak as a character. "
                    + "Join with /campaign join, then create a character with /character create.");
        }
        PlayerCharacter character = found.get();
        return post(guild, campaign, new Spoken(character.name(), character.avatarUrl(), cleanText));
    }

    /**
     * Posts text as one of the campaign's NPCs (GM only).
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
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(npc, "npc");
        String cleanText = withInlineRolls(InputRules.spokenText(text));
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, channel);
        requireGm(actor, campaign, "speak as NPCs");
        Npc speaker = CampaignAccess.resolveNpc(state, channel, npc);
        return post(guild, campaign, new Spoken(speaker.name(), speaker.avatarUrl(), cleanText));
    }

    /** The cleaned text with its inline rolls rolled; still within Discord's limit. */
    private String withInlineRolls(String cleanText) {
        return InlineRolls.expand(cleanText, dice, InputRules.MAX_TEXT_LENGTH).text();
    }

    private Spoken post(GuildId guild, Campaign campaign, Spoken spoken) {
        Optional<WebhookId> webhook = campaign.webhook();
        if (webhook.isPresent()) {
            try {
                postThrough(guild, campaign.channel(), webhook.get(), spoken);
                return spoken;
            } catch (PlatformNotFoundException gone) {
                LOG.info("Webhook {} of campaign {} in guild {} is gone; creating a new one",
                        webhook.get(), campaign.channel(), guild);
            }
        } else {
            LOG.info("Campaign {} in guild {} has no webhook; creating one", campaign.channel(), guild);
        }
        WebhookId replacement = replaceWebhook(guild, campaign.channel(), webhook);
        postThrough(guild, campaign.channel(), replacement, spoken);
        return spoken;
    }

    private void postThrough(GuildId guild, ChannelId channel, WebhookId webhook, Spoken spoken) {
        platform.postAs(guild, channel, webhook, spoken.displayName(), spoken.avatarUrl(), spoken.text());
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
            deleteQuietly(guild, created, e);
            throw e;
        }
        if (!chosen.equals(created)) {
            deleteQuietly(guild, created, null);
        }
        return chosen;
    }

    private void deleteQuietly(GuildId guild, WebhookId webhook, RuntimeException cause) {
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
