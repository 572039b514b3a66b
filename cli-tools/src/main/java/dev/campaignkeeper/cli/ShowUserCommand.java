package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code campaign-admin show user G U}. */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows the campaigns a user runs or plays in a guild, and their characters.")
final class ShowUserCommand extends ShowSubcommand {

    @Parameters(index = "1", paramLabel = "U", description = "user id")
    private String userId;

    private UserId user;

    @Override
    void parseIds(CommandSpec spec) {
        user = ShowCommand.user(spec, userId);
    }

    /** What the user runs, plays and owns in one guild. */
    private record Found(List<Campaign> runs, List<Campaign> plays, List<PlayerCharacter> characters) {
    }

    private Found find(GuildState state) {
        Found found = new Found(state.campaigns().stream().filter(c -> c.gm().equals(user)).toList(),
                state.campaigns().stream().filter(c -> c.hasPlayer(user)).toList(),
                Records.charactersOf(state, user));
        if (found.runs().isEmpty() && found.plays().isEmpty() && found.characters().isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "user " + user + " has no campaigns or characters in guild "
                    + state.guild());
        }
        return found;
    }

    @Override
    Object json(GuildState state) {
        Found found = find(state);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("guild", state.guild().value());
        document.put("user", user.value());
        document.put("gm_of", found.runs().stream().map(c -> c.channel().value()).toList());
        document.put("player_in", found.plays().stream().map(c -> c.channel().value()).toList());
        document.put("characters", Records.characters(found.characters()));
        return document;
    }

    @Override
    void print(GuildState state, PrintWriter out) {
        Found found = find(state);
        out.println("User " + user + " in guild " + state.guild());
        out.println();
        Table campaigns = new Table("channel", "campaign", "role");
        found.runs().forEach(c -> campaigns.row(c.channel().value(), c.name(), "GM"));
        found.plays().forEach(c -> campaigns.row(c.channel().value(), c.name(), "player"));
        if (!campaigns.isEmpty()) {
            campaigns.print(out);
            out.println();
        }
        out.println("Characters (" + found.characters().size() + "):");
        if (!found.characters().isEmpty()) {
            Table table = new Table("channel", "name", "avatar", "description");
            found.characters().forEach(c -> table.row(c.channel().value(), c.name(), c.avatarUrl().orElse("-"),
                    ShowCampaignCommand.abbreviate(c.description())));
            table.print(out);
        }
    }
}
