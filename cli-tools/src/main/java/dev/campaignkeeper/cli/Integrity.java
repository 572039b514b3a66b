package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.InputRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Referential and rule checks over a loaded state: what {@code verify} reports beyond the files
 * themselves. Duplicate players cannot be represented in {@link Campaign}; the store reports those
 * while loading (they arrive as {@link StoreAdmin.View#notes()}).
 */
final class Integrity {

    private Integrity() {
    }

    static List<StoreAdmin.Problem> check(StoreAdmin.View view) {
        List<StoreAdmin.Problem> problems = new ArrayList<>();
        for (GuildState state : view.guilds().values()) {
            check(state, problems);
        }
        return problems;
    }

    static void check(GuildState state, List<StoreAdmin.Problem> problems) {
        String guild = "guild " + state.guild();
        for (Campaign campaign : state.campaigns()) {
            String where = guild + " channel " + campaign.channel();
            if (campaign.hasPlayer(campaign.gm())) {
                problems.add(new StoreAdmin.Problem("campaigns.json", where,
                        "GM " + campaign.gm() + " is also listed as a player"));
            }
            rule(problems, "campaigns.json", where, "campaign name",
                    () -> InputRules.name(campaign.name(), "campaign name"));
        }
        for (Map.Entry<UserId, Map<ChannelId, PlayerCharacter>> byUser : state.charactersByUser().entrySet()) {
            for (PlayerCharacter character : byUser.getValue().values()) {
                String where = guild + " user " + character.user() + " channel " + character.channel();
                var campaign = state.campaign(character.channel());
                if (campaign.isEmpty()) {
                    problems.add(new StoreAdmin.Problem("characters.json", where, "character \""
                            + character.name() + "\" is in channel " + character.channel()
                            + ", which has no campaign"));
                } else if (!campaign.get().hasPlayer(character.user())) {
                    problems.add(new StoreAdmin.Problem("characters.json", where, "character \""
                            + character.name() + "\" belongs to user " + character.user()
                            + ", who is not a player of the campaign"));
                }
                rule(problems, "characters.json", where, "character name",
                        () -> InputRules.name(character.name(), "character name"));
                rule(problems, "characters.json", where, "avatar URL",
                        () -> InputRules.avatarUrl(character.avatarUrl().orElse("")));
                rule(problems, "characters.json", where, "description",
                        () -> InputRules.description(character.description()));
            }
        }
        for (Map.Entry<ChannelId, Map<NpcId, Npc>> byChannel : state.npcsByChannel().entrySet()) {
            boolean noCampaign = state.campaign(byChannel.getKey()).isEmpty();
            for (Npc npc : byChannel.getValue().values()) {
                String where = guild + " channel " + npc.channel() + " npc " + npc.id();
                if (noCampaign) {
                    problems.add(new StoreAdmin.Problem("npcs.json", where, "NPC \"" + npc.name()
                            + "\" is in channel " + npc.channel() + ", which has no campaign"));
                }
                rule(problems, "npcs.json", where, "NPC name", () -> InputRules.name(npc.name(), "NPC name"));
                rule(problems, "npcs.json", where, "avatar URL",
                        () -> InputRules.avatarUrl(npc.avatarUrl().orElse("")));
            }
        }
    }

    private static void rule(List<StoreAdmin.Problem> problems, String file, String where, String what,
                             Supplier<?> check) {
        try {
            check.get();
        } catch (InvalidInputException e) {
            problems.add(new StoreAdmin.Problem(file, where, what + " breaks today's rules: " + e.getMessage()));
        }
    }
}
