package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.CampaignAccess.requireCampaign;
import static dev.campaignkeeper.core.usecase.CampaignAccess.requireGm;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.ReasonCode;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.Limits;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * NPC use cases: create, edit and delete (GM only), list and autocomplete (anyone). NPC names are
 * unique per campaign ignoring case, so an NPC can be named unambiguously; every {@code npc}
 * argument accepts an NPC's id or its name.
 */
public final class NpcService {

    /** Most suggestions {@link #suggest} returns, Discord's autocomplete limit. */
    public static final int MAX_SUGGESTIONS = 25;

    private final CampaignStore store;
    private final Limits limits;

    /**
     * Creates the service.
     *
     * @param store where NPCs live
     * @param limits the limit on NPCs per campaign
     */
    public NpcService(CampaignStore store, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Creates an NPC in the campaign of a channel (GM only).
     *
     * @param actor who creates it; must count as GM; recorded as its creator
     * @param guild the guild
     * @param channel the campaign's channel
     * @param name the NPC's name
     * @param avatarUrl its avatar URL, if any (blank means none)
     * @return the new NPC
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if the channel has no campaign
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     * @throws ConflictException if the campaign has an NPC of that name
     * @throws LimitReachedException if the campaign has as many NPCs as allowed
     */
    public Npc create(Actor actor, GuildId guild, ChannelId channel, String name, Optional<String> avatarUrl) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        String cleanName = InputRules.name(name, "NPC name");
        Optional<String> avatar = Objects.requireNonNull(avatarUrl, "avatarUrl").flatMap(InputRules::avatarUrl);
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "create NPCs");
            checkNameFree(current, channel, cleanName, Optional.empty());
            int count = current.npcsIn(channel).size();
            if (count >= limits.npcsPerCampaign()) {
                throw new LimitReachedException(ReasonCode.NPCS_PER_CAMPAIGN_REACHED,
                        Map.of("count", String.valueOf(count)));
            }
            NpcId id = NpcId.generate();
            while (current.npc(channel, id).isPresent()) {
                id = NpcId.generate();
            }
            Npc npc = new Npc(guild, channel, id, cleanName, avatar, actor.user());
            return Update.of(npc, new RecordChange.PutNpc(npc));
        });
    }

    /**
     * Changes an NPC (GM only). An empty Optional leaves that field unchanged; a blank avatar URL
     * removes the avatar.
     *
     * @param actor who edits; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param npc the NPC's id or name
     * @param name the new name, if changing
     * @param avatarUrl the new avatar URL, if changing (blank removes it)
     * @return the changed NPC
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if there is no campaign or no such NPC
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     * @throws ConflictException if another NPC of the campaign has the new name
     */
    public Npc edit(Actor actor, GuildId guild, ChannelId channel, String npc, Optional<String> name,
                    Optional<String> avatarUrl) {
        return edit(actor, guild, channel, npc, name, avatarUrl, Optional.empty());
    }

    /**
     * Changes an NPC (GM only), its proxy tags included. An empty Optional leaves that field
     * unchanged; a blank avatar URL removes the avatar; an empty tag list removes the tags. Tags are
     * checked by {@link InputRules#proxyTags} and must not belong to another character or NPC of the
     * campaign already (the same prefix and suffix).
     *
     * @param actor who edits; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param npc the NPC's id or name
     * @param name the new name, if changing
     * @param avatarUrl the new avatar URL, if changing (blank removes it)
     * @param proxyTags the new proxy tags, if changing (empty list for none)
     * @return the changed NPC
     * @throws dev.campaignkeeper.core.error.InvalidInputException if a value breaks the input rules
     * @throws NotFoundException if there is no campaign or no such NPC
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     * @throws ConflictException if another NPC has the new name, or another character or NPC one of the tags
     */
    public Npc edit(Actor actor, GuildId guild, ChannelId channel, String npc, Optional<String> name,
                    Optional<String> avatarUrl, Optional<List<ProxyTag>> proxyTags) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(npc, "npc");
        Optional<String> newName = Objects.requireNonNull(name, "name").map(raw -> InputRules.name(raw, "NPC name"));
        Optional<Optional<String>> newAvatar = Objects.requireNonNull(avatarUrl, "avatarUrl")
                .map(InputRules::avatarUrl);
        Optional<List<ProxyTag>> newTags = Objects.requireNonNull(proxyTags, "proxyTags").map(InputRules::proxyTags);
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "edit NPCs");
            Npc old = CampaignAccess.resolveNpc(current, channel, npc);
            if (newName.isPresent()) {
                checkNameFree(current, channel, newName.get(), Optional.of(old.id()));
            }
            newTags.ifPresent(tags -> CampaignAccess.requireTagsFree(current, channel, tags, Optional.empty(),
                    Optional.of(old.id())));
            Npc changed = old.withName(newName.orElse(old.name())).withAvatarUrl(newAvatar.orElse(old.avatarUrl()))
                    .withProxyTags(newTags.orElse(old.proxyTags()));
            return changed.equals(old) ? Update.none(old) : Update.of(changed, new RecordChange.PutNpc(changed));
        });
    }

    /**
     * Deletes an NPC (GM only).
     *
     * @param actor who deletes; must count as GM
     * @param guild the guild
     * @param channel the campaign's channel
     * @param npc the NPC's id or name
     * @return the deleted NPC
     * @throws NotFoundException if there is no campaign or no such NPC
     * @throws dev.campaignkeeper.core.error.NotPermittedException if the actor is not a GM
     */
    public Npc delete(Actor actor, GuildId guild, ChannelId channel, String npc) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(npc, "npc");
        return store.update(guild, current -> {
            Campaign campaign = requireCampaign(current, channel);
            requireGm(actor, campaign, "delete NPCs");
            Npc found = CampaignAccess.resolveNpc(current, channel, npc);
            return Update.of(found, new RecordChange.RemoveNpc(guild, channel, found.id()));
        });
    }

    /**
     * The NPCs of the campaign of a channel, in stored order (anyone).
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @return the NPCs
     * @throws NotFoundException if the channel has no campaign
     */
    public List<Npc> list(GuildId guild, ChannelId channel) {
        Objects.requireNonNull(channel, "channel");
        GuildState state = store.guild(guild);
        requireCampaign(state, channel);
        return List.copyOf(state.npcsIn(channel));
    }

    /**
     * Autocomplete: up to {@value #MAX_SUGGESTIONS} NPCs of the channel's campaign whose name
     * contains the typed text, ignoring case. Never fails for a channel without a campaign; it
     * returns nothing then.
     *
     * @param guild the guild
     * @param channel the channel
     * @param typed what the user typed so far, possibly empty
     * @return matching NPCs, names starting with the typed text first
     */
    public List<Npc> suggest(GuildId guild, ChannelId channel, String typed) {
        Objects.requireNonNull(channel, "channel");
        String key = CampaignAccess.nameKey(InputRules.clean(typed, false));
        List<Npc> all = store.guild(guild).npcsIn(channel);
        return all.stream()
                .filter(npc -> CampaignAccess.nameKey(npc.name()).contains(key))
                .sorted((a, b) -> Boolean.compare(
                        !CampaignAccess.nameKey(a.name()).startsWith(key),
                        !CampaignAccess.nameKey(b.name()).startsWith(key)))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    private static void checkNameFree(GuildState state, ChannelId channel, String name, Optional<NpcId> except) {
        Optional<Npc> clash = CampaignAccess.sameName(state, channel, name, except);
        if (clash.isPresent()) {
            throw new ConflictException(ReasonCode.NPC_NAME_TAKEN,
                    Map.of("name", CampaignAccess.shorten(clash.get().name())));
        }
    }
}
