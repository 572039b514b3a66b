package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code show guild|campaign|user} share: the guild id argument, {@code --json}, reading the
 * guild's state without the lock, and the exit code. A subclass parses its own second id in
 * {@link #parseIds} (so a bad id is a usage error before anything is read) and prints the records.
 */
abstract class ShowSubcommand implements Callable<Integer> {

    @ParentCommand
    private ShowCommand show;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "G", description = "guild id")
    private String guildId;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public final Integer call() {
        GuildId guild = ShowCommand.guild(spec, guildId);
        parseIds(spec);
        CampaignAdmin admin = show.admin;
        GuildState state;
        try (Progress progress = admin.progress("show")) {
            progress.phase("reading the state");
            state = database.isSet() ? database.read(admin, guild)
                    : admin.dataDirectory(admin.existingDataDir()).readGuild(guild).state();
        }
        if (json) {
            admin.printJson(json(state));
        } else {
            PrintWriter out = admin.out();
            print(state, out);
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Parses the ids after the guild's.
     *
     * @param spec this command, for usage errors
     */
    abstract void parseIds(CommandSpec spec);

    /**
     * The records as one JSON-ready document.
     *
     * @param state the guild's state
     * @return the document
     * @throws CliException with exit code 1 when there is nothing to show
     */
    abstract Object json(GuildState state);

    /**
     * Prints the records as text.
     *
     * @param state the guild's state
     * @param out standard output
     * @throws CliException with exit code 1 when there is nothing to show
     */
    abstract void print(GuildState state, PrintWriter out);
}
