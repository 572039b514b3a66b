package dev.campaignkeeper.bot.command;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One runnable command: a top-level command and, for grouped commands, a subcommand.
 *
 * @param command the top-level command, e.g. {@code campaign}
 * @param subcommand the subcommand, e.g. {@code create}; empty for a command without subcommands
 * @param description what the command does, 1 to 100 characters
 * @param options its options, required ones first (Discord's rule)
 * @param deferred whether adapters acknowledge first and answer later, because the command may take
 *     more than a second (role or webhook work, an attachment)
 * @param successVisibility who sees the reply when the command succeeds; errors are always
 *     ephemeral
 */
public record CommandSpec(
        String command,
        Optional<String> subcommand,
        String description,
        List<OptionSpec> options,
        boolean deferred,
        Visibility successVisibility) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /**
     * Validates the command against Discord's rules.
     *
     * @param command the top-level command, e.g. {@code campaign}
     * @param subcommand the subcommand, e.g. {@code create}; empty for a command without subcommands
     * @param description what the command does, 1 to 100 characters
     * @param options its options, required ones first (Discord's rule)
     * @param deferred whether adapters acknowledge first and answer later, because the command may take more than a second (role or webhook work, an attachment)
     * @param successVisibility who sees the reply when the command succeeds; errors are always ephemeral
     */
    public CommandSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(subcommand, "subcommand");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(successVisibility, "successVisibility");
        options = List.copyOf(options);
        if (!NAME.matcher(command).matches() || !subcommand.map(s -> NAME.matcher(s).matches()).orElse(true)) {
            throw new IllegalArgumentException("command names must be lower case, 1 to 32 characters");
        }
        if (description.isEmpty() || description.length() > 100) {
            throw new IllegalArgumentException("command description must be 1 to 100 characters: " + command);
        }
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (OptionSpec option : options) {
            if (!names.add(option.name())) {
                throw new IllegalArgumentException("option " + option.name() + " appears twice");
            }
            if (option.required() && optionalSeen) {
                throw new IllegalArgumentException("required option " + option.name() + " after an optional one");
            }
            optionalSeen |= !option.required();
        }
    }

    /**
     * The command path as typed after the slash, e.g. {@code "campaign create"} or {@code "say"}.
     *
     * @return the path
     */
    public String path() {
        return subcommand.map(sub -> command + " " + sub).orElse(command);
    }

    /**
     * An option by name.
     *
     * @param name the option's name
     * @return the option, if this command has it
     */
    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst();
    }

    /**
     * The command's usage line, e.g. {@code /character create name:<text> [avatar:<text>]}.
     *
     * @return the usage
     */
    public String usage() {
        StringBuilder usage = new StringBuilder("/").append(path());
        for (OptionSpec option : options) {
            usage.append(' ').append(option.usage());
        }
        return usage.toString();
    }
}
