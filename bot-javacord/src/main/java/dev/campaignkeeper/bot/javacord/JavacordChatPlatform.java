package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.ChatPlatform;
import dev.campaignkeeper.core.port.Posted;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.port.WebhookTarget;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.permission.RoleBuilder;
import org.javacord.api.entity.permission.RoleTags;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's chat platform on Discord through Javacord: roles, channel webhooks and posts as a
 * character or NPC.
 *
 * <p>Every message sent disables all mentions ({@link #NO_MENTIONS}); Javacord 3.8.0 has no
 * API-wide default, so each builder sets it. Calls block the calling worker thread (never a
 * Javacord event thread) until Discord answers; Javacord waits out rate limits.
 *
 * <p>Webhooks (create, delete, posts into channels, threads and new forum posts, edits and
 * deletions of posts) go through {@link WebhookClient}, not Javacord: Javacord 3.8.0 can do none
 * of the thread and edit work, and its rate limiter would hold interaction replies back during a
 * global 429 on a webhook. Roles stay on Javacord.
 *
 * <p>Webhook tokens are never stored: a webhook created in this run is remembered in memory, and
 * one created in an earlier run is found again by listing the channel's webhooks.
 */
@Singleton
public final class JavacordChatPlatform implements ChatPlatform {

    /** No {@code @everyone}, {@code @here}, role, user or reply ping. */
    public static final AllowedMentions NO_MENTIONS = new AllowedMentionsBuilder()
            .setMentionEveryoneAndHere(false)
            .setMentionRoles(false)
            .setMentionUsers(false)
            .setMentionRepliedUser(false)
            .build();

    static final String MANAGE_ROLES = "Manage Roles";
    static final String MANAGE_WEBHOOKS = "Manage Webhooks";
    static final String MANAGE_MESSAGES = "Manage Messages";
    private static final String AUDIT_REASON = "Campaign Keeper";
    private static final int MAX_REMEMBERED_USERS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JavacordChatPlatform.class);

    private final DiscordConnection connection;
    private final BotMetrics metrics;
    private final DiscordCalls calls;
    private final WebhookClient webhookClient;
    private final AttachmentLinks links;
    private final Map<Long, WebhookClient.Hook> webhooks = new ConcurrentHashMap<>();
    private final Map<Long, User> users = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, User> eldest) {
            return size() > MAX_REMEMBERED_USERS;
        }
    });

    /**
     * Creates the platform.
     *
     * @param connection the Discord connection, set at login
     * @param config token and timeouts
     * @param customizer the network seam, applied to the webhook client's HTTP client too
     * @param clock the time, to tell when a kept avatar's signed link must be refreshed
     */
    public JavacordChatPlatform(DiscordConnection connection, JavacordConfig config,
                                DiscordApiBuilderCustomizer customizer, Clock clock) {
        this(connection, config, customizer, clock, BotMetrics.none());
    }

    /**
     * Creates the platform, reporting Discord calls and webhook posts.
     *
     * @param connection the Discord connection, set at login
     * @param config token and timeouts
     * @param customizer the network seam, applied to the webhook client's HTTP client too
     * @param clock the time, to tell when a kept avatar's signed link must be refreshed
     * @param metrics told about each Discord call and webhook post
     */
    @Inject
    public JavacordChatPlatform(DiscordConnection connection, JavacordConfig config,
                                DiscordApiBuilderCustomizer customizer, Clock clock, BotMetrics metrics) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.calls = new DiscordCalls(config.requestTimeout(), DiscordCalls.RATE_LIMIT_PAUSE, metrics);
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .callTimeout(config.requestTimeout())
                .readTimeout(config.requestTimeout())
                .addInterceptor(new RestMetricsInterceptor(metrics));
        customizer.customizeHttp(http);
        this.webhookClient = new WebhookClient(http.build(), WebhookClient.DEFAULT_API, config.token(),
                config.requestTimeout());
        this.links = new AttachmentLinks(webhookClient::refreshUrls, clock);
    }

    /**
     * Remembers a user seen in an interaction (the most recent ten thousand), so role changes for
     * them need no extra lookup.
     *
     * @param user the user
     */
    public void remember(User user) {
        users.put(user.getId(), user);
    }

    @Override
    public RoleId createRole(GuildId guild, String name) {
        Server server = server(guild);
        Role role = calls.call(MANAGE_ROLES, "create the role \"" + name + "\"",
                () -> new RoleBuilder(server).setName(name).setMentionable(false).setAuditLogReason(AUDIT_REASON)
                        .create());
        LOG.info("Created role {} ({}) in guild {}", role.getId(), name, guild);
        return RoleId.of(role.getId());
    }

    @Override
    public void deleteRole(GuildId guild, RoleId role) {
        Server server = server(guild);
        Role found = role(server, role);
        try {
            calls.call(MANAGE_ROLES, "delete the role \"" + found.getName() + "\"", () -> found.delete(AUDIT_REASON));
        } catch (MissingPermissionException refused) {
            throw hierarchyOr(server, found, refused);
        }
        LOG.info("Deleted role {} in guild {}", role, guild);
    }

    @Override
    public void addRole(GuildId guild, UserId user, RoleId role) {
        changeMember(guild, user, role, "give", Server::addRoleToUser);
    }

    @Override
    public void removeRole(GuildId guild, UserId user, RoleId role) {
        changeMember(guild, user, role, "take away", Server::removeRoleFromUser);
    }

    /** One of Javacord's {@code Server} calls that give or take a member's role. */
    private interface MemberRoleChange {
        CompletableFuture<Void> apply(Server server, User user, Role role, String reason);
    }

    private void changeMember(GuildId guild, UserId user, RoleId role, String verb, MemberRoleChange change) {
        Server server = server(guild);
        Role found = role(server, role);
        User member = user(user);
        try {
            calls.call(MANAGE_ROLES, verb + " the role \"" + found.getName() + "\"",
                    () -> change.apply(server, member, found, AUDIT_REASON));
        } catch (MissingPermissionException refused) {
            throw hierarchyOr(server, found, refused);
        }
    }

    /**
     * Tells a refusal caused by the role hierarchy from a missing Manage Roles permission: Discord
     * answers both with 403 (50013), but a bot that holds Manage Roles can only be refused because
     * the role is not below its own highest role.
     */
    private RuntimeException hierarchyOr(Server server, Role role, MissingPermissionException refused) {
        long self = connection.api().getYourself().getId();
        Optional<Role> botRole = server.getRoles().stream()
                .filter(candidate -> candidate.getRoleTags().flatMap(RoleTags::getBotId).orElse(0L) == self)
                .findFirst();
        boolean mayManageRoles = botRole.map(own -> own.getPermissions().getState(PermissionType.MANAGE_ROLES)
                == PermissionState.ALLOWED || own.getPermissions().getState(PermissionType.ADMINISTRATOR)
                == PermissionState.ALLOWED).orElse(false);
        if (!mayManageRoles || botRole.get().getPosition() > role.getPosition()) {
            return refused;
        }
        PlatformException hierarchy = new PlatformException("The bot's role is not above the role \""
                + role.getName() + "\", so Discord does not let it give or take that role. A server admin can "
                + "drag the bot's role (\"" + botRole.get().getName() + "\") above it in Server Settings → Roles; "
                + "then try again.");
        hierarchy.initCause(refused);
        return hierarchy;
    }

    @Override
    public WebhookId createWebhook(GuildId guild, ChannelId channel, String name) {
        WebhookClient.Hook hook = webhookClient.create(Long.parseUnsignedLong(channel.value()), name, AUDIT_REASON);
        webhooks.put(hook.id(), hook);
        LOG.info("Created webhook {} in channel {} of guild {}", hook.id(), channel, guild);
        return WebhookId.of(hook.id());
    }

    @Override
    public void deleteWebhook(GuildId guild, WebhookId webhook) {
        long id = Long.parseUnsignedLong(webhook.value());
        webhooks.remove(id);
        webhookClient.delete(id, AUDIT_REASON);
        LOG.info("Deleted webhook {} in guild {}", webhook, guild);
    }

    @Override
    public Posted post(GuildId guild, WebhookTarget target, String displayName, Optional<String> avatarUrl,
                       String text, List<Upload> files) {
        avatarUrl.ifPresent(JavacordChatPlatform::checkUrl);
        WebhookClient.Hook hook = hook(target);
        Optional<String> avatar = avatarUrl.map(links::usable);
        try {
            WebhookClient.Message saved = webhookClient.execute(hook, thread(target), target.newThreadName(),
                    displayName, avatar, text, files);
            metrics.webhookPost(true);
            return new Posted(MessageId.of(saved.id()), ChannelId.of(saved.channelId()), saved.attachmentUrls());
        } catch (PlatformNotFoundException gone) {
            metrics.webhookPost(false);
            if (target.thread().isEmpty()) {
                webhooks.remove(hook.id());
            }
            throw gone;
        } catch (RuntimeException failed) {
            metrics.webhookPost(false);
            throw failed;
        }
    }

    /**
     * Sends a direct message with mentions disabled. Discord refuses (403) when the user does not
     * accept direct messages from the server's members; that surfaces as a platform failure.
     */
    @Override
    public void sendDirectMessage(GuildId guild, UserId user, String text) {
        User recipient = user(user);
        calls.call("Send Messages", "send a direct message to " + user,
                () -> new MessageBuilder().setContent(text).setAllowedMentions(NO_MENTIONS).send(recipient));
        LOG.info("Sent a direct message to {} about guild {}", user, guild);
    }

    /**
     * Keeps an image in a direct message from the bot to its uploader, which the bot owns and only
     * they see (a GM's NPC avatar is not shown to the players before it is used), and returns the
     * attachment's lasting link ({@link AttachmentLinks}). Discord refuses when the member does not
     * accept direct messages from the server's members; the message says what to do.
     */
    @Override
    public String keepImage(GuildId guild, UserId owner, String caption, Upload image) {
        User recipient = user(owner);
        Message sent;
        try {
            sent = calls.call("Send Messages", "send you the avatar image in a direct message",
                    () -> new MessageBuilder().setContent(caption).setAllowedMentions(NO_MENTIONS)
                            .addAttachment(image.content(), image.fileName()).send(recipient));
        } catch (MissingPermissionException refused) {
            PlatformException explained = new PlatformException("The bot keeps an uploaded avatar in a direct "
                    + "message to you, but Discord did not let it send you one. Allow direct messages from this "
                    + "server's members (the server's Privacy Settings) and try again, or give the avatar as a link.");
            explained.initCause(refused);
            throw explained;
        }
        String url = sent.getAttachments().stream().findFirst()
                .map(attachment -> attachment.getUrl().toString())
                .orElseThrow(() -> new PlatformException("Discord took the avatar image but kept no file of it. "
                        + "Try again, or give the avatar as a link."));
        LOG.info("Kept an avatar image for {} of guild {} in message {}", owner, guild, sent.getId());
        return links.remember(url);
    }

    @Override
    public void editPost(GuildId guild, WebhookTarget target, MessageId message, String text) {
        webhookClient.edit(hook(target), thread(target), Long.parseUnsignedLong(message.value()), text);
    }

    @Override
    public void deletePost(GuildId guild, WebhookTarget target, MessageId message) {
        webhookClient.deleteMessage(hook(target), thread(target), Long.parseUnsignedLong(message.value()));
    }

    /** Deletes a member's message that was reposted through proxy tags (needs Manage Messages). */
    @Override
    public void deleteMessage(GuildId guild, ChannelId channel, MessageId message) {
        webhookClient.deleteChannelMessage(Long.parseUnsignedLong(channel.value()),
                Long.parseUnsignedLong(message.value()), AUDIT_REASON + ": reposted as a character");
    }

    /**
     * Reads a member's message as Discord has it now (for proxy tags: the latest edit, or gone).
     *
     * @param channel the channel or thread
     * @param message the message
     * @return the message, or empty if it no longer exists
     */
    Optional<WebhookClient.ChannelMessage> fetchMessage(long channel, long message) {
        return webhookClient.fetchMessage(channel, message);
    }

    /**
     * Fetches a file attached to an interaction, through the same HTTP client as the webhook posts.
     *
     * @param url the attachment's link
     * @param maxBytes the most bytes to accept
     * @return the bytes, or null if the file is larger than {@code maxBytes}
     */
    byte[] fetchAttachment(String url, int maxBytes) {
        return webhookClient.download(url, maxBytes);
    }

    private static Optional<Long> thread(WebhookTarget target) {
        return target.thread().map(thread -> Long.parseUnsignedLong(thread.value()));
    }

    private WebhookClient.Hook hook(WebhookTarget target) {
        long id = Long.parseUnsignedLong(target.webhook().value());
        WebhookClient.Hook cached = webhooks.get(id);
        if (cached != null) {
            return cached;
        }
        WebhookClient.Hook found = webhookClient.list(Long.parseUnsignedLong(target.channel().value())).stream()
                .filter(candidate -> candidate.id() == id)
                .findFirst()
                .orElseThrow(() -> new PlatformNotFoundException(
                        "The campaign's webhook " + id + " no longer exists in this channel."));
        webhooks.put(id, found);
        return found;
    }

    private Server server(GuildId guild) {
        long guildId = Long.parseUnsignedLong(guild.value());
        return connection.api(guildId).getServerById(guildId)
                .orElseThrow(() -> new PlatformNotFoundException("The bot is not a member of the server " + guild
                        + " (any more)."));
    }

    private Role role(Server server, RoleId role) {
        return server.getRoleById(Long.parseUnsignedLong(role.value()))
                .orElseThrow(() -> new PlatformNotFoundException("The role " + role + " no longer exists on "
                        + "the server."));
    }

    private User user(UserId user) {
        long id = Long.parseUnsignedLong(user.value());
        User known = users.get(id);
        if (known != null) {
            return known;
        }
        DiscordApi api = connection.api();
        return api.getCachedUserById(id)
                .orElseGet(() -> calls.call("View Members", "look up the user " + user, () -> api.getUserById(id)));
    }

    private static void checkUrl(String avatarUrl) {
        try {
            URI.create(avatarUrl).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new InvalidInputException("The avatar URL \"" + avatarUrl + "\" is not a valid link.");
        }
    }
}
