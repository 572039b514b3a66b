package dev.campaignkeeper.bot.console;

import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.OptionSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the console: the commands ({@code /campaign}, {@code /say}, the console's own
 * {@code /as}, {@code /in} ...), the subcommands of {@code /campaign}, {@code /character} and
 * {@code /npc}, and the options of the command typed so far ({@code name:}, {@code avatar:}).
 */
final class ConsoleCompleter implements Completer {

    /** The console's own commands with what they do. */
    private static final Map<String, String> DIRECTIVES = Map.of(
            "as", "act as another user",
            "in", "move to another channel",
            "forum", "make a channel a forum channel",
            "admin", "make the current user a server admin, or not",
            "whoami", "show who and where you are",
            "help", "list the commands",
            "quit", "end the session");

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            CommandCatalog.commands().forEach((command, description) ->
                    candidates.add(new Candidate("/" + command, "/" + command, null, description, null, null,
                            true)));
            DIRECTIVES.forEach((directive, description) ->
                    candidates.add(new Candidate("/" + directive, "/" + directive, null, description, null, null,
                            true)));
            return;
        }
        String command = words.get(0).startsWith("/") ? words.get(0).substring(1) : words.get(0);
        if (index == 1 && CommandCatalog.hasSubcommands(command)) {
            for (CommandSpec spec : CommandCatalog.under(command)) {
                spec.subcommand().ifPresent(sub -> candidates.add(new Candidate(sub, sub, null, spec.description(),
                        null, null, true)));
            }
            return;
        }
        Optional<CommandSpec> spec = CommandCatalog.hasSubcommands(command) && words.size() > 1
                ? CommandCatalog.find(command + " " + words.get(1)) : CommandCatalog.find(command);
        if (spec.isEmpty()) {
            return;
        }
        for (OptionSpec option : spec.get().options()) {
            boolean given = words.stream().limit(index).anyMatch(word -> word.startsWith(option.name() + ":"));
            if (!given) {
                candidates.add(new Candidate(option.name() + ":", option.name() + ":", null, option.description(),
                        null, null, false));
            }
        }
    }
}
