package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.Attachment;
import dev.campaignkeeper.bot.command.Choice;
import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.command.CommandOptions;
import dev.campaignkeeper.bot.command.CommandRequest;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.OptionSpec;
import dev.campaignkeeper.bot.command.Reply;
import dev.campaignkeeper.bot.command.Visibility;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.interaction.AutocompleteCreateEvent;
import org.javacord.api.event.interaction.SlashCommandCreateEvent;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.javacord.api.interaction.SlashCommandInteractionOptionsProvider;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import org.javacord.api.listener.interaction.AutocompleteCreateListener;
import org.javacord.api.listener.interaction.SlashCommandCreateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives slash commands and autocomplete requests from Javacord.
 *
 * <p>Javacord hands every listener every command, so this one first checks that the command is one
 * of the {@link CommandCatalog}'s and ignores the rest. It never works on Javacord's per-server
 * event thread: it acknowledges slow commands at once ({@code respondLater}) and hands the work
 * to an executor. Every reply disables mentions.
 */
final class InteractionListener implements SlashCommandCreateListener, AutocompleteCreateListener {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);
    private static final int MAX_MESSAGE = 2000;

    private final CommandHandlers handlers;
    private final JavacordChatPlatform platform;
    private final Executor slow;
    private final Executor fast;

    /**
     * Creates the listener.
     *
     * @param handlers the command handlers
     * @param platform the chat platform, told about users seen in commands
     * @param slow runs deferred commands (role, webhook and post work that may wait on Discord)
     * @param fast runs commands answered at once and autocomplete, which Discord expects within
     *     three seconds, so slow work can never starve them
     */
    InteractionListener(CommandHandlers handlers, JavacordChatPlatform platform, Executor slow, Executor fast) {
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.slow = Objects.requireNonNull(slow, "slow");
        this.fast = Objects.requireNonNull(fast, "fast");
    }

    @Override
    public void onSlashCommandCreate(SlashCommandCreateEvent event) {
        SlashCommandInteraction interaction = event.getSlashCommandInteraction();
        if (!CommandCatalog.commands().containsKey(interaction.getCommandName())) {
            return; // another listener's command
        }
        Optional<CommandSpec> found = CommandCatalog.find(interaction.getFullCommandName());
        if (found.isEmpty()) {
            respondNow(interaction, Reply.error("This command changed; wait a minute for Discord to show the "
                    + "current commands, then try again."));
            return;
        }
        CommandSpec spec = found.get();
        boolean acknowledgePublicly = spec.successVisibility() == Visibility.PUBLIC && !secret(interaction);
        CompletableFuture<InteractionOriginalResponseUpdater> deferred = spec.deferred()
                ? interaction.respondLater(!acknowledgePublicly)
                : null;
        try {
            (deferred == null ? fast : slow).execute(() -> run(interaction, spec, deferred, acknowledgePublicly));
        } catch (RejectedExecutionException e) {
            LOG.info("Ignoring /{}: the bot is shutting down", spec.path());
        }
    }

    @Override
    public void onAutocompleteCreate(AutocompleteCreateEvent event) {
        AutocompleteInteraction interaction = event.getAutocompleteInteraction();
        if (!CommandCatalog.commands().containsKey(interaction.getCommandName())) {
            return;
        }
        try {
            fast.execute(() -> suggest(interaction));
        } catch (RejectedExecutionException e) {
            LOG.debug("Ignoring autocomplete: the bot is shutting down");
        }
    }

    /** A secret roll ({@code secret:true}) is acknowledged privately, so not even "thinking..." shows. */
    private static boolean secret(SlashCommandInteraction interaction) {
        return leafOptions(interaction).stream()
                .anyMatch(option -> option.getName().equals("secret") && option.getBooleanValue().orElse(false));
    }

    private void run(SlashCommandInteraction interaction, CommandSpec spec,
                     CompletableFuture<InteractionOriginalResponseUpdater> deferred, boolean deferredPublic) {
        Reply reply;
        try {
            reply = handlers.handle(request(interaction, spec));
        } catch (CampaignKeeperException e) {
            reply = Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("/{} could not be read", spec.path(), e);
            reply = Reply.error("The bot could not read this command. Please try again.");
        }
        try {
            if (deferred == null) {
                respondNow(interaction, reply);
            } else {
                respondDeferred(interaction, deferredPublic, deferred, reply);
            }
        } catch (RuntimeException e) {
            notDelivered(spec, reply, e);
        }
    }

    /**
     * Logs a reply Discord did not take. An attached file is logged in full: after
     * {@code /campaign end} it is the only copy of the ended campaign's data, and the command
     * has already removed it from the store.
     *
     * @param spec the command
     * @param reply the reply that was not delivered
     * @param failure why
     */
    static void notDelivered(CommandSpec spec, Reply reply, RuntimeException failure) {
        LOG.warn("Could not answer /{}", spec.path(), failure);
        reply.attachment().ifPresent(file -> LOG.error("The reply to /{} with the attachment {} was not delivered;"
                + " keep this copy of it (the command already took effect):\n{}", spec.path(), file.fileName(),
                file.text()));
    }

    private void suggest(AutocompleteInteraction interaction) {
        try {
            Server server = interaction.getServer().orElse(null);
            TextChannel channel = interaction.getChannel().orElse(null);
            if (server == null || channel == null) {
                interaction.respondWithChoices(List.of());
                return;
            }
            SlashCommandInteractionOption focused = interaction.getFocusedOption();
            List<Choice> choices = handlers.autocomplete(actor(interaction.getUser(), server),
                    GuildId.of(server.getId()), ChannelId.of(channel.getId()), interaction.getFullCommandName(),
                    focused.getName(), focused.getStringValue().orElse(""));
            interaction.respondWithChoices(choices.stream()
                    .map(choice -> SlashCommandOptionChoice.create(choice.name(), choice.value()))
                    .toList());
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete failed", e);
        }
    }

    private CommandRequest request(SlashCommandInteraction interaction, CommandSpec spec) {
        Server server = interaction.getServer().orElseThrow(() -> new InvalidInputException(
                "Campaign Keeper's commands work in server text channels, not in direct messages."));
        TextChannel channel = interaction.getChannel().orElseThrow(() -> new InvalidInputException(
                "The bot cannot see this channel. Check that it may view it, then try again."));
        String channelName = channel.asServerChannel().map(ServerChannel::getName).orElse("");
        User user = interaction.getUser();
        platform.remember(user);
        return new CommandRequest(actor(user, server), GuildId.of(server.getId()), ChannelId.of(channel.getId()),
                channelName, spec.path(), options(interaction, spec));
    }

    private Actor actor(User user, Server server) {
        List<org.javacord.api.entity.permission.Role> roles = user.getRoles(server);
        Set<RoleId> roleIds = roles.stream().map(role -> RoleId.of(role.getId())).collect(Collectors.toSet());
        boolean administrator = server.isOwner(user) || roles.stream()
                .anyMatch(role -> role.getPermissions().getState(PermissionType.ADMINISTRATOR)
                        == PermissionState.ALLOWED);
        return new Actor(UserId.of(user.getId()), administrator, roleIds);
    }

    private CommandOptions options(SlashCommandInteraction interaction, CommandSpec spec) {
        List<SlashCommandInteractionOption> given = leafOptions(interaction);
        Map<String, Object> values = new LinkedHashMap<>();
        for (SlashCommandInteractionOption option : given) {
            Optional<OptionSpec> optionSpec = spec.option(option.getName());
            if (optionSpec.isEmpty()) {
                continue;
            }
            switch (optionSpec.get().type()) {
                case STRING -> option.getStringValue().ifPresent(value -> values.put(option.getName(), value));
                case BOOLEAN -> option.getBooleanValue().ifPresent(value -> values.put(option.getName(), value));
                case USER -> {
                    option.getUserValue().ifPresent(platform::remember);
                    option.getStringRepresentationValue()
                            .ifPresent(id -> values.put(option.getName(), UserId.of(id)));
                }
                default -> throw new IllegalStateException("unknown option type");
            }
        }
        return CommandOptions.of(values);
    }

    private static List<SlashCommandInteractionOption> leafOptions(SlashCommandInteractionOptionsProvider provider) {
        List<SlashCommandInteractionOption> options = provider.getOptions();
        if (!options.isEmpty() && options.get(0).isSubcommandOrGroup()) {
            return leafOptions(options.get(0));
        }
        return options;
    }

    private static void respondNow(SlashCommandInteraction interaction, Reply reply) {
        var responder = interaction.createImmediateResponder()
                .setContent(fit(reply.text()))
                .setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
        if (reply.visibility() == Visibility.EPHEMERAL) {
            responder.setFlags(MessageFlag.EPHEMERAL);
        }
        responder.respond().exceptionally(failure -> {
            LOG.warn("Discord refused the reply to a command", failure);
            return null;
        });
    }

    private static void respondDeferred(SlashCommandInteraction interaction, boolean deferredPublic,
                                        CompletableFuture<InteractionOriginalResponseUpdater> deferred,
                                        Reply reply) {
        InteractionOriginalResponseUpdater updater = deferred.join();
        if (deferredPublic && !reply.isPublic()) {
            // The "thinking..." message is public: replace it with a reply only the user sees.
            updater.delete().exceptionally(failure -> {
                LOG.debug("Could not delete the deferred reply", failure);
                return null;
            });
            var followup = interaction.createFollowupMessageBuilder()
                    .setContent(fit(reply.text()))
                    .setAllowedMentions(JavacordChatPlatform.NO_MENTIONS)
                    .setFlags(MessageFlag.EPHEMERAL);
            reply.attachment().ifPresent(file -> followup.addAttachment(file.bytes(), file.fileName()));
            followup.send().join();
            return;
        }
        updater.setContent(fit(reply.text())).setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
        Optional<Attachment> attachment = reply.attachment();
        attachment.ifPresent(file -> updater.addAttachment(file.bytes(), file.fileName()));
        updater.update().join();
    }

    private static String fit(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
