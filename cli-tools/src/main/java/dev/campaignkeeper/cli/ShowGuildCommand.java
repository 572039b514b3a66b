package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code campaign-admin show guild G}. */
@Command(name = "guild", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows a guild's campaigns with counts of characters and NPCs; --json gives every record.")
final class ShowGuildCommand extends ShowSubcommand {

    @Override
    void parseIds(CommandSpec spec) {
        // the guild id is all
    }

    @Override
    Object json(GuildState state) {
        requireData(state);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("guild", state.guild().value());
        document.put("campaigns", state.campaigns().stream().map(Records::campaign).toList());
        document.put("characters", Records.characters(state.characters()));
        List<Npc> npcs = new ArrayList<>();
        state.npcsByChannel().values().forEach(byId -> npcs.addAll(byId.values()));
        document.put("npcs", Records.npcs(npcs));
        return document;
    }

    @Override
    void print(GuildState state, PrintWriter out) {
        requireData(state);
        out.println("Guild " + state.guild() + ": " + state.campaigns().size() + " campaigns, "
                + Records.characterCount(state) + " characters, " + Records.npcCount(state) + " NPCs");
        out.println();
        Table table = new Table("channel", "campaign", "gm", "players", "characters", "npcs");
        for (Campaign campaign : state.campaigns()) {
            table.row(campaign.channel().value(), campaign.name(), campaign.gm().value(),
                    campaign.players().size(), state.charactersIn(campaign.channel()).size(),
                    state.npcsIn(campaign.channel()).size());
        }
        if (!table.isEmpty()) {
            table.print(out);
        }
        List<PlayerCharacter> orphans = state.characters().stream()
                .filter(c -> state.campaign(c.channel()).isEmpty()).toList();
        List<Npc> orphanNpcs = new ArrayList<>();
        state.npcsByChannel().forEach((channel, byId) -> {
            if (state.campaign(channel).isEmpty()) {
                orphanNpcs.addAll(byId.values());
            }
        });
        if (!orphans.isEmpty() || !orphanNpcs.isEmpty()) {
            out.println();
            out.println("Records in channels without a campaign: " + orphans.size() + " characters, "
                    + orphanNpcs.size() + " NPCs (see `campaign-admin verify`)");
        }
    }

    private static void requireData(GuildState state) {
        if (state.isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "guild " + state.guild() + " has no stored data");
        }
    }
}
