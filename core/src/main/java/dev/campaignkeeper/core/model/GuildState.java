package dev.campaignkeeper.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything stored for one guild, as an immutable value: its campaigns, characters and NPCs.
 *
 * <p>Maps keep insertion order, the order the seed's JSON files list records in. Changing a guild
 * ({@link #apply(List)}) copies only the maps the change touches, so a change costs in proportion
 * to one guild, never to the whole store.
 */
public final class GuildState {

    private final GuildId guild;
    private final Map<ChannelId, Campaign> campaigns;
    private final Map<UserId, Map<ChannelId, PlayerCharacter>> characters;
    private final Map<ChannelId, Map<NpcId, Npc>> npcs;

    private GuildState(GuildId guild,
                       Map<ChannelId, Campaign> campaigns,
                       Map<UserId, Map<ChannelId, PlayerCharacter>> characters,
                       Map<ChannelId, Map<NpcId, Npc>> npcs) {
        this.guild = guild;
        this.campaigns = campaigns;
        this.characters = characters;
        this.npcs = npcs;
    }

    /**
     * A guild with nothing stored.
     *
     * @param guild the guild
     * @return the empty state
     */
    public static GuildState empty(GuildId guild) {
        return new GuildState(Objects.requireNonNull(guild, "guild"), Map.of(), Map.of(), Map.of());
    }

    /**
     * The guild.
     *
     * @return the guild id
     */
    public GuildId guild() {
        return guild;
    }

    /**
     * Whether nothing is stored for the guild.
     *
     * @return true if there are no campaigns, characters or NPCs
     */
    public boolean isEmpty() {
        return campaigns.isEmpty() && characters.isEmpty() && npcs.isEmpty();
    }

    /**
     * The campaign played in a channel.
     *
     * @param channel the channel
     * @return the campaign, if any
     */
    public Optional<Campaign> campaign(ChannelId channel) {
        return Optional.ofNullable(campaigns.get(channel));
    }

    /**
     * All campaigns, in stored order.
     *
     * @return an unmodifiable view
     */
    public Collection<Campaign> campaigns() {
        return Collections.unmodifiableCollection(campaigns.values());
    }

    /**
     * A player's character in a channel.
     *
     * @param channel the campaign's channel
     * @param user the owner
     * @return the character, if any
     */
    public Optional<PlayerCharacter> character(ChannelId channel, UserId user) {
        return Optional.ofNullable(characters.getOrDefault(user, Map.of()).get(channel));
    }

    /**
     * Characters by owner, then by channel, in stored order (the layout of {@code characters.json}).
     *
     * @return an unmodifiable view
     */
    public Map<UserId, Map<ChannelId, PlayerCharacter>> charactersByUser() {
        return Collections.unmodifiableMap(characters);
    }

    /**
     * All characters.
     *
     * @return a new list in stored order
     */
    public List<PlayerCharacter> characters() {
        List<PlayerCharacter> all = new ArrayList<>();
        characters.values().forEach(byChannel -> all.addAll(byChannel.values()));
        return all;
    }

    /**
     * The characters of one campaign.
     *
     * @param channel the campaign's channel
     * @return a new list in stored order
     */
    public List<PlayerCharacter> charactersIn(ChannelId channel) {
        List<PlayerCharacter> found = new ArrayList<>();
        for (Map<ChannelId, PlayerCharacter> byChannel : characters.values()) {
            PlayerCharacter character = byChannel.get(channel);
            if (character != null) {
                found.add(character);
            }
        }
        return found;
    }

    /**
     * An NPC of a campaign.
     *
     * @param channel the campaign's channel
     * @param id the NPC's id
     * @return the NPC, if any
     */
    public Optional<Npc> npc(ChannelId channel, NpcId id) {
        return Optional.ofNullable(npcs.getOrDefault(channel, Map.of()).get(id));
    }

    /**
     * The NPCs of one campaign.
     *
     * @param channel the campaign's channel
     * @return a new list in stored order
     */
    public List<Npc> npcsIn(ChannelId channel) {
        return new ArrayList<>(npcs.getOrDefault(channel, Map.of()).values());
    }

    /**
     * NPCs by channel, then by id, in stored order (the layout of {@code npcs.json}).
     *
     * @return an unmodifiable view
     */
    public Map<ChannelId, Map<NpcId, Npc>> npcsByChannel() {
        return Collections.unmodifiableMap(npcs);
    }

    /**
     * Number of records: campaigns plus characters plus NPCs.
     *
     * @return the count
     */
    public int recordCount() {
        int count = campaigns.size();
        for (Map<ChannelId, PlayerCharacter> byChannel : characters.values()) {
            count += byChannel.size();
        }
        for (Map<NpcId, Npc> byId : npcs.values()) {
            count += byId.size();
        }
        return count;
    }

    /**
     * Applies changes in order and returns the resulting state; this state is unchanged.
     * Removing a record that does not exist changes nothing.
     *
     * @param changes the changes, all for this guild
     * @return the new state
     * @throws IllegalArgumentException if a change belongs to another guild
     */
    public GuildState apply(List<? extends RecordChange> changes) {
        Map<ChannelId, Campaign> newCampaigns = null;
        Map<UserId, Map<ChannelId, PlayerCharacter>> newCharacters = null;
        Map<ChannelId, Map<NpcId, Npc>> newNpcs = null;
        for (RecordChange change : changes) {
            if (!change.guild().equals(guild)) {
                throw new IllegalArgumentException(
                        "a change for guild " + change.guild() + " cannot be applied to guild " + guild);
            }
            if (change instanceof RecordChange.PutCampaign put) {
                newCampaigns = newCampaigns == null ? new LinkedHashMap<>(campaigns) : newCampaigns;
                newCampaigns.put(put.campaign().channel(), put.campaign());
            } else if (change instanceof RecordChange.RemoveCampaign remove) {
                newCampaigns = newCampaigns == null ? new LinkedHashMap<>(campaigns) : newCampaigns;
                newCampaigns.remove(remove.channel());
            } else if (change instanceof RecordChange.PutCharacter put) {
                newCharacters = newCharacters == null ? new LinkedHashMap<>(characters) : newCharacters;
                PlayerCharacter character = put.character();
                Map<ChannelId, PlayerCharacter> byChannel =
                        new LinkedHashMap<>(newCharacters.getOrDefault(character.user(), Map.of()));
                byChannel.put(character.channel(), character);
                newCharacters.put(character.user(), Collections.unmodifiableMap(byChannel));
            } else if (change instanceof RecordChange.RemoveCharacter remove) {
                newCharacters = newCharacters == null ? new LinkedHashMap<>(characters) : newCharacters;
                Map<ChannelId, PlayerCharacter> old = newCharacters.get(remove.user());
                if (old != null && old.containsKey(remove.channel())) {
                    Map<ChannelId, PlayerCharacter> byChannel = new LinkedHashMap<>(old);
                    byChannel.remove(remove.channel());
                    if (byChannel.isEmpty()) {
                        newCharacters.remove(remove.user());
                    } else {
                        newCharacters.put(remove.user(), Collections.unmodifiableMap(byChannel));
                    }
                }
            } else if (change instanceof RecordChange.PutNpc put) {
                newNpcs = newNpcs == null ? new LinkedHashMap<>(npcs) : newNpcs;
                Npc npc = put.npc();
                Map<NpcId, Npc> byId = new LinkedHashMap<>(newNpcs.getOrDefault(npc.channel(), Map.of()));
                byId.put(npc.id(), npc);
                newNpcs.put(npc.channel(), Collections.unmodifiableMap(byId));
            } else if (change instanceof RecordChange.RemoveNpc remove) {
                newNpcs = newNpcs == null ? new LinkedHashMap<>(npcs) : newNpcs;
                Map<NpcId, Npc> old = newNpcs.get(remove.channel());
                if (old != null && old.containsKey(remove.id())) {
                    Map<NpcId, Npc> byId = new LinkedHashMap<>(old);
                    byId.remove(remove.id());
                    if (byId.isEmpty()) {
                        newNpcs.remove(remove.channel());
                    } else {
                        newNpcs.put(remove.channel(), Collections.unmodifiableMap(byId));
                    }
                }
            }
        }
        return new GuildState(guild,
                newCampaigns == null ? campaigns : Collections.unmodifiableMap(newCampaigns),
                newCharacters == null ? characters : Collections.unmodifiableMap(newCharacters),
                newNpcs == null ? npcs : Collections.unmodifiableMap(newNpcs));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuildState that
                && guild.equals(that.guild)
                && campaigns.equals(that.campaigns)
                && characters.equals(that.characters)
                && npcs.equals(that.npcs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(guild, campaigns, characters, npcs);
    }

    @Override
    public String toString() {
        return "GuildState[" + guild + ": " + campaigns.size() + " campaigns, " + characters().size()
                + " characters, " + npcs.values().stream().mapToInt(Map::size).sum() + " npcs]";
    }
}
