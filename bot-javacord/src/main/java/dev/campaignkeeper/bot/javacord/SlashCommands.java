package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.javacord.api.interaction.ApplicationCommandBuilder;
import org.javacord.api.interaction.MessageContextMenu;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionType;

/** Builds Javacord's slash-command definitions from the {@link CommandCatalog}. */
final class SlashCommands {

    private SlashCommands() {
    }

    /**
     * One builder per top-level command and one per message command, for a bulk overwrite.
     *
     * @return the builders
     */
    static Set<ApplicationCommandBuilder<?, ?, ?>> builders() {
        Set<ApplicationCommandBuilder<?, ?, ?>> builders = new LinkedHashSet<>();
        for (Map.Entry<String, String> command : CommandCatalog.commands().entrySet()) {
            List<CommandSpec> specs = CommandCatalog.under(command.getKey());
            List<SlashCommandOption> options = new ArrayList<>();
            if (CommandCatalog.hasSubcommands(command.getKey())) {
                for (CommandSpec spec : specs) {
                    options.add(SlashCommandOption.createSubcommand(spec.subcommand().orElseThrow(),
                            spec.description(), options(spec)));
                }
            } else {
                options.addAll(options(specs.get(0)));
            }
            builders.add(SlashCommand.with(command.getKey(), command.getValue(), options)
                    .setEnabledInDms(false));
        }
        for (String name : CommandCatalog.messageCommands()) {
            builders.add(MessageContextMenu.with(name).setEnabledInDms(false));
        }
        return builders;
    }

    private static List<SlashCommandOption> options(CommandSpec spec) {
        List<SlashCommandOption> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            SlashCommandOptionBuilder builder = new SlashCommandOptionBuilder()
                    .setType(type(option))
                    .setName(option.name())
                    .setDescription(option.description())
                    .setRequired(option.required())
                    .setAutocompletable(option.autocomplete());
            if (option.maxLength() > 0) {
                builder.setMaxLength(option.maxLength());
            }
            options.add(builder.build());
        }
        return options;
    }

    private static SlashCommandOptionType type(OptionSpec option) {
        return switch (option.type()) {
            case STRING -> SlashCommandOptionType.STRING;
            case USER -> SlashCommandOptionType.USER;
            case BOOLEAN -> SlashCommandOptionType.BOOLEAN;
            case ATTACHMENT, FILE -> SlashCommandOptionType.ATTACHMENT;
        };
    }
}
