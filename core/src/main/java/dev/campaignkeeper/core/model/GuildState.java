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
     * <p>Each map the changes touch is copied at most once per call, however many changes touch
     * it, so applying a long list in one call (for example every record of a guild read from a
     * file, or a batch of journal entries) costs in proportion to the changes plus the size of
     * the touched maps, never to changes times map size. Up to four changes that each replace an
     * existing record (an edit) are applied one by one, each copying only the arrays of the
     * compact maps it touches, which costs less than copying those maps into mutable ones.
     *
     * @param changes the changes, all for this guild
     * @return the new state
     * @throws IllegalArgumentException if a change belongs to another guild
     */
    public GuildState apply(List<? extends RecordChange> changes) {
        if (changes.size() <= REPLACING) {
            GuildState replaced = replacing(changes);
            if (replaced != null) {
                return replaced;
            }
        }
        int campaignPuts = 0;
        int characterPuts = 0;
        int npcPuts = 0;
        for (RecordChange change : changes) {
            if (!change.guild().equals(guild)) {
                throw new IllegalArgumentException(
                        "a change for guild " + change.guild() + " cannot be applied to guild " + guild);
            }
            if (change instanceof RecordChange.PutCampaign) {
                campaignPuts++;
            } else if (change instanceof RecordChange.PutCharacter) {
                characterPuts++;
            } else if (change instanceof RecordChange.PutNpc) {
                npcPuts++;
            }
        }
        Map<ChannelId, Campaign> newCampaigns = null;
        Map<UserId, Map<ChannelId, PlayerCharacter>> newCharacters = null;
        Map<ChannelId, Map<NpcId, Npc>> newNpcs = null;
        // Inner maps this call made mutable are LinkedHashMaps, frozen before the new state is
        // returned; inner maps of a state never are (see freeze), so the type tells them apart.
        boolean mutableCharacters = false;
        boolean mutableNpcs = false;
        for (RecordChange change : changes) {
            if (change instanceof RecordChange.PutCampaign put) {
                newCampaigns = newCampaigns == null ? copy(campaigns, campaignPuts) : newCampaigns;
                newCampaigns.put(put.campaign().channel(), put.campaign());
            } else if (change instanceof RecordChange.RemoveCampaign remove) {
                newCampaigns = newCampaigns == null ? copy(campaigns, 0) : newCampaigns;
                newCampaigns.remove(remove.channel());
            } else if (change instanceof RecordChange.PutCharacter put) {
                newCharacters = newCharacters == null ? copy(characters, characterPuts) : newCharacters;
                PlayerCharacter character = put.character();
                mutableCharacters |= put(newCharacters, character.user(), character.channel(), character);
            } else if (change instanceof RecordChange.RemoveCharacter remove) {
                newCharacters = newCharacters == null ? copy(characters, 0) : newCharacters;
                mutableCharacters |= remove(newCharacters, remove.user(), remove.channel());
            } else if (change instanceof RecordChange.PutNpc put) {
                newNpcs = newNpcs == null ? copy(npcs, npcPuts) : newNpcs;
                Npc npc = put.npc();
                mutableNpcs |= put(newNpcs, npc.channel(), npc.id(), npc);
            } else if (change instanceof RecordChange.RemoveNpc remove) {
                newNpcs = newNpcs == null ? copy(npcs, 0) : newNpcs;
                mutableNpcs |= remove(newNpcs, remove.channel(), remove.id());
            } else {
                // RecordChange is sealed; a new kind must get a branch here, never be skipped
                throw new IllegalArgumentException("GuildState.apply does not know the change " + change);
            }
        }
        if (mutableCharacters) {
            freezeInner(newCharacters);
        }
        if (mutableNpcs) {
            freezeInner(newNpcs);
        }
        return new GuildState(guild,
                newCampaigns == null ? campaigns : freeze(newCampaigns),
                newCharacters == null ? characters : freeze(newCharacters),
                newNpcs == null ? npcs : freeze(newNpcs));
    }

    /** The most changes {@link #replacing} takes on: each one copies the maps it touches. */
    private static final int REPLACING = 4;

    /**
     * The state after a few puts that each replace a record that exists (an edit, the common
     * change), each copying only the arrays of the maps it touches, with every record in its place;
     * null if a change is anything else (the caller then takes the general path, whose result is
     * equal).
     */
    private GuildState replacing(List<? extends RecordChange> changes) {
        Map<ChannelId, Campaign> newCampaigns = campaigns;
        Map<UserId, Map<ChannelId, PlayerCharacter>> newCharacters = characters;
        Map<ChannelId, Map<NpcId, Npc>> newNpcs = npcs;
        for (RecordChange change : changes) {
            if (!change.guild().equals(guild)) {
                return null; // the general path refuses it
            }
            if (change instanceof RecordChange.PutCampaign put) {
                newCampaigns = replaced(newCampaigns, put.campaign().channel(), put.campaign());
                if (newCampaigns == null) {
                    return null;
                }
            } else if (change instanceof RecordChange.PutCharacter put) {
                PlayerCharacter character = put.character();
                newCharacters = replacedInner(newCharacters, character.user(), character.channel(), character);
                if (newCharacters == null) {
                    return null;
                }
            } else if (change instanceof RecordChange.PutNpc put) {
                Npc npc = put.npc();
                newNpcs = replacedInner(newNpcs, npc.channel(), npc.id(), npc);
                if (newNpcs == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return new GuildState(guild, newCampaigns, newCharacters, newNpcs);
    }

    /** {@link #replaced} in the inner map under {@code key}; null if either key is absent. */
    private static <K, I, V> Map<K, Map<I, V>> replacedInner(Map<K, Map<I, V>> outer, K key, I innerKey, V value) {
        Map<I, V> inner = outer.get(key);
        if (inner == null) {
            return null;
        }
        Map<I, V> newInner = replaced(inner, innerKey, value);
        return newInner == null ? null : replaced(outer, key, newInner);
    }

    /**
     * A frozen map with the value of an existing key replaced in its place, in the same compact form;
     * null if the key is absent or the map is not one this class froze.
     */
    private static <K, V> Map<K, V> replaced(Map<K, V> map, K key, V value) {
        if (map instanceof CompactMap<K, V> compact) {
            return compact.withValue(key, value);
        }
        if (map instanceof SingleMap<K, V> && map.containsKey(key)) {
            return SingleMap.of(map.keySet().iterator().next(), value); // the key object it had, as put keeps it
        }
        return null;
    }

    /**
     * Puts into an inner map: a new key gets a compact single-entry map; an inner map from the
     * original state is copied the first time, into a LinkedHashMap later changes reuse.
     *
     * @return whether a mutable inner map was made
     */
    private static <K, I, V> boolean put(Map<K, Map<I, V>> outer, K key, I innerKey, V value) {
        Map<I, V> inner = outer.get(key);
        if (inner == null) {
            outer.put(key, SingleMap.of(innerKey, value));
            return false;
        }
        if (inner instanceof LinkedHashMap<I, V> mutable) {
            mutable.put(innerKey, value);
            return false;
        }
        Map<I, V> copy = copy(inner, 1);
        copy.put(innerKey, value);
        outer.put(key, copy);
        return true;
    }

    /**
     * Removes from an inner map, dropping the outer entry when it becomes empty.
     *
     * @return whether a mutable inner map was made
     */
    private static <K, I, V> boolean remove(Map<K, Map<I, V>> outer, K key, I innerKey) {
        Map<I, V> inner = outer.get(key);
        if (inner == null || !inner.containsKey(innerKey)) {
            return false;
        }
        if (inner.size() == 1) {
            outer.remove(key);
            return false;
        }
        if (inner instanceof LinkedHashMap<I, V> mutable) {
            mutable.remove(innerKey);
            return false;
        }
        Map<I, V> copy = copy(inner, 0);
        copy.remove(innerKey);
        outer.put(key, copy);
        return true;
    }

    /** A mutable insertion-ordered copy with room for {@code extra} more entries. */
    private static <K, V> Map<K, V> copy(Map<K, V> map, int extra) {
        Map<K, V> copy = new LinkedHashMap<>(capacity(map.size() + extra));
        copy.putAll(map);
        return copy;
    }

    /** The initial capacity that holds {@code entries} without resizing. */
    private static int capacity(int entries) {
        return Math.max(2, (int) Math.ceil(entries / 0.75));
    }

    /** Replaces the inner maps this call made mutable with unmodifiable ones. */
    private static <K, I, V> void freezeInner(Map<K, Map<I, V>> outer) {
        outer.replaceAll((key, inner) -> inner instanceof LinkedHashMap ? freeze(inner) : inner);
    }

    /** An unmodifiable map with the same entries in the same order, in a compact form (see CompactMap). */
    private static <K, V> Map<K, V> freeze(Map<K, V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map.size() == 1) {
            Map.Entry<K, V> only = map.entrySet().iterator().next();
            return SingleMap.of(only.getKey(), only.getValue());
        }
        return CompactMap.copyOf(map);
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
