package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.ChatPlatform;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.WebhookMessageBuilder;
import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.permission.RoleBuilder;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.entity.webhook.IncomingWebhook;
import org.javacord.api.entity.webhook.WebhookBuilder;
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
    private static final String AUDIT_REASON = "Campaign Keeper";
    private static final int MAX_REMEMBERED_USERS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JavacordChatPlatform.class);

    private final DiscordConnection connection;
    private final DiscordCalls calls;
    private final Map<Long, IncomingWebhook> webhooks = new ConcurrentHashMap<>();
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
     * @param config timeouts
     */
    @Inject
    public JavacordChatPlatform(DiscordConnection connection, JavacordConfig config) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.calls = new DiscordCalls(config.requestTimeout());
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
        Role found = role(server(guild), role);
        calls.call(MANAGE_ROLES, "delete the role \"" + found.getName() + "\"", () -> found.delete(AUDIT_REASON));
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
        calls.call(MANAGE_ROLES, verb + " the role \"" + found.getName() + "\"",
                () -> change.apply(server, member, found, AUDIT_REASON));
    }

    @Override
    public WebhookId createWebhook(GuildId guild, ChannelId channel, String name) {
        ServerTextChannel textChannel = channel(guild, channel);
        IncomingWebhook webhook = calls.call(MANAGE_WEBHOOKS, "create a webhook in this channel",
                () -> new WebhookBuilder(textChannel).setName(name).setAuditLogReason(AUDIT_REASON).create());
        webhooks.put(webhook.getId(), webhook);
        LOG.info("Created webhook {} in channel {} of guild {}", webhook.getId(), channel, guild);
        return WebhookId.of(webhook.getId());
    }

    @Override
    public void deleteWebhook(GuildId guild, WebhookId webhook) {
        long id = Long.parseUnsignedLong(webhook.value());
        IncomingWebhook cached = webhooks.remove(id);
        if (cached != null) {
            calls.call(MANAGE_WEBHOOKS, "delete the campaign's webhook", () -> cached.delete(AUDIT_REASON));
        } else {
            DiscordApi api = connection.api();
            calls.call(MANAGE_WEBHOOKS, "delete the campaign's webhook",
                    () -> api.getWebhookById(id).thenCompose(found -> found.delete(AUDIT_REASON)));
        }
        LOG.info("Deleted webhook {} in guild {}", webhook, guild);
    }

    @Override
    public void postAs(GuildId guild, ChannelId channel, WebhookId webhook, String displayName,
                       Optional<String> avatarUrl, String text) {
        long id = Long.parseUnsignedLong(webhook.value());
        IncomingWebhook target = webhook(guild, channel, id);
        WebhookMessageBuilder message = new WebhookMessageBuilder()
                .setContent(text)
                .setDisplayName(displayName)
                .setAllowedMentions(NO_MENTIONS);
        avatarUrl.map(JavacordChatPlatform::url).ifPresent(message::setDisplayAvatar);
        try {
            calls.call(MANAGE_WEBHOOKS, "post as " + displayName, () -> message.sendSilently(target));
        } catch (PlatformNotFoundException gone) {
            webhooks.remove(id);
            throw gone;
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

    private IncomingWebhook webhook(GuildId guild, ChannelId channel, long id) {
        IncomingWebhook cached = webhooks.get(id);
        if (cached != null) {
            return cached;
        }
        ServerTextChannel textChannel = channel(guild, channel);
        IncomingWebhook found = calls.call(MANAGE_WEBHOOKS, "look up the campaign's webhook",
                        textChannel::getIncomingWebhooks)
                .stream()
                .filter(candidate -> candidate.getId() == id)
                .findFirst()
                .orElseThrow(() -> new PlatformNotFoundException(
                        "The campaign's webhook " + id + " no longer exists in this channel."));
        webhooks.put(id, found);
        return found;
    }

    private Server server(GuildId guild) {
        return connection.api().getServerById(Long.parseUnsignedLong(guild.value()))
                .orElseThrow(() -> new PlatformNotFoundException("The bot is not a member of the server " + guild
                        + " (any more)."));
    }

    private Role role(Server server, RoleId role) {
        return server.getRoleById(Long.parseUnsignedLong(role.value()))
                .orElseThrow(() -> new PlatformNotFoundException("The role " + role + " no longer exists on "
                        + "the server."));
    }

    private ServerTextChannel channel(GuildId guild, ChannelId channel) {
        return server(guild).getTextChannelById(Long.parseUnsignedLong(channel.value()))
                .orElseThrow(() -> new PlatformNotFoundException("The channel " + channel + " is not a text "
                        + "channel the bot can see."));
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

    private static URL url(String avatarUrl) {
        try {
            return URI.create(avatarUrl).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new InvalidInputException("The avatar URL \"" + avatarUrl + "\" is not a valid link.");
        }
    }
}
