package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;
import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ChannelKind;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.Limits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaign use cases: create, join, leave, kick, transfer GM, rename, info, export and end.
 *
 * <p>One campaign per channel. The GM is not a player. Who counts as GM: the campaign's GM user,
 * any holder of its GM role (co-GMs) and guild administrators.
 *
 * <p>Platform side effects and the store: {@link #create} and {@link #join} make the platform
 * match the store or change neither (what was created is undone on failure). For
 * {@link #leave}, {@link #kick}, {@link #transferGm} and {@link #end} the stored data is the truth:
 * it changes first, and role or webhook clean-up on the platform afterwards is best effort, its
 * failures logged (a role a user still holds can be removed by hand; the data cannot be un-ended).
 */
public final class CampaignService {

    /** Name of the channel webhook the bot creates; every post overrides it with a character's name. */
    public static final String WEBHOOK_NAME = "Campaign Keeper";
    /** Name used when neither the given name nor the channel's name is valid. */
    public static final String FALLBACK_NAME = "Campaign";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignStore store;
    private final ChatPlatform platform;
    private final PostLog postLog;
    private final Limits limits;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param store where campaigns live
     * @param platform the chat platform roles and webhooks are made on
     * @param postLog the log of posts, emptied of a campaign's posts when it ends
     * @param limits the limits on campaigns per guild and players per campaign
     * @param clock the clock export timestamps come from
     */
    public CampaignService(CampaignStore store, ChatPlatform platform, PostLog postLog, Limits limits, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.postLog = Objects.requireNonNull(postLog, "postLog");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The campaign channel whose campaign covers a place: the channel itself, or a thread's or
     * forum post's parent, which must then have a campaign. Commands run in a thread or forum post
     * work on that campaign.
     *
     * @param guild the guild
     * @param place where the command was run
     * @return the channel to run the command on
     * @throws InvalidInputException if no campaign can live in this kind of channel
     * @throws NotFoundException if the place is a thread or forum post whose parent has no campaign
     */
    public ChannelId campaignChannel(GuildId guild, Place place) {
        Objects.requireNonNull(place, "place");
        if (place.kind() == ChannelKind.OTHER) {
            throw new InvalidInputException(CampaignAccess.WRONG_KIND);
        }
        if (!place.kind().isThread()) {
            return place.channel();
        }
        return requireCampaign(store.guild(guild), place).channel();
    }

    /**
     * Starts a campaign in a channel. The actor becomes its GM; a GM role, a player role and a
     * channel webhook are created on the platform and the GM role is given to the actor. If any
     * platform call or the store refuses, everything already created is undone and nothing is
     * stored.
     *
     * @param actor who runs the command; becomes the GM
     * @param guild the guild
     * @param channel the channel that becomes the campaign's
     * @param channelName the channel's name, the default campaign name
     * @param name the campaign name, if given
     * @return the new campaign
     * @throws InvalidInputException if the given name breaks the name rules
     * @throws ConflictException if the channel already has a campaign
     * @throws LimitReachedException if the guild runs as many campaigns as allowed
     * @throws PlatformException if a role or the webhook cannot be created or the role not given
     */
    public Campaign create(Actor actor, GuildId guild, ChannelId channel, String channelName, Optional<String> name) {
        return create(actor, guild, Place.text(channel), channelName, name);
    }

    /**
     * Starts a campaign where the command was run: in a text channel (covering its threads), or,
     * run in a forum post, for the whole forum (the webhook belongs to the forum). The place is
     * checked before anything is created: refused here, the platform is not called at all.
     *
     * @param actor who runs the command; becomes the GM
     * @param guild the guild
     * @param place where the command was run
     * @param channelName the campaign channel's name (the forum's, in a forum post), the default name
     * @param name the campaign name, if given
     * @return the new campaign
     * @throws InvalidInputException if the given name breaks the name rules, or the place is a thread
     *     of a text channel or a kind of channel no campaign can live in
     * @throws ConflictException if the channel already has a campaign
     * @throws LimitReachedException if the guild runs as many campaigns as allowed
     * @throws PlatformException if a role or the webhook cannot be created or the role not given
     */
    public Campaign create(Actor actor, GuildId guild, Place place, String channelName, Optional<String> name) {
        Objects.requireNonNull(place, "place");
        switch (place.kind()) {
            case THREAD -> throw new InvalidInputException(ReasonCode.CAMPAIGN_NOT_IN_THREAD, Map.of());
            case OTHER -> throw new InvalidInputException("Campaigns can be started in text channels and forum "
                    + "channels only, not in this kind of channel.");
            default -> {
            }
        }
        ChannelId channel = place.campaignChannel();
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        String campaignName = name.isPresent()
                ? InputRules.name(name.get(), "campaign name")
                : defaultName(channelName);
        // Fail fast, before touching the platform; checked again inside the transaction.
        checkCanCreate(store.guild(guild), channel);

        PlatformUndo undo = new PlatformUndo();
        Campaign campaign;
        try {
            RoleId gmRole = platform.createRole(guild, campaignName + " (GM)");
            undo.push("GM role " + gmRole, () -> platform.deleteRole(guild, gmRole));
            RoleId playerRole = platform.createRole(guild, campaignName + " (Players)");
            undo.push("player role " + playerRole, () -> platform.deleteRole(guild, playerRole));
            platform.addRole(guild, actor.user(), gmRole);
            undo.push("GM role " + gmRole + " of user " + actor.user(),
                    () -> platform.removeRole(guild, actor.user(), gmRole));
            WebhookId webhook = platform.createWebhook(guild, channel, WEBHOOK_NAME);
            undo.push("webhook " + webhook, () -> platform.deleteWebhook(guild, webhook));
            campaign = new Campaign(guild, channel, campaignName, actor.user(), playerRole, gmRole,
                    Optional.of(webhook), List.of());
        } catch (RuntimeException e) {
            undo.undoAll(e);
            throw e;
        }
        try {
            return store.update(guild, current -> {
                checkCanCreate(current, channel);
                return Update.of(campaign, new RecordChange.PutCampaign(campaign));
            });
        } catch (RuntimeException e) {
            undo.undoAll(e);
            throw e;
        }
    }

    /**
     * Joins the campaign of a channel as a player and gives the actor the player role. If the role
     * cannot be given, the join is taken back.
     *
     * @param actor who joins
     * @param guild the guild
     * @param channel the campaign's channel
     * @return the campaign with the new player
     * @throws NotFoundException if the channel has no campaign
     * @throws ConflictException if the actor is the GM or already a player
     * @throws LimitReachedException if the campaign has as many players as allowed
     * @throws PlatformException if the player role cannot be given
     */
    public Campaign join(Actor actor, GuildId guild, ChannelId channel) {
        Objects.requireNonNull(actor, "actor");
        UserId user = actor.user();
        Campaign joined = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            if (campaign.gm().equals(user)) {
                throw new ConflictException(ReasonCode.GM_CANNOT_JOIN, Map.of());
            }
            if (campaign.hasPlayer(user)) {
                throw new ConflictException(ReasonCode.ALREADY_JOINED, Map.of());
            }
            if (campaign.players().size() >= limits.playersPerCampaign()) {
                throw new LimitReachedException(ReasonCode.PLAYERS_PER_CAMPAIGN_REACHED,
                        Map.of("count", String.valueOf(campaign.players().size())));
            }
            Campaign changed = campaign.withPlayer(user);
            return Update.of(changed, new RecordChange.PutCampaign(changed));
        });
        try {
            return givePlayerRole(guild, channel, user, joined);
        } catch (RuntimeException e) {
            try {
                store.update(guild, current -> takeBackJoin(current, channel, user));
            } catch (RuntimeException undoFailure) {
                LOG.warn("Could not take back the join of user {} to campaign {} in guild {}",
                        user, channel, guild, undoFailure);
                e.addSuppressed(undoFailure);
            }
            throw e;
        }
    }

    /**
     * Gives a new player the player role. A player role deleted on the platform (for example after
     * a campaign was ended and then restored from a backup or an export) is recreated once, stored
     * on the campaign, and the grant retried.
     */
    private Campaign givePlayerRole(GuildId guild, ChannelId channel, UserId user, Campaign joined) {
        try {
            platform.addRole(guild, user, joined.playerRole());
            return joined;
        } catch (PlatformNotFoundException gone) {
            LOG.info("Player role {} of campaign {} in guild {} is gone on the platform; creating a new one",
                    joined.playerRole(), channel, guild);
        }
        RoleId newRole = platform.createRole(guild, joined.name() + " (Players)");
        PlatformUndo undo = new PlatformUndo();
        undo.push("player role " + newRole, () -> platform.deleteRole(guild, newRole));
        try {
            Campaign repaired = store.update(guild, current -> {
                Campaign campaign = requireCampaign(current, channel);
                if (!campaign.playerRole().equals(joined.playerRole())) {
                    throw new ConflictException(ReasonCode.PLAYER_ROLE_CHANGED_WHILE_JOINING, Map.of());
                }
                Campaign changed = campaign.withPlayerRole(newRole);
                return Update.of(changed, new RecordChange.PutCampaign(changed));
            });
            platform.addRole(guild, user, newRole);
            for (UserId player : repaired.players()) {
                if (!player.equals(user)) {
                    bestEffort("give the new player role " + newRole + " to player " + player,
                            () -> platform.addRole(guild, player, newRole));
                }
            }
            return repaired;
        } catch (RuntimeException e) {
            undo.undoAll(e);
            throw e;
        }
    }

    /**
     * Leaves the campaign of a channel: the actor stops being a player, their character in it is
     * deleted in the same store update, and they lose the player role.
     *
     * @param actor who leaves
     * @param guild the guild
     * @param channel the campaign's channel
     * @return the campaign without the player
     * @throws NotFoundException if there is no campaign or the actor is not a player
     * @throws ConflictException if the actor is the GM
     */
    public Campaign leave(Actor actor, GuildId guild, ChannelId channel) {
        Objects.requireNonNull(actor, "actor");
        UserId user = actor.user();
        Campaign left = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            if (campaign.gm().equals(user)) {
                throw new ConflictException(ReasonCode.GM_CANNOT_LEAVE, Map.of());
            }
            if (!campaign.hasPlayer(user)) {
                throw new NotFoundException("You are not a player of this campaign, so there is nothing to leave.");
            }
            return removePlayer(current, channel, user);
        });
        bestEffort("remove the player role " + left.playerRole() + " from user " + user,
                () -> platform.removeRole(guild, user, left.playerRole()));
        return left;
    }

    /**
     * Removes a player from the campaign (GM only): they stop being a player, their character is
     * deleted in the same store update, and they lose the player role.
     *
     * @param actor who kicks; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param player the player to remove
     * @return the campaign without the player
     * @throws NotFoundException if there is no campaign or the user is not a player
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public Campaign kick(Actor actor, GuildId guild, ChannelId channel, UserId player) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(player, "player");
        Campaign kicked = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "kick players");
            if (!campaign.hasPlayer(player)) {
                throw new NotFoundException(ReasonCode.NOT_A_PLAYER, Map.of());
            }
            return removePlayer(current, channel, player);
        });
        bestEffort("remove the player role " + kicked.playerRole() + " from user " + player,
                () -> platform.removeRole(guild, player, kicked.playerRole()));
        return kicked;
    }

    /**
     * Hands the campaign to another GM (GM or guild admin). The new GM gets the GM role, the old
     * GM loses it. Since the GM is not a player, a new GM who was a player stops being one: their
     * character is deleted in the same store update and they lose the player role.
     *
     * @param actor who transfers; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param newGm the new game master
     * @return the campaign with its new GM
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     * @throws ConflictException if {@code newGm} already is the GM
     */
    public Campaign transferGm(Actor actor, GuildId guild, ChannelId channel, UserId newGm) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(newGm, "newGm");
        record Transfer(Campaign before, Campaign after) {
        }
        Transfer transfer = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "hand the campaign to another GM");
            if (campaign.gm().equals(newGm)) {
                throw new ConflictException("That user already is this campaign's GM.");
            }
            List<RecordChange> changes = new ArrayList<>();
            Campaign changed = campaign.withoutPlayer(newGm).withGm(newGm);
            changes.add(new RecordChange.PutCampaign(changed));
            if (current.character(channel, newGm).isPresent()) {
                changes.add(new RecordChange.RemoveCharacter(guild, newGm, channel));
            }
            return new Update<>(changes, new Transfer(campaign, changed));
        });
        Campaign before = transfer.before();
        Campaign after = transfer.after();
        bestEffort("give the GM role " + after.gmRole() + " to user " + newGm,
                () -> platform.addRole(guild, newGm, after.gmRole()));
        bestEffort("remove the GM role " + after.gmRole() + " from user " + before.gm(),
                () -> platform.removeRole(guild, before.gm(), after.gmRole()));
        if (before.hasPlayer(newGm)) {
            bestEffort("remove the player role " + after.playerRole() + " from user " + newGm,
                    () -> platform.removeRole(guild, newGm, after.playerRole()));
        }
        return after;
    }

    /**
     * Renames the campaign (GM only). The platform roles keep their names.
     *
     * @param actor who renames; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param name the new name
     * @return the renamed campaign
     * @throws InvalidInputException if the name breaks the name rules
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public Campaign rename(Actor actor, GuildId guild, ChannelId channel, String name) {
        Objects.requireNonNull(actor, "actor");
        String newName = InputRules.name(name, "campaign name");
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "rename the campaign");
            Campaign changed = campaign.withName(newName);
            return Update.of(changed, new RecordChange.PutCampaign(changed));
        });
    }

    /**
     * Changes the campaign's settings (GM only), e.g. whether players may have its transcript.
     *
     * @param actor who changes them; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param change the new settings from the current ones
     * @return the campaign with its new settings
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public Campaign changeSettings(Actor actor, GuildId guild, ChannelId channel,
                                   java.util.function.UnaryOperator<dev.campaignkeeper.core.model.CampaignSettings> change) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(change, "change");
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "change the campaign's settings");
            Campaign changed = campaign.withSettings(Objects.requireNonNull(change.apply(campaign.settings()),
                    "settings"));
            return changed.equals(campaign) ? Update.none(campaign)
                    : Update.of(changed, new RecordChange.PutCampaign(changed));
        });
    }

    /**
     * Shows the campaign of a channel with its characters and NPCs (anyone).
     *
     * @param guild the guild
     * @param channel the channel
     * @return the campaign, characters and NPCs
     * @throws NotFoundException if there is no campaign
     */
    public CampaignInfo info(GuildId guild, ChannelId channel) {
        Objects.requireNonNull(channel, "channel");
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, channel);
        return new CampaignInfo(campaign, state.charactersIn(channel), state.npcsIn(channel));
    }

    /**
     * Takes a portable copy of the campaign with its characters and NPCs (GM only).
     *
     * @param actor who exports; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @return the export
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public CampaignExport export(Actor actor, GuildId guild, ChannelId channel) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        GuildState state = store.guild(guild);
        Campaign campaign = requireCampaign(state, channel);
        requireGm(actor, campaign, "export the campaign");
        return CampaignExport.of(state, campaign, clock.instant());
    }

    /**
     * Checks, changing nothing, that the actor may end the campaign of a channel: a command can
     * refuse someone who may not before asking them to confirm.
     *
     * @param actor who would end it
     * @param guild the guild
     * @param channel the campaign's channel
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public void checkEnd(Actor actor, GuildId guild, ChannelId channel) {
        Objects.requireNonNull(actor, "actor");
        requireGm(actor, requireCampaign(store.guild(guild), channel), "end the campaign");
    }

    /**
     * Ends the campaign (GM or guild admin): one store update removes the campaign with all its
     * characters and NPCs; then its logged posts are removed from the post log, and its roles and webhook are deleted on the platform (failures there
     * are logged, the data is already gone).
     *
     * @param actor who ends it; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @return a portable copy of everything removed
     * @throws NotFoundException if there is no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public CampaignExport end(Actor actor, GuildId guild, ChannelId channel) {
        Objects.requireNonNull(actor, "actor");
        CampaignExport removed = store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "end the campaign");
            CampaignExport export = CampaignExport.of(current, campaign, clock.instant());
            List<RecordChange> changes = new ArrayList<>();
            changes.add(new RecordChange.RemoveCampaign(guild, channel));
            for (PlayerCharacter character : export.characters()) {
                changes.add(new RecordChange.RemoveCharacter(guild, character.user(), channel));
            }
            for (Npc npc : export.npcs()) {
                changes.add(new RecordChange.RemoveNpc(guild, channel, npc.id()));
            }
            return new Update<>(changes, export);
        });
        Campaign campaign = removed.campaign();
        try {
            int posts = postLog.removeCampaign(guild, channel);
            LOG.debug("Removed {} logged posts of the ended campaign {}", posts, channel);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the logged posts of the ended campaign {} in guild {}", channel, guild, e);
        }
        campaign.webhook().ifPresent(webhook -> bestEffort("delete the webhook " + webhook,
                () -> platform.deleteWebhook(guild, webhook)));
        bestEffort("delete the GM role " + campaign.gmRole(), () -> platform.deleteRole(guild, campaign.gmRole()));
        bestEffort("delete the player role " + campaign.playerRole(),
                () -> platform.deleteRole(guild, campaign.playerRole()));
        return removed;
    }

    /**
     * The default campaign name: the channel's name, cleaned; when that is no valid name (empty,
     * too long, or containing a word Discord refuses), a shortened version or {@link #FALLBACK_NAME}.
     */
    static String defaultName(String channelName) {
        try {
            return InputRules.name(channelName, "campaign name");
        } catch (InvalidInputException invalid) {
            String cleaned = InputRules.clean(channelName, false);
            if (cleaned.codePointCount(0, cleaned.length()) > InputRules.MAX_NAME_LENGTH) {
                cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, InputRules.MAX_NAME_LENGTH));
            }
            try {
                return InputRules.name(cleaned, "campaign name");
            } catch (InvalidInputException stillInvalid) {
                return FALLBACK_NAME;
            }
        }
    }

    private void checkCanCreate(GuildState state, ChannelId channel) {
        Optional<Campaign> existing = state.campaign(channel);
        if (existing.isPresent()) {
            throw new ConflictException(ReasonCode.CHANNEL_HAS_CAMPAIGN,
                    Map.of("name", CampaignAccess.shorten(existing.get().name())));
        }
        if (state.campaigns().size() >= limits.campaignsPerGuild()) {
            throw new LimitReachedException(ReasonCode.CAMPAIGNS_PER_SERVER_REACHED,
                    Map.of("count", String.valueOf(state.campaigns().size())));
        }
    }

    /**
     * Takes back a join that could not be completed on the platform: the user stops being a player.
     * A character they already had in the channel (possible in data written by the seed's bot) is
     * kept; the join never created one.
     */
    private static Update<Campaign> takeBackJoin(GuildState current, ChannelId channel, UserId user) {
        Optional<Campaign> found = current.campaign(channel);
        if (found.isEmpty() || !found.get().hasPlayer(user)) {
            return Update.none(found.orElse(null));
        }
        Campaign changed = found.get().withoutPlayer(user);
        return Update.of(changed, new RecordChange.PutCampaign(changed));
    }

    /** Removes a player and their character in one update; a no-op update if they are gone. */
    private static Update<Campaign> removePlayer(GuildState current, ChannelId channel, UserId user) {
        Optional<Campaign> found = current.campaign(channel);
        if (found.isEmpty()) {
            throw new NotFoundException("There is no campaign in this channel any more.");
        }
        Campaign campaign = found.get();
        List<RecordChange> changes = new ArrayList<>();
        Campaign changed = campaign.withoutPlayer(user);
        if (!changed.equals(campaign)) {
            changes.add(new RecordChange.PutCampaign(changed));
        }
        if (current.character(channel, user).isPresent()) {
            changes.add(new RecordChange.RemoveCharacter(current.guild(), user, channel));
        }
        return new Update<>(changes, changed);
    }

    private static void bestEffort(String what, Runnable action) {
        try {
            action.run();
        } catch (PlatformNotFoundException gone) {
            LOG.debug("Could not {}: already gone on the platform ({})", what, gone.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Could not {}; the stored data is already changed, fix the platform side by hand", what, e);
        }
    }
}
