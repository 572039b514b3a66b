package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campaign-admin show campaign G C}. */
@Command(name = "campaign", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows one campaign (by guild and channel id) with its players, characters and NPCs.")
final class ShowCampaignCommand implements Callable<Integer> {

    @ParentCommand
    private ShowCommand show;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "G", description = "guild id")
    private String guildId;

    @Parameters(index = "1", paramLabel = "C", description = "channel id of the campaign")
    private String channelId;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        CampaignAdmin admin = show.admin;
        GuildId guild = ShowCommand.guild(spec, guildId);
        ChannelId channel = ShowCommand.channel(spec, channelId);
        GuildState state = admin.store().read(admin.existingDataDir()).guild(guild);
        Optional<Campaign> found = state.campaign(channel);
        List<PlayerCharacter> characters = state.charactersIn(channel);
        List<Npc> npcs = state.npcsIn(channel);
        if (found.isEmpty() && characters.isEmpty() && npcs.isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "no campaign in channel " + channel + " of guild " + guild);
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("campaign", found.map(Records::campaign).orElse(null));
            List<Object> characterJson = new ArrayList<>();
            characters.forEach(c -> characterJson.add(Records.character(c)));
            List<Object> npcJson = new ArrayList<>();
            npcs.forEach(n -> npcJson.add(Records.npc(n)));
            document.put("characters", characterJson);
            document.put("npcs", npcJson);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        if (found.isPresent()) {
            Campaign campaign = found.get();
            out.println("Campaign \"" + campaign.name() + "\" (guild " + guild + ", channel " + channel + ")");
            out.println("  GM:          " + campaign.gm());
            out.println("  player role: " + campaign.playerRole());
            out.println("  GM role:     " + campaign.gmRole());
            out.println("  webhook:     " + campaign.webhook().map(Object::toString).orElse("-"));
            out.println("  players:     " + (campaign.players().isEmpty() ? "-"
                    : String.join(", ", campaign.players().stream().map(Object::toString).toList())));
        } else {
            out.println("No campaign in channel " + channel + " of guild " + guild
                    + ", but records remain there (see `campaign-admin verify`)");
        }
        out.println();
        out.println("Characters (" + characters.size() + "):");
        if (!characters.isEmpty()) {
            Table table = new Table("user", "name", "avatar", "description");
            characters.forEach(c -> table.row(c.user().value(), c.name(), c.avatarUrl().orElse("-"),
                    abbreviate(c.description())));
            table.print(out);
        }
        out.println();
        out.println("NPCs (" + npcs.size() + "):");
        if (!npcs.isEmpty()) {
            Table table = new Table("id", "name", "avatar", "creator");
            npcs.forEach(n -> table.row(n.id().value(), n.name(), n.avatarUrl().orElse("-"), n.creator().value()));
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String abbreviate(String text) {
        String line = Table.oneLine(text);
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
