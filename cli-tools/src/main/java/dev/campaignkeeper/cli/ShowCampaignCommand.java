package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code campaign-admin show campaign G C}. */
@Command(name = "campaign", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows one campaign (by guild and channel id) with its players, characters and NPCs.")
final class ShowCampaignCommand extends ShowSubcommand {

    @Parameters(index = "1", paramLabel = "C", description = "channel id of the campaign")
    private String channelId;

    private ChannelId channel;

    @Override
    void parseIds(CommandSpec spec) {
        channel = ShowCommand.channel(spec, channelId);
    }

    @Override
    Object json(GuildState state) {
        Optional<Campaign> found = found(state);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("campaign", found.map(Records::campaign).orElse(null));
        document.put("characters", Records.characters(state.charactersIn(channel)));
        document.put("npcs", Records.npcs(state.npcsIn(channel)));
        return document;
    }

    @Override
    void print(GuildState state, PrintWriter out) {
        Optional<Campaign> found = found(state);
        List<PlayerCharacter> characters = state.charactersIn(channel);
        List<Npc> npcs = state.npcsIn(channel);
        if (found.isPresent()) {
            Campaign campaign = found.get();
            out.println("Campaign \"" + campaign.name() + "\" (guild " + state.guild() + ", channel " + channel + ")");
            out.println("  GM:          " + campaign.gm());
            out.println("  player role: " + campaign.playerRole());
            out.println("  GM role:     " + campaign.gmRole());
            out.println("  webhook:     " + campaign.webhook().map(Object::toString).orElse("-"));
            out.println("  players:     " + (campaign.players().isEmpty() ? "-"
                    : String.join(", ", campaign.players().stream().map(Object::toString).toList())));
        } else {
            out.println("No campaign in channel " + channel + " of guild " + state.guild()
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
    }

    /** The campaign, if any; fails when the channel holds no records at all. */
    private Optional<Campaign> found(GuildState state) {
        Optional<Campaign> found = state.campaign(channel);
        if (found.isEmpty() && state.charactersIn(channel).isEmpty() && state.npcsIn(channel).isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "no campaign in channel " + channel + " of guild "
                    + state.guild());
        }
        return found;
    }

    static String abbreviate(String text) {
        String line = Table.oneLine(text);
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
