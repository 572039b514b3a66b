package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.ProxyReadiness;
import dev.campaignkeeper.bot.command.ReasonText;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import dev.campaignkeeper.core.usecase.ProxyService;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.RegularServerChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.permission.RoleTags;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.message.MessageCreateEvent;
import org.javacord.api.listener.message.MessageCreateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxy tags on Discord: the listener that reposts tagged messages of members as their characters
 * (and the GM's as NPCs), and the {@link ProxyReadiness} the settings command asks.
 *
 * <p>The flow of one message ({@link #onMessageCreate}, on Javacord's event thread, then on a
 * worker, one message at a time per channel so reposts keep the order they were written in):
 *
 * <ol>
 *   <li>Ignored at once, on the event thread: messages of bots and webhooks (ours and other proxy
 *       bots': never a loop), direct messages, empty messages. Then, on a worker: channels that are
 *       neither a campaign's channel nor one of its threads or forum posts, campaigns with proxy tags
 *       off, and messages no tag matches (the core decides), with no Discord call.
 *   <li>Without Manage Messages in the channel, the message is left alone (a repost the bot could
 *       not follow by deleting the original would show it twice); the GM is told once per campaign
 *       per run, by direct message, and the log says so.
 *   <li>The message is read again from Discord: gone means someone (its author, a moderator, another
 *       proxy bot) deleted it first, and nothing is posted; otherwise its latest text is used, so an
 *       edit made before the bot got to it counts. Its files are fetched for re-upload.
 *   <li>{@link ProxyService#repost} posts through the campaign's webhook, as {@code /say} does,
 *       then deletes the original; if the original vanished meanwhile, the repost is taken back.
 *   <li>A failure (rate limit past the budget, Discord error, a text too long) leaves the original
 *       as it is, and its author gets a direct message saying why.
 * </ol>
 */
@Singleton
public final class ProxySupport implements ProxyReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(ProxySupport.class);
    /** The most bytes of files the bot fetches to re-upload with one message. */
    static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

    /** Whether the gateway connection carries message text. */
    enum Intent {
        /** Not asked for ({@code --message-content} not given). */
        NOT_REQUESTED,
        /** Asked for, but Discord refused it (close code 4014: not enabled in the Developer Portal). */
        REFUSED,
        /** Asked for and granted. */
        GRANTED
    }

    private final Provider<CampaignKeeper> keeper;
    private final Provider<CampaignStore> store;
    private final JavacordChatPlatform platform;
    private final DiscordConnection connection;
    private final Set<ChannelId> warnedCampaigns = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<Void>> channelQueues = new ConcurrentHashMap<>();
    private volatile Intent intent = Intent.NOT_REQUESTED;

    /**
     * Creates the proxy support.
     *
     * @param keeper the use cases
     * @param store the campaign store (for the quick "is this a campaign with proxy tags on" check)
     * @param platform the chat platform (reads and deletes members' messages, fetches files)
     * @param connection the Discord connection, for channel permissions
     */
    @Inject
    public ProxySupport(Provider<CampaignKeeper> keeper, Provider<CampaignStore> store,
                        JavacordChatPlatform platform, DiscordConnection connection) {
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Records what became of the Message Content intent at login. */
    void intent(Intent state) {
        this.intent = Objects.requireNonNull(state, "state");
    }

    /** @return what became of the Message Content intent at login */
    Intent intent() {
        return intent;
    }

    /** Why proxy tags cannot work at all, if they cannot: the intent. */
    Optional<String> intentProblem() {
        return switch (intent) {
            case GRANTED -> Optional.empty();
            case NOT_REQUESTED -> Optional.of("Proxy tags cannot work yet: the bot runs without Discord's Message "
                    + "Content intent, so it cannot read the tags. Whoever runs the bot must switch on \"Message "
                    + "Content Intent\" on the bot's page in the Discord Developer Portal and start the bot with "
                    + "--message-content (CAMPAIGN_MESSAGE_CONTENT=true). Until then, tagged messages stay as "
                    + "they are.");
            case REFUSED -> Optional.of("Proxy tags cannot work yet: Discord refused the bot's Message Content "
                    + "intent, because it is not switched on for this bot. Whoever runs the bot must switch on "
                    + "\"Message Content Intent\" on the bot's page in the Discord Developer Portal and restart "
                    + "the bot. Until then, tagged messages stay as they are.");
        };
    }

    @Override
    public Optional<String> problem(GuildId guild, ChannelId campaignChannel) {
        Optional<String> problem = intentProblem();
        if (problem.isPresent()) {
            return problem;
        }
        return manageMessagesProblem(guild, campaignChannel);
    }

    /** Why the bot cannot delete members' messages in a campaign's channel, if it cannot. */
    private Optional<String> manageMessagesProblem(GuildId guild, ChannelId campaignChannel) {
        long guildId = Long.parseUnsignedLong(guild.value());
        DiscordApi api;
        try {
            api = connection.api(guildId);
        } catch (RuntimeException notConnected) {
            return Optional.empty();
        }
        Optional<RegularServerChannel> channel = api.getRegularServerChannelById(
                Long.parseUnsignedLong(campaignChannel.value()));
        if (channel.isEmpty() || mayManageMessages(channel.get(), api.getYourself())) {
            return Optional.empty();
        }
        return Optional.of("The bot lacks the Manage Messages permission in #" + channel.get().getName()
                + ", so it cannot delete a tagged message once it reposted it, and leaves tagged messages as they "
                + "are. A server admin can give the bot's role Manage Messages in that channel (Edit Channel → "
                + "Permissions).");
    }

    /**
     * Whether the bot may delete others' messages in a channel. Javacord's own permission check needs
     * the bot's member roles in its cache, which it does not keep with the user cache off; so the bot's
     * roles are its managed role (tagged with its id) and any cached ones, plus {@code @everyone}, and
     * the channel's overwrites for them are applied as Discord does (everyone's, then the roles').
     */
    private static boolean mayManageMessages(RegularServerChannel channel, User self) {
        Server server = channel.getServer();
        Set<Long> cached = new java.util.HashSet<>();
        self.getRoles(server).forEach(role -> cached.add(role.getId()));
        List<Role> roles = server.getRoles().stream()
                .filter(role -> role.isEveryoneRole() || cached.contains(role.getId())
                        || role.getRoleTags().flatMap(RoleTags::getBotId).orElse(0L) == self.getId())
                .toList();
        if (server.isOwner(self) || roles.stream().anyMatch(role -> allowed(role.getPermissions(),
                PermissionType.ADMINISTRATOR))) {
            return true;
        }
        boolean may = roles.stream().anyMatch(role -> allowed(role.getPermissions(), PermissionType.MANAGE_MESSAGES));
        for (Role role : roles) {
            if (role.isEveryoneRole()) {
                PermissionState state = channel.getOverwrittenPermissions(role).getState(PermissionType.MANAGE_MESSAGES);
                may = state == PermissionState.ALLOWED || (may && state != PermissionState.DENIED);
            }
        }
        boolean roleAllows = false;
        boolean roleDenies = false;
        for (Role role : roles) {
            if (!role.isEveryoneRole()) {
                PermissionState state = channel.getOverwrittenPermissions(role).getState(PermissionType.MANAGE_MESSAGES);
                roleAllows |= state == PermissionState.ALLOWED;
                roleDenies |= state == PermissionState.DENIED;
            }
        }
        return roleAllows || (may && !roleDenies);
    }

    private static boolean allowed(org.javacord.api.entity.permission.Permissions permissions, PermissionType type) {
        return permissions.getState(type) == PermissionState.ALLOWED;
    }

    /**
     * Logs, once at start, whether proxy tags can work: the intent, and every campaign with proxy
     * tags on whose channel lacks Manage Messages.
     */
    void reportAtStart() {
        Optional<String> problem = intentProblem();
        if (problem.isPresent()) {
            LOG.warn("{}", problem.get());
            return;
        }
        LOG.info("Proxy tags: the Message Content intent is granted; tagged messages are reposted in campaigns "
                + "that switched proxy tags on");
        for (GuildId guild : store.get().guilds()) {
            for (Campaign campaign : store.get().guild(guild).campaigns()) {
                if (campaign.settings().proxyTags()) {
                    manageMessagesProblem(guild, campaign.channel()).ifPresent(missing ->
                            LOG.warn("Campaign {} in guild {}: {}", campaign.channel(), guild, missing));
                }
            }
        }
    }

    /**
     * The listener to attach to each shard; its work runs on {@code workers}.
     *
     * @param workers where reposts run (never Javacord's event threads)
     * @return the listener
     */
    MessageCreateListener listener(Executor workers) {
        Objects.requireNonNull(workers, "workers");
        return event -> onMessageCreate(event, workers);
    }

    private void onMessageCreate(MessageCreateEvent event, Executor workers) {
        Message message = event.getMessage();
        if (!message.getAuthor().isRegularUser() || message.getAuthor().isWebhook()) {
            return;
        }
        Optional<Server> server = event.getServer();
        Optional<User> author = message.getAuthor().asUser();
        if (server.isEmpty() || author.isEmpty()
                || (message.getContent().isEmpty() && message.getAttachments().isEmpty())) {
            return;
        }
        TextChannel channel = event.getChannel();
        Place place = InteractionListener.place(channel);
        Actor actor = InteractionListener.actor(author.get(), server.get());
        GuildId guild = GuildId.of(server.get().getId());
        String content = message.getContent();
        boolean files = !message.getAttachments().isEmpty();
        long channelId = channel.getId();
        long messageId = message.getId();
        // everything that reads the store runs on a worker, never on Javacord's event thread
        Runnable work = () -> {
            Optional<Campaign> campaign = store.get().guild(guild).campaign(place.campaignChannel());
            if (campaign.isEmpty() || !campaign.get().settings().proxyTags()
                    || keeper.get().proxy().decide(actor, guild, place, content, files).isEmpty()) {
                return;
            }
            proxy(actor, guild, campaign.get(), place, channelId, messageId);
        };
        try {
            CompletableFuture<Void> queued = channelQueues.compute(channelId, (id, tail) ->
                    (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                            .thenRunAsync(work, workers)
                            .exceptionally(failure -> {
                                LOG.warn("Proxying message {} failed", messageId, failure);
                                return null;
                            }));
            queued.whenComplete((done, failure) -> channelQueues.remove(channelId, queued));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.debug("Not proxying message {}: the bot is stopping", messageId);
        }
    }

    private void proxy(Actor actor, GuildId guild, Campaign campaign, Place place, long channelId, long messageId) {
        Optional<String> missing = manageMessagesProblem(guild, campaign.channel());
        if (missing.isPresent()) {
            LOG.debug("Message {} in channel {} left as it is: Manage Messages is missing", messageId, channelId);
            tellGmOnce(guild, campaign, missing.get());
            return;
        }
        try {
            Optional<WebhookClient.ChannelMessage> latest = platform.fetchMessage(channelId, messageId);
            if (latest.isEmpty()) {
                LOG.info("Message {} was deleted before the bot reposted it; nothing posted", messageId);
                return;
            }
            Optional<List<Upload>> files = files(latest.get());
            if (files.isEmpty()) {
                tellAuthor(guild, actor, place, "its files are too large for the bot to post again (at most "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB together).");
                return;
            }
            Optional<String> replyLine = latest.get().replyTo().map(reply -> "-# ↪ https://discord.com/channels/"
                    + guild.value() + "/" + Long.toUnsignedString(reply[0]) + "/" + Long.toUnsignedString(reply[1]));
            ProxyService.Result result = keeper.get().proxyMessage(actor, guild, new ProxyService.ProxyMessage(
                    place, MessageId.of(messageId), latest.get().content(), files.get(), replyLine));
            LOG.debug("Message {} in channel {}: {}", messageId, channelId, result.outcome());
        } catch (MissingPermissionException refused) {
            LOG.warn("Could not repost message {} in campaign {}: {}", messageId, campaign.channel(),
                    refused.getMessage());
            tellGmOnce(guild, campaign, manageMessagesProblem(guild, campaign.channel()).orElse(
                    "Discord did not let the bot delete a tagged message in the campaign's channel (Manage Messages "
                            + "is missing there, or in one of its threads), so it leaves tagged messages as they are."));
        } catch (CampaignKeeperException failed) {
            LOG.info("Message {} in channel {} was not reposted: {}", messageId, channelId, failed.getMessage());
            tellAuthor(guild, actor, place, ReasonText.of(failed));
        }
    }

    /** The message's files, fetched; empty when they are too large together. */
    private Optional<List<Upload>> files(WebhookClient.ChannelMessage message) {
        long total = message.attachments().stream().mapToLong(WebhookClient.Attachment::size).sum();
        if (total > MAX_FILE_BYTES) {
            return Optional.empty();
        }
        List<Upload> files = new ArrayList<>();
        for (WebhookClient.Attachment attachment : message.attachments()) {
            byte[] content = platform.fetchAttachment(attachment.url(), (int) MAX_FILE_BYTES);
            if (content == null) {
                return Optional.empty();
            }
            files.add(new Upload(attachment.fileName().isBlank() ? "file" : attachment.fileName(),
                    attachment.contentType(), content));
        }
        return Optional.of(List.copyOf(files));
    }

    private void tellGmOnce(GuildId guild, Campaign campaign, String problem) {
        if (!warnedCampaigns.add(campaign.channel())) {
            return;
        }
        LOG.warn("Campaign {} in guild {}: {}", campaign.channel(), guild, problem);
        try {
            platform.sendDirectMessage(guild, campaign.gm(), "Proxy tags in your campaign \"" + campaign.name()
                    + "\": " + problem);
        } catch (RuntimeException e) {
            LOG.info("Could not tell the GM of campaign {} by direct message: {}", campaign.channel(), e.getMessage());
        }
    }

    private void tellAuthor(GuildId guild, Actor author, Place place, String why) {
        try {
            platform.sendDirectMessage(guild, author.user(), "Your message in <#" + place.channel().value()
                    + "> was not reposted as your character: " + why + " It is still there, as you wrote it.");
        } catch (RuntimeException e) {
            LOG.info("Could not tell {} why their message was not reposted: {}", author.user(), e.getMessage());
        }
    }
}
