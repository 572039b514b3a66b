package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campaign-admin show guild|campaign|user}: the records, readable or as JSON. Read-only. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Shows stored records: a guild's campaigns, one campaign with its characters and"
                + " NPCs, or one user's campaigns and characters. Read-only.",
        subcommands = {ShowGuildCommand.class, ShowCampaignCommand.class, ShowUserCommand.class})
final class ShowCommand implements Runnable {

    @ParentCommand
    CampaignAdmin admin;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing what to show: guild G, campaign G C or user G U");
    }

    static GuildId guild(CommandSpec spec, String value) {
        return id(spec, "guild", value, GuildId::of);
    }

    static ChannelId channel(CommandSpec spec, String value) {
        return id(spec, "channel", value, ChannelId::of);
    }

    static UserId user(CommandSpec spec, String value) {
        return id(spec, "user", value, UserId::of);
    }

    private static <T> T id(CommandSpec spec, String kind, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid " + kind + " id: " + e.getMessage());
        }
    }
}
