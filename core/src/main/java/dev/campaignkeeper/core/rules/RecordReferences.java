package dev.campaignkeeper.core.rules;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference checks over one guild's records: what the use cases never create but a hand-edited
 * file, an old version or an import document can hold. A pure function of the records; each store
 * or tool says where a problem is in its own terms (a JSON path, a table row).
 */
public final class RecordReferences {

    private RecordReferences() {
    }

    /** One broken reference. */
    public sealed interface Problem {
    }

    /**
     * A campaign lists its GM among its players.
     *
     * @param campaign the campaign
     */
    public record GmListedAsPlayer(Campaign campaign) implements Problem {
        /**
         * Validates.
         *
         * @param campaign the campaign
         */
        public GmListedAsPlayer {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /**
     * A character is in a channel that has no campaign.
     *
     * @param character the character
     */
    public record CharacterWithoutCampaign(PlayerCharacter character) implements Problem {
        /**
         * Validates.
         *
         * @param character the character
         */
        public CharacterWithoutCampaign {
            Objects.requireNonNull(character, "character");
        }
    }

    /**
     * A character belongs to a user who is not a player of its channel's campaign.
     *
     * @param character the character
     * @param campaign the campaign of its channel
     */
    public record CharacterOfNonPlayer(PlayerCharacter character, Campaign campaign) implements Problem {
        /**
         * Validates.
         *
         * @param character the character
         * @param campaign the campaign of its channel
         */
        public CharacterOfNonPlayer {
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(campaign, "campaign");
        }

        /**
         * Whether the character's user is the campaign's GM.
         *
         * @return true if so
         */
        public boolean ofTheGm() {
            return campaign.gm().equals(character.user());
        }
    }

    /**
     * NPCs are in a channel that has no campaign.
     *
     * @param channel the channel
     * @param npcs the NPCs in it
     */
    public record NpcsWithoutCampaign(ChannelId channel, List<Npc> npcs) implements Problem {
        /**
         * Validates and copies.
         *
         * @param channel the channel
         * @param npcs the NPCs in it
         */
        public NpcsWithoutCampaign {
            Objects.requireNonNull(channel, "channel");
            npcs = List.copyOf(npcs);
        }
    }

    /**
     * Checks one guild's records: GMs listed as players, then characters without a campaign or of
     * users who are not players, then NPCs without a campaign.
     *
     * @param state the guild's records
     * @return the problems, in that order (empty when every reference holds)
     */
    public static List<Problem> check(GuildState state) {
        Objects.requireNonNull(state, "state");
        List<Problem> problems = new ArrayList<>();
        for (Campaign campaign : state.campaigns()) {
            if (campaign.hasPlayer(campaign.gm())) {
                problems.add(new GmListedAsPlayer(campaign));
            }
        }
        for (PlayerCharacter character : state.characters()) {
            Optional<Campaign> campaign = state.campaign(character.channel());
            if (campaign.isEmpty()) {
                problems.add(new CharacterWithoutCampaign(character));
            } else if (!campaign.get().hasPlayer(character.user())) {
                problems.add(new CharacterOfNonPlayer(character, campaign.get()));
            }
        }
        for (Map.Entry<ChannelId, Map<NpcId, Npc>> byChannel : state.npcsByChannel().entrySet()) {
            if (state.campaign(byChannel.getKey()).isEmpty()) {
                problems.add(new NpcsWithoutCampaign(byChannel.getKey(), List.copyOf(byChannel.getValue().values())));
            }
        }
        return problems;
    }

    /**
     * For the last branch of a chain of {@code instanceof} tests over {@link Problem}'s kinds (Java
     * 17 has no pattern switch): a kind the chain does not know is a bug.
     *
     * @param problem the problem no branch matched
     * @param <T> what the chain yields
     * @return never
     * @throws IllegalStateException always
     */
    public static <T> T unexpected(Problem problem) {
        throw new IllegalStateException("unknown reference problem " + problem);
    }
}
