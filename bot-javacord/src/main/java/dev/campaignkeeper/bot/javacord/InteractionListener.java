package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.AttachedFile;
import dev.campaignkeeper.bot.command.Attachment;
import dev.campaignkeeper.bot.command.Choice;
import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.command.CommandOptions;
import dev.campaignkeeper.bot.command.CommandRequest;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.OptionSpec;
import dev.campaignkeeper.bot.command.ReasonText;
import dev.campaignkeeper.bot.command.Reply;
import dev.campaignkeeper.bot.command.Visibility;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ChannelKind;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.usecase.CharacterImports;
import dev.campaignkeeper.core.rules.InputRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.javacord.api.entity.channel.ChannelType;
import org.javacord.api.entity.channel.RegularServerChannel;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.thread.ThreadMetadata;
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
import dev.campaignkeeper.core.model.MessageId;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicLong;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputBuilder;
import org.javacord.api.entity.message.component.TextInputStyle;
import org.javacord.api.event.interaction.MessageContextMenuCommandEvent;
import org.javacord.api.event.interaction.ModalSubmitEvent;
import org.javacord.api.event.message.reaction.ReactionAddEvent;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageContextMenuInteraction;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.listener.interaction.MessageContextMenuCommandListener;
import org.javacord.api.listener.interaction.ModalSubmitListener;
import org.javacord.api.listener.message.reaction.ReactionAddListener;
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
final class InteractionListener implements SlashCommandCreateListener, AutocompleteCreateListener,
        ModalSubmitListener, MessageContextMenuCommandListener, ReactionAddListener {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);
    private static final int MAX_MESSAGE = 2000;
    /** The longest the bot waits for Discord to take one reply. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    /** What the ephemeral acknowledgement of a publicly announced command says until it is deleted. */
    static final String ANNOUNCED = "Done: announced in the channel.";
    /** Custom id prefix of the form that asks for a post's text. */
    static final String POST_FORM = "ck-post:";
    /** Custom id prefix of the form that edits a post. */
    static final String EDIT_FORM = "ck-edit:";
    /** The form's one text field. */
    static final String TEXT_FIELD = "text";
    /** The reaction that deletes a post. */
    static final String DELETE_REACTION = "❌";
    private static final int MAX_PENDING_FORMS = 1000;
    private static final Duration FORM_LIFETIME = Duration.ofMinutes(30);

    /** A post command waiting for the text its form asks for. */
    private record PendingPost(CommandSpec spec, CommandRequest request, Instant asked) {
    }

    private final CommandHandlers handlers;
    private final JavacordChatPlatform platform;
    private final Executor slow;
    private final Executor fast;
    private final BotMetrics metrics;
    private final AtomicLong formIds = new AtomicLong(System.nanoTime());
    private final Map<String, PendingPost> pendingPosts = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PendingPost> eldest) {
                    return size() > MAX_PENDING_FORMS;
                }
            });

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
        this(handlers, platform, slow, fast, BotMetrics.none());
    }

    /**
     * Creates the listener, reporting each slash command's latency and outcome.
     *
     * @param handlers the command handlers
     * @param platform the chat platform
     * @param slow runs deferred commands
     * @param fast runs commands answered at once and autocomplete
     * @param metrics told about each slash command handled
     */
    InteractionListener(CommandHandlers handlers, JavacordChatPlatform platform, Executor slow, Executor fast,
                        BotMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
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
        if (isPostCommand(spec) && !given(interaction, CommandCatalog.TEXT_OPTION)
                && !given(interaction, CommandCatalog.IMAGE_OPTION)) {
            askForText(interaction, spec);
            return;
        }
        // Always ephemeral: a refusal must reach only the user (public answers are announced later).
        // An attached file is fetched (and an avatar kept) before the answer: that may take longer too.
        CompletableFuture<InteractionOriginalResponseUpdater> deferred = spec.deferred()
                || given(interaction, CommandCatalog.AVATAR_FILE_OPTION)
                ? interaction.respondLater(true)
                : null;
        try {
            (deferred == null ? fast : slow).execute(() -> run(interaction, spec, deferred));
        } catch (RejectedExecutionException e) {
            LOG.info("Ignoring /{}: the bot is shutting down", spec.path());
        }
    }

    private static boolean isPostCommand(CommandSpec spec) {
        return spec.path().equals("say") || spec.path().equals("npc say");
    }

    private static boolean given(SlashCommandInteraction interaction, String option) {
        return leafOptions(interaction).stream().anyMatch(o -> o.getName().equals(option));
    }

    /**
     * {@code /say} or {@code /npc say} without text: a form with a paragraph field (line breaks
     * kept, up to the longest post), answered within Discord's three seconds.
     */
    private void askForText(SlashCommandInteraction interaction, CommandSpec spec) {
        CommandRequest request;
        try {
            request = request(interaction, spec);
        } catch (CampaignKeeperException e) {
            respondNow(interaction, Reply.error(ReasonText.of(e)));
            return;
        }
        expireForms();
        String token = Long.toString(formIds.incrementAndGet(), 36);
        pendingPosts.put(token, new PendingPost(spec, request, Instant.now()));
        String title = spec.path().equals("say") ? "Speak as your character" : "Speak as an NPC";
        interaction.respondWithModal(POST_FORM + token, title, ActionRow.of(textField("What to say", null)))
                .exceptionally(failure -> {
                    pendingPosts.remove(token);
                    LOG.warn("Discord refused the form of /{}", spec.path(), failure);
                    return null;
                });
    }

    private void expireForms() {
        Instant oldest = Instant.now().minus(FORM_LIFETIME);
        synchronized (pendingPosts) {
            pendingPosts.values().removeIf(pending -> pending.asked().isBefore(oldest));
        }
    }

    private static TextInput textField(String label, String value) {
        TextInputBuilder field = new TextInputBuilder(TextInputStyle.PARAGRAPH, TEXT_FIELD, label)
                .setMinimumLength(1)
                .setMaximumLength(InputRules.MAX_TEXT_LENGTH)
                .setRequired(true);
        if (value != null) {
            field.setValue(value);
        }
        return field.build();
    }

    @Override
    public void onModalSubmit(ModalSubmitEvent event) {
        ModalInteraction interaction = event.getModalInteraction();
        String id = interaction.getCustomId();
        if (!id.startsWith(POST_FORM) && !id.startsWith(EDIT_FORM)) {
            return;
        }
        String text = interaction.getTextInputValueByCustomId(TEXT_FIELD).orElse("");
        PendingPost pending = id.startsWith(POST_FORM) ? pendingPosts.remove(id.substring(POST_FORM.length())) : null;
        if (id.startsWith(POST_FORM) && pending == null) {
            respondNow(interaction, Reply.error("This form has expired (the bot restarted, or it was open for "
                    + "more than " + FORM_LIFETIME.toMinutes() + " minutes). Copy your text and run the command "
                    + "again."));
            return;
        }
        CompletableFuture<InteractionOriginalResponseUpdater> deferred = interaction.respondLater(true);
        execute(slow, "a form", () -> {
            Reply reply;
            if (pending != null) {
                reply = handlers.handle(pending.request().withOption(CommandCatalog.TEXT_OPTION, text));
            } else {
                reply = onServer(interaction, (actor, guild) -> handlers.editPost(actor, guild,
                        MessageId.of(id.substring(EDIT_FORM.length())), text));
            }
            answerDeferred(deferred, reply);
        });
    }

    @Override
    public void onMessageContextMenuCommand(MessageContextMenuCommandEvent event) {
        MessageContextMenuInteraction interaction = event.getMessageContextMenuInteraction();
        String name = interaction.getCommandName();
        MessageId message = MessageId.of(interaction.getTarget().getId());
        if (CommandCatalog.EDIT_POST.equals(name)) {
            execute(fast, "Edit post", () -> {
                String text;
                try {
                    text = requireServer(interaction, (actor, guild) -> handlers.postToEdit(actor, guild, message));
                } catch (CampaignKeeperException e) {
                    respondNow(interaction, Reply.error(ReasonText.of(e)));
                    return;
                }
                interaction.respondWithModal(EDIT_FORM + message.value(), "Edit post",
                        ActionRow.of(textField("The post's text", text)))
                        .exceptionally(failure -> {
                            LOG.warn("Discord refused the edit form", failure);
                            return null;
                        });
            });
        } else if (CommandCatalog.DELETE_POST.equals(name)) {
            CompletableFuture<InteractionOriginalResponseUpdater> deferred = interaction.respondLater(true);
            execute(slow, "Delete post", () -> answerDeferred(deferred,
                    onServer(interaction, (actor, guild) -> handlers.deletePost(actor, guild, message))));
        }
    }

    @Override
    public void onReactionAdd(ReactionAddEvent event) {
        if (!event.getEmoji().equalsEmoji(DELETE_REACTION) || event.getUserId() == event.getApi().getYourself().getId()) {
            return;
        }
        Optional<Server> server = event.getServer();
        if (server.isEmpty()) {
            return;
        }
        long userId = event.getUserId();
        MessageId message = MessageId.of(event.getMessageId());
        execute(slow, "a reaction", () -> {
            Actor actor = event.getUser().map(user -> actor(user, server.get()))
                    .orElseGet(() -> Actor.member(UserId.of(userId)));
            handlers.deleteByReaction(actor, GuildId.of(server.get().getId()), message);
        });
    }

    /** What the message-command and form handlers need: who, in which server. */
    private interface OnServer<T> {
        T apply(Actor actor, GuildId guild);
    }

    private <T> T requireServer(InteractionBase interaction, OnServer<T> action) {
        Server server = interaction.getServer().orElseThrow(() -> new InvalidInputException(
                "Campaign Keeper's commands work in servers, not in direct messages."));
        User user = interaction.getUser();
        platform.remember(user);
        return action.apply(actor(user, server), GuildId.of(server.getId()));
    }

    private Reply onServer(InteractionBase interaction, OnServer<Reply> action) {
        try {
            return requireServer(interaction, action);
        } catch (CampaignKeeperException e) {
            return Reply.error(ReasonText.of(e));
        } catch (RuntimeException e) {
            LOG.error("A post action failed unexpectedly", e);
            return Reply.error("Something went wrong on the bot's side. The error was logged; please try again.");
        }
    }

    private static void execute(Executor executor, String what, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.info("Ignoring {}: the bot is shutting down", what);
        }
    }

    /** Answers an ephemeral deferred acknowledgement by editing it. */
    private static void answerDeferred(CompletableFuture<InteractionOriginalResponseUpdater> deferred, Reply reply) {
        try {
            InteractionOriginalResponseUpdater updater = await(deferred, "the acknowledgement");
            updater.setContent(fit(reply.text())).setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
            await(updater.update(), "the reply");
        } catch (RuntimeException e) {
            LOG.warn("Could not answer a form or message command", e);
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

    private void run(SlashCommandInteraction interaction, CommandSpec spec,
                     CompletableFuture<InteractionOriginalResponseUpdater> deferred) {
        Reply reply;
        long started = System.nanoTime();
        String outcome = "error";
        try {
            reply = handlers.handle(request(interaction, spec));
            outcome = reply.error() ? "refused" : "ok";
        } catch (CampaignKeeperException e) {
            reply = Reply.error(ReasonText.of(e));
            outcome = "refused";
        } catch (RuntimeException e) {
            LOG.error("/{} could not be read", spec.path(), e);
            reply = Reply.error("The bot could not read this command. Please try again.");
        } finally {
            metrics.commandHandled(spec.path(), Duration.ofNanos(System.nanoTime() - started), outcome);
        }
        try {
            if (deferred == null) {
                respondNow(interaction, reply);
            } else {
                respondDeferred(interaction, spec, deferred, reply);
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
            // the export file's name and size, if Discord resolved the attachment; never downloaded here
            Optional<AttachedFile> file = leafOptions(interaction).stream()
                    .filter(option -> option.getName().equals(CommandCatalog.FILE_OPTION))
                    .flatMap(option -> option.getAttachmentValue().stream())
                    .map(attachment -> new AttachedFile(attachment.getFileName(), attachment.getSize()))
                    .findFirst();
            List<Choice> choices = handlers.autocomplete(actor(interaction.getUser(), server),
                    GuildId.of(server.getId()), place(channel), interaction.getFullCommandName(),
                    focused.getName(), focused.getStringValue().orElse(""), file);
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
        User user = interaction.getUser();
        platform.remember(user);
        return new CommandRequest(actor(user, server), GuildId.of(server.getId()), place(channel),
                campaignChannelName(channel), spec.path(), options(interaction, spec));
    }

    /**
     * Where a command was run, from the channel Discord named: a text channel, a thread of one, a
     * forum post (a thread whose parent is a forum), or another kind.
     *
     * @param channel the channel
     * @return the place
     */
    static Place place(TextChannel channel) {
        ChannelId id = ChannelId.of(channel.getId());
        Optional<ServerThreadChannel> thread = channel.asServerThreadChannel();
        if (thread.isPresent()) {
            RegularServerChannel parent = thread.get().getParent();
            ChannelKind kind = parent.getType() == ChannelType.SERVER_FORUM_CHANNEL
                    ? ChannelKind.FORUM_POST : ChannelKind.THREAD;
            ThreadMetadata metadata = thread.get().getMetadata();
            return new Place(id, kind, Optional.of(ChannelId.of(parent.getId())), metadata.isArchived(),
                    metadata.isLocked());
        }
        if (channel.getType() == ChannelType.SERVER_TEXT_CHANNEL) {
            return Place.text(id);
        }
        return new Place(id, ChannelKind.OTHER, Optional.empty(), false, false);
    }

    /** The name of the channel a campaign here would belong to: a thread's parent, else the channel. */
    private static String campaignChannelName(TextChannel channel) {
        Optional<ServerThreadChannel> thread = channel.asServerThreadChannel();
        if (thread.isPresent()) {
            return thread.get().getParent().getName();
        }
        return channel.asServerChannel().map(ServerChannel::getName).orElse("");
    }

    static Actor actor(User user, Server server) {
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
                case ATTACHMENT -> option.getAttachmentValue()
                        .ifPresent(file -> values.put(option.getName(), fetch(file)));
                case FILE -> option.getAttachmentValue()
                        .ifPresent(file -> values.put(option.getName(), fetchFile(file)));
                default -> throw new IllegalStateException("unknown option type");
            }
        }
        return CommandOptions.of(values);
    }

    /**
     * Fetches an attached image so it can be uploaded again through the webhook (the interaction's
     * link is temporary). Its size is checked before, its type (by content) after fetching.
     */
    private Upload fetch(org.javacord.api.entity.Attachment file) {
        InputRules.imageSize(file.getFileName(), file.getSize());
        byte[] content = platform.fetchAttachment(file.getUrl().toString(), InputRules.MAX_IMAGE_BYTES);
        if (content == null) {
            InputRules.imageSize(file.getFileName(), InputRules.MAX_IMAGE_BYTES + 1L);
        }
        return new Upload(file.getFileName(), InputRules.imageType(file.getFileName(), content), content);
    }

    /**
     * Fetches an attached data file (an export to import). Its size is checked before fetching
     * and again while fetching; its content is read by the command.
     */
    private Upload fetchFile(org.javacord.api.entity.Attachment file) {
        CharacterImports.checkFileSize(file.getFileName(), file.getSize());
        byte[] content = platform.fetchAttachment(file.getUrl().toString(), CharacterImports.MAX_FILE_BYTES);
        if (content == null) {
            CharacterImports.checkFileSize(file.getFileName(), CharacterImports.MAX_FILE_BYTES + 1L);
        }
        return new Upload(file.getFileName(), "application/json", content);
    }

    private static List<SlashCommandInteractionOption> leafOptions(SlashCommandInteractionOptionsProvider provider) {
        List<SlashCommandInteractionOption> options = provider.getOptions();
        if (!options.isEmpty() && options.get(0).isSubcommandOrGroup()) {
            return leafOptions(options.get(0));
        }
        return options;
    }

    private static void respondNow(InteractionBase interaction, Reply reply) {
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

    /**
     * Answers a deferred command. Every command is deferred ephemerally, so a refusal reaches only
     * the user. A public answer ({@code /campaign create}, {@code join}, {@code end}) is announced
     * as a follow-up, after the ephemeral acknowledgement has been settled: Discord makes the first
     * follow-up replace a still-loading acknowledgement and keep its visibility, ignoring the
     * follow-up's own flags. The settled acknowledgement is then deleted.
     */
    private static void respondDeferred(SlashCommandInteraction interaction, CommandSpec spec,
                                        CompletableFuture<InteractionOriginalResponseUpdater> deferred,
                                        Reply reply) {
        InteractionOriginalResponseUpdater updater = await(deferred, "the acknowledgement");
        if (!reply.isPublic()) {
            updater.setContent(fit(reply.text())).setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
            Optional<Attachment> attachment = reply.attachment();
            attachment.ifPresent(file -> updater.addAttachment(file.bytes(), file.fileName()));
            await(updater.update(), "the reply");
            return;
        }
        updater.setContent(ANNOUNCED).setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
        await(updater.update(), "the acknowledgement");
        var announcement = interaction.createFollowupMessageBuilder()
                .setContent(fit(reply.text()))
                .setAllowedMentions(JavacordChatPlatform.NO_MENTIONS);
        reply.attachment().ifPresent(file -> announcement.addAttachment(file.bytes(), file.fileName()));
        await(announcement.send(), "the announcement of /" + spec.path());
        updater.delete().exceptionally(failure -> {
            LOG.debug("Could not delete the settled acknowledgement", failure);
            return null;
        });
    }

    /**
     * Waits for a reply future, at most {@link #REPLY_TIMEOUT}: a stuck reply must not hold a worker
     * (and with it every other deferred command) forever.
     */
    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new IllegalStateException("Discord did not take " + what + " within "
                    + REPLY_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Discord refused " + what, e.getCause());
        }
    }

    private static String fit(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
