package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Player character use cases: create (players only, one per player per campaign), edit (owner,
 * proxy tags and autoproxy included), delete (owner or GM) and show (anyone).
 */
public final class CharacterService {

    private final CampaignStore store;

    /**
     * Creates the service.
     *
     * @param store where characters live
     */
    public CharacterService(CampaignStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Creates the actor's character in the campaign of a channel.
     *
     * @param actor the player
     * @param guild the guild
     * @param channel the campaign's channel
     * @param name the character's name
     * @param avatarUrl the avatar URL, if any (blank means none)
     * @param description the description, if any
     * @return the new character
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if the channel has no campaign
     * @throws NotPermittedException if the actor is not a player of it
     * @throws ConflictException if the actor already has a character in it
     */
    public PlayerCharacter create(Actor actor, GuildId guild, ChannelId channel, String name,
                                  Optional<String> avatarUrl, Optional<String> description) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        String cleanName = InputRules.name(name, "character name");
        Optional<String> avatar = Objects.requireNonNull(avatarUrl, "avatarUrl").flatMap(InputRules::avatarUrl);
        String text = InputRules.description(Objects.requireNonNull(description, "description").orElse(""));
        UserId user = actor.user();
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            if (!campaign.hasPlayer(user)) {
                if (campaign.gm().equals(user)) {
                    throw new NotPermittedException(ReasonCode.GM_HAS_NO_CHARACTER, Map.of());
                }
                throw new NotPermittedException(ReasonCode.ONLY_PLAYERS_CREATE_CHARACTERS, Map.of());
            }
            Optional<PlayerCharacter> existing = current.character(channel, user);
            if (existing.isPresent()) {
                throw new ConflictException(ReasonCode.CHARACTER_EXISTS,
                        Map.of("name", CampaignAccess.shorten(existing.get().name())));
            }
            PlayerCharacter character = new PlayerCharacter(guild, user, channel, cleanName, avatar, text);
            return Update.of(character, new RecordChange.PutCharacter(character));
        });
    }

    /**
     * Changes the actor's own character. An empty Optional leaves that field unchanged; a blank
     * avatar URL removes the avatar.
     *
     * @param actor the owner
     * @param guild the guild
     * @param channel the campaign's channel
     * @param name the new name, if changing
     * @param avatarUrl the new avatar URL, if changing (blank removes it)
     * @param description the new description, if changing
     * @return the changed character
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if the actor has no character in this channel's campaign
     */
    public PlayerCharacter edit(Actor actor, GuildId guild, ChannelId channel, Optional<String> name,
                                Optional<String> avatarUrl, Optional<String> description) {
        return edit(actor, guild, channel, name, avatarUrl, description, Optional.empty());
    }

    /**
     * Changes the actor's own character, its proxy tags included. An empty Optional leaves that
     * field unchanged; a blank avatar URL removes the avatar; an empty tag list removes the tags.
     * Tags are checked by {@link InputRules#proxyTags} (at most {@value InputRules#MAX_PROXY_TAGS},
     * none twice) and must not belong to another character or NPC of the campaign already (the
     * same prefix and suffix): each tag of a campaign names one speaker.
     *
     * @param actor the owner
     * @param guild the guild
     * @param channel the campaign's channel
     * @param name the new name, if changing
     * @param avatarUrl the new avatar URL, if changing (blank removes it)
     * @param description the new description, if changing
     * @param proxyTags the new proxy tags, if changing (empty list for none), e.g. from
     *     {@link dev.campaignkeeper.core.rules.ProxyTagSyntax#parse}
     * @return the changed character
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if the actor has no character in this channel's campaign
     * @throws ConflictException if another character or NPC of the campaign has one of the tags
     */
    public PlayerCharacter edit(Actor actor, GuildId guild, ChannelId channel, Optional<String> name,
                                Optional<String> avatarUrl, Optional<String> description,
                                Optional<List<ProxyTag>> proxyTags) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Optional<String> newName = Objects.requireNonNull(name, "name")
                .map(raw -> InputRules.name(raw, "character name"));
        Optional<Optional<String>> newAvatar = Objects.requireNonNull(avatarUrl, "avatarUrl")
                .map(InputRules::avatarUrl);
        Optional<String> newDescription = Objects.requireNonNull(description, "description")
                .map(InputRules::description);
        Optional<List<ProxyTag>> newTags = Objects.requireNonNull(proxyTags, "proxyTags").map(InputRules::proxyTags);
        UserId user = actor.user();
        return store.update(guild, current -> {
            requireCampaign(current, channel);
            PlayerCharacter old = current.character(channel, user).orElseThrow(() -> new NotFoundException(
                    ReasonCode.NO_CHARACTER_TO_EDIT, Map.of()));
            newTags.ifPresent(tags -> CampaignAccess.requireTagsFree(current, channel, tags, Optional.of(user),
                    Optional.empty()));
            PlayerCharacter changed = old.withName(newName.orElse(old.name()))
                    .withAvatarUrl(newAvatar.orElse(old.avatarUrl()))
                    .withDescription(newDescription.orElse(old.description()))
                    .withProxyTags(newTags.orElse(old.proxyTags()));
            return changed.equals(old) ? Update.none(old) : Update.of(changed, new RecordChange.PutCharacter(changed));
        });
    }

    /**
     * Switches autoproxy of the actor's own character on or off: with it on (and the campaign's
     * proxy tags setting on), every ordinary message of the player in the campaign that matches no
     * tag posts as the character.
     *
     * @param actor the owner
     * @param guild the guild
     * @param channel the campaign's channel
     * @param enabled the new value
     * @return the changed (or unchanged) character
     * @throws NotFoundException if the channel has no campaign or the actor no character in it
     */
    public PlayerCharacter setAutoproxy(Actor actor, GuildId guild, ChannelId channel, boolean enabled) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        UserId user = actor.user();
        return store.update(guild, current -> {
            requireCampaign(current, channel);
            PlayerCharacter old = current.character(channel, user).orElseThrow(() -> new NotFoundException(
                    ReasonCode.NO_CHARACTER_TO_EDIT, Map.of()));
            PlayerCharacter changed = old.withAutoproxy(enabled);
            return changed.equals(old) ? Update.none(old) : Update.of(changed, new RecordChange.PutCharacter(changed));
        });
    }

    /**
     * Deletes a character: the actor's own, or (for whoever counts as GM) any player's.
     *
     * @param actor who deletes
     * @param guild the guild
     * @param channel the campaign's channel
     * @param owner whose character; empty for the actor's own
     * @return the deleted character
     * @throws NotFoundException if there is no such character or (for another's) no campaign
     * @throws NotPermittedException if deleting another's character without being a GM
     */
    public PlayerCharacter delete(Actor actor, GuildId guild, ChannelId channel, Optional<UserId> owner) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        UserId target = Objects.requireNonNull(owner, "owner").orElse(actor.user());
        boolean own = target.equals(actor.user());
        return store.update(guild, current -> {
            if (!own) {
                Campaign campaign = requireCampaign(current, channel);
                if (!CampaignAccess.isGm(actor, campaign)) {
                    throw new NotPermittedException("You can delete only your own character; only "
                            + CampaignAccess.GM_WHO + " can delete another player's.");
                }
            }
            PlayerCharacter character = current.character(channel, target).orElseThrow(() -> new NotFoundException(
                    own ? "You have no character in this campaign, so there is nothing to delete."
                        : "That user has no character in this campaign."));
            return Update.of(character, new RecordChange.RemoveCharacter(guild, target, channel));
        });
    }

    /**
     * Shows a player's character in the campaign of a channel (anyone).
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @param user the owner
     * @return the character
     * @throws NotFoundException if that user has no character here
     */
    public PlayerCharacter show(GuildId guild, ChannelId channel, UserId user) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(user, "user");
        GuildState state = store.guild(guild);
        requireCampaign(state, channel);
        return state.character(channel, user).orElseThrow(() -> new NotFoundException(
                ReasonCode.USER_HAS_NO_CHARACTER, Map.of()));
    }
}
