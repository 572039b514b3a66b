package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campaign-admin show guild G}. */
@Command(name = "guild", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows a guild's campaigns with counts of characters and NPCs; --json gives every record.")
final class ShowGuildCommand implements Callable<Integer> {

    @ParentCommand
    private ShowCommand show;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "G", description = "guild id")
    private String guildId;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        CampaignAdmin admin = show.admin;
        GuildId guild = ShowCommand.guild(spec, guildId);
        GuildState state = admin.store().read(admin.existingDataDir()).guild(guild);
        if (state.isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "guild " + guild + " has no stored data");
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("guild", guild.value());
            List<Object> campaigns = new ArrayList<>();
            state.campaigns().forEach(c -> campaigns.add(Records.campaign(c)));
            List<Object> characters = new ArrayList<>();
            state.characters().forEach(c -> characters.add(Records.character(c)));
            List<Object> npcs = new ArrayList<>();
            state.npcsByChannel().values().forEach(byId -> byId.values().forEach(n -> npcs.add(Records.npc(n))));
            document.put("campaigns", campaigns);
            document.put("characters", characters);
            document.put("npcs", npcs);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        out.println("Guild " + guild + ": " + state.campaigns().size() + " campaigns, "
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
        out.flush();
        return ExitCodes.OK;
    }
}
