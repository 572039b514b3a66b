package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
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

/** {@code campaign-admin show user G U}. */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows the campaigns a user runs or plays in a guild, and their characters.")
final class ShowUserCommand implements Callable<Integer> {

    @ParentCommand
    private ShowCommand show;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "G", description = "guild id")
    private String guildId;

    @Parameters(index = "1", paramLabel = "U", description = "user id")
    private String userId;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        CampaignAdmin admin = show.admin;
        GuildId guild = ShowCommand.guild(spec, guildId);
        UserId user = ShowCommand.user(spec, userId);
        GuildState state = admin.store().read(admin.existingDataDir()).guild(guild);
        List<Campaign> runs = new ArrayList<>();
        List<Campaign> plays = new ArrayList<>();
        for (Campaign campaign : state.campaigns()) {
            if (campaign.gm().equals(user)) {
                runs.add(campaign);
            }
            if (campaign.hasPlayer(user)) {
                plays.add(campaign);
            }
        }
        List<PlayerCharacter> characters = Records.charactersOf(state, user);
        if (runs.isEmpty() && plays.isEmpty() && characters.isEmpty()) {
            throw new CliException(ExitCodes.PROBLEMS, "user " + user + " has no campaigns or characters in guild "
                    + guild);
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("guild", guild.value());
            document.put("user", user.value());
            document.put("gm_of", runs.stream().map(c -> c.channel().value()).toList());
            document.put("player_in", plays.stream().map(c -> c.channel().value()).toList());
            List<Object> characterJson = new ArrayList<>();
            characters.forEach(c -> characterJson.add(Records.character(c)));
            document.put("characters", characterJson);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        out.println("User " + user + " in guild " + guild);
        out.println();
        Table campaigns = new Table("channel", "campaign", "role");
        runs.forEach(c -> campaigns.row(c.channel().value(), c.name(), "GM"));
        plays.forEach(c -> campaigns.row(c.channel().value(), c.name(), "player"));
        if (!campaigns.isEmpty()) {
            campaigns.print(out);
            out.println();
        }
        out.println("Characters (" + characters.size() + "):");
        if (!characters.isEmpty()) {
            Table table = new Table("channel", "name", "avatar", "description");
            characters.forEach(c -> table.row(c.channel().value(), c.name(), c.avatarUrl().orElse("-"),
                    ShowCampaignCommand.abbreviate(c.description())));
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
