package dev.campaignkeeper.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.Protocol;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.core.util.gateway.DiscordWebSocketAdapter;

/**
 * A fake Discord on loopback for the unmodified Javacord 3.8.0 client.
 *
 * <p>Javacord's REST base URL is fixed to {@code https://discord.com/api/v10}; {@link #configure} makes
 * the client send every REST call through this fake as an HTTPS-intercepting proxy (the fake's
 * certificate names {@code discord.com}, signed by a throw-away root the client trusts via
 * trust-all), and points the gateway at a plain {@code ws://127.0.0.1} server. The fake keeps one guild
 * with its channels, members, roles and webhooks in memory, answers the endpoints in {@link Endpoint}
 * from that state (and pushes the matching gateway events), records every call, and can fail the next
 * call to an endpoint with an injected {@link Fault}.
 *
 * <p>Always {@link #close()} it after disconnecting the client.
 */
public final class FakeDiscord implements AutoCloseable {

    /** Discord's epoch for snowflakes. */
    static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** Permission bit: administrator. */
    public static final long ADMINISTRATOR = 1L << 3;
    /** Permission bit: manage roles. */
    public static final long MANAGE_ROLES = 1L << 28;
    /** Permission bit: manage messages (delete other members' messages). */
    public static final long MANAGE_MESSAGES = 1L << 13;
    /** Permission bit: manage webhooks. */
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    private static final long VIEW_CHANNEL = 1L << 10;
    private static final long SEND_MESSAGES = 1L << 11;
    private static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | (1L << 6) | (1L << 16)
            | (1L << 31);
    private static final int EPHEMERAL = 1 << 6;
    private static final int MAX_WEBHOOKS_PER_CHANNEL = 15;
    private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");
    private static final String API = "/api/v10";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong snowflakes =
            new AtomicLong((System.currentTimeMillis() - DISCORD_EPOCH) << 22);
    private final MockWebServer rest = new MockWebServer();
    private final FakeGateway gateway;
    private final Object lock = new Object();

    private final long applicationId;
    private final FakeUser botUser;
    private final long guildId;
    private final FakeUser owner;
    private final FakeChannel defaultChannel;
    private final long botRoleId;
    private final Map<Long, FakeUser> users = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> memberRoles = new LinkedHashMap<>();
    private final Map<Long, FakeChannel> channels = new LinkedHashMap<>();
    private final Map<Long, FakeRole> roles = new LinkedHashMap<>();
    private final Map<Long, FakeWebhook> webhooks = new LinkedHashMap<>();
    private final List<WebhookPost> posts = new ArrayList<>();
    private final List<Long> deletedMessages = new ArrayList<>();
    private final Map<String, FakeAttachment> attachmentFiles = new LinkedHashMap<>();
    /** Files of messages (DMs the bot sent), by CDN path; served only through a signed, unexpired link. */
    private final Map<String, FakeAttachment> messageFiles = new LinkedHashMap<>();
    private final Set<Long> closedDms = new LinkedHashSet<>();
    private volatile Duration clockShift = Duration.ZERO;
    private final Map<Long, FakeUser> dmChannels = new LinkedHashMap<>();
    private final List<DirectMessage> directMessages = new ArrayList<>();
    private final Map<Long, FakeInteraction> interactions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> globalCommands = new LinkedHashMap<>();
    private final Map<String, ObjectNode> guildCommands = new LinkedHashMap<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<Endpoint, Deque<PendingFault>> faults = new EnumMap<>(Endpoint.class);
    private final List<Throwable> handlerErrors = new ArrayList<>();
    private final List<String> proxyFailures = new ArrayList<>();
    private final Map<Long, FakeMessage> memberMessages = new LinkedHashMap<>();
    private final List<Long> deletedMemberMessages = new ArrayList<>();
    private final Map<Endpoint, Deque<java.util.function.Consumer<RecordedCall>>> beforeCalls =
            new EnumMap<>(Endpoint.class);
    private volatile Duration interactionDeadline = Duration.ofSeconds(3);

    private FakeDiscord() {
        applicationId = nextId();
        botUser = new FakeUser(applicationId, "Campaign Keeper", true);
        guildId = nextId();
        owner = new FakeUser(nextId(), "guild-owner", false);
        users.put(botUser.id(), botUser);
        users.put(owner.id(), owner);
        roles.put(guildId, new FakeRole(guildId, "@everyone", EVERYONE_PERMISSIONS, 0, false, false, 0));
        botRoleId = nextId();
        roles.put(botRoleId, new FakeRole(botRoleId, "Campaign Keeper", VIEW_CHANNEL | SEND_MESSAGES | MANAGE_ROLES
                | MANAGE_WEBHOOKS | MANAGE_MESSAGES, 0, false, false, 2));
        memberRoles.put(botUser.id(), new LinkedHashSet<>(List.of(botRoleId)));
        memberRoles.put(owner.id(), new LinkedHashSet<>());
        defaultChannel = new FakeChannel(nextId(), "general");
        channels.put(defaultChannel.id(), defaultChannel);
        gateway = new FakeGateway(json, this::loginEvents);
    }

    /**
     * Starts a fake with one guild ("Fake Guild") owned by {@code guild-owner}, a {@code #general}
     * channel, and the bot as a member with a role allowing Manage Roles and Manage Webhooks.
     *
     * @return the running fake
     * @throws IOException if a server socket cannot be opened
     */
    public static FakeDiscord start() throws IOException {
        FakeDiscord discord = new FakeDiscord();
        try {
            discord.startServers();
        } catch (IOException | RuntimeException e) {
            discord.close();
            throw e;
        }
        return discord;
    }

    private void startServers() throws IOException {
        HeldCertificate root = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("Campaign Keeper test root")
                .build();
        HeldCertificate discordCom = new HeldCertificate.Builder()
                .commonName("discord.com")
                .addSubjectAlternativeName("discord.com")
                .signedBy(root)
                .build();
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(discordCom, root.certificate())
                .build();
        rest.useHttps(certificates.sslSocketFactory(), true);
        rest.setProtocols(List.of(Protocol.HTTP_1_1));
        rest.setDispatcher(new RestDispatcher());
        rest.start(InetAddress.getLoopbackAddress(), 0);
        gateway.start();
    }

    // ------------------------------------------------------------------ client configuration

    /**
     * Points a Javacord builder at this fake: proxy selector (REST through the fake, loopback direct),
     * trust-all certificates, and the gateway URL (a JVM-wide static in Javacord).
     *
     * @param builder the builder to configure
     */
    public void configure(DiscordApiBuilder builder) {
        builder.setProxySelector(proxySelector()).setTrustAllCertificates(true);
        DiscordWebSocketAdapter.setGateway(gatewayUrl());
    }

    /**
     * Points the bot's own webhook HTTP client at this fake, as {@link #configure(DiscordApiBuilder)}
     * does for Javacord: same proxy selector, and trust in the fake's certificate.
     *
     * @param http the client builder
     */
    public void configure(okhttp3.OkHttpClient.Builder http) {
        javax.net.ssl.X509TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, new java.security.SecureRandom());
            http.proxySelector(proxySelector())
                    .sslSocketFactory(context.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return a proxy selector sending everything but loopback through the fake, so that no request can
     *         leave the machine
     */
    public ProxySelector proxySelector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), rest.getPort()));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                if (host == null || isLoopback(host)) {
                    return List.of(Proxy.NO_PROXY);
                }
                return List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                synchronized (lock) {
                    proxyFailures.add(uri + " via " + address + ": " + failure);
                }
            }
        };
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1") || h.equals("[::1]");
    }

    /** @return the gateway URL, {@code ws://127.0.0.1:PORT/} */
    public String gatewayUrl() {
        return gateway.url();
    }

    /**
     * How long after dispatch the bot may acknowledge an interaction; later callbacks get Discord's
     * 404 Unknown interaction (10062). Discord allows three seconds, the default.
     *
     * @param deadline the new deadline
     */
    public void setInteractionDeadline(Duration deadline) {
        interactionDeadline = Objects.requireNonNull(deadline);
    }

    // ------------------------------------------------------------------ guild setup and state

    /** @return the application (and bot user) id */
    public long applicationId() {
        return applicationId;
    }

    /** @return the bot's user */
    public FakeUser botUser() {
        return botUser;
    }

    /** @return the guild id */
    public long guildId() {
        return guildId;
    }

    /** @return the guild's owner */
    public FakeUser owner() {
        return owner;
    }

    /** @return the {@code #general} channel */
    public FakeChannel defaultChannel() {
        return defaultChannel;
    }

    /**
     * Adds a member to the guild (pushes GUILD_MEMBER_ADD if a client is logged in).
     *
     * @param username the user name
     * @return the new user
     */
    public FakeUser addMember(String username) {
        FakeUser user = new FakeUser(nextId(), username, false);
        ObjectNode event;
        synchronized (lock) {
            users.put(user.id(), user);
            memberRoles.put(user.id(), new LinkedHashSet<>());
            event = memberJson(user);
            event.put("guild_id", Long.toUnsignedString(guildId));
        }
        gateway.dispatch("GUILD_MEMBER_ADD", event);
        return user;
    }

    /**
     * Adds a text channel (pushes CHANNEL_CREATE if a client is logged in).
     *
     * @param name channel name
     * @return the channel
     */
    public FakeChannel addTextChannel(String name) {
        FakeChannel channel = new FakeChannel(nextId(), name);
        ObjectNode event;
        synchronized (lock) {
            channels.put(channel.id(), channel);
            event = channelJson(channel, channels.size() - 1);
        }
        gateway.dispatch("CHANNEL_CREATE", event);
        return channel;
    }

    /**
     * Moves a role to another position, as an admin dragging it in the role list would (pushes
     * GUILD_ROLE_UPDATE). The bot's own role is at position 2.
     *
     * @param role     the role
     * @param position its new position
     * @return the role as it is now
     */
    public FakeRole moveRole(FakeRole role, int position) {
        FakeRole moved;
        ObjectNode event = json.createObjectNode();
        synchronized (lock) {
            FakeRole current = roles.get(role.id());
            moved = new FakeRole(current.id(), current.name(), current.permissions(), current.color(),
                    current.hoist(), current.mentionable(), position);
            roles.put(moved.id(), moved);
            event.put("guild_id", Long.toUnsignedString(guildId));
            event.set("role", roleJson(moved));
        }
        gateway.dispatch("GUILD_ROLE_UPDATE", event);
        return moved;
    }

    /**
     * Adds a forum channel (pushes CHANNEL_CREATE if a client is logged in).
     *
     * @param name channel name
     * @return the channel
     */
    public FakeChannel addForumChannel(String name) {
        FakeChannel channel = new FakeChannel(nextId(), name, FakeChannel.FORUM, 0, false, false);
        ObjectNode event;
        synchronized (lock) {
            channels.put(channel.id(), channel);
            event = channelJson(channel, channels.size() - 1);
        }
        gateway.dispatch("CHANNEL_CREATE", event);
        return channel;
    }

    /**
     * Adds a public thread to a text channel, or a post to a forum channel, as a member would
     * (pushes THREAD_CREATE).
     *
     * @param parent the text or forum channel
     * @param name   the thread's title
     * @return the thread
     */
    public FakeChannel addThread(FakeChannel parent, String name) {
        FakeChannel thread = new FakeChannel(nextId(), name, FakeChannel.PUBLIC_THREAD, parent.id(), false, false);
        ObjectNode event;
        synchronized (lock) {
            if (!channels.containsKey(parent.id()) || parent.isThread()) {
                throw new IllegalArgumentException(parent + " cannot have threads");
            }
            channels.put(thread.id(), thread);
            event = channelJson(thread, 0);
            event.put("newly_created", true);
        }
        gateway.dispatch("THREAD_CREATE", event);
        return thread;
    }

    /**
     * Archives, unarchives, locks or unlocks a thread, as a moderator would (pushes THREAD_UPDATE).
     *
     * @param thread   the thread
     * @param archived archived
     * @param locked   locked
     * @return the thread as it is now
     */
    public FakeChannel setThreadState(FakeChannel thread, boolean archived, boolean locked) {
        FakeChannel changed;
        ObjectNode event;
        synchronized (lock) {
            changed = channels.get(thread.id()).withState(archived, locked);
            channels.put(changed.id(), changed);
            event = channelJson(changed, 0);
        }
        gateway.dispatch("THREAD_UPDATE", event);
        return changed;
    }

    /**
     * @param id a channel or thread id
     * @return the channel as it is now, if it exists
     */
    public Optional<FakeChannel> channel(long id) {
        synchronized (lock) {
            return Optional.ofNullable(channels.get(id));
        }
    }

    /** @return the threads and forum posts, in creation order */
    public List<FakeChannel> threads() {
        synchronized (lock) {
            return channels.values().stream().filter(FakeChannel::isThread).toList();
        }
    }

    /** @return ids of webhook messages deleted, in order */
    public List<Long> deletedWebhookMessages() {
        synchronized (lock) {
            return List.copyOf(deletedMessages);
        }
    }

    /**
     * Creates a role directly, as a human admin would (pushes GUILD_ROLE_CREATE).
     *
     * @param name        role name
     * @param permissions permission bits
     * @return the role
     */
    public FakeRole createRole(String name, long permissions) {
        return createRoleInternal(name, permissions, 0, false, false);
    }

    /**
     * Gives a member a role directly, as a human admin would (pushes GUILD_MEMBER_UPDATE).
     *
     * @param user the member
     * @param role the role
     */
    public void grantRole(FakeUser user, FakeRole role) {
        ObjectNode event;
        synchronized (lock) {
            memberRoles.get(user.id()).add(role.id());
            event = memberUpdateJson(user);
        }
        gateway.dispatch("GUILD_MEMBER_UPDATE", event);
    }

    /**
     * Deletes a webhook behind the bot's back, as a human admin would; executing it afterwards gets
     * 404 Unknown Webhook (10015).
     *
     * @param webhookId the webhook
     */
    public void deleteWebhookOnDiscord(long webhookId) {
        FakeWebhook removed;
        synchronized (lock) {
            removed = webhooks.remove(webhookId);
        }
        if (removed == null) {
            throw new IllegalArgumentException("no webhook " + webhookId);
        }
        gateway.dispatch("WEBHOOKS_UPDATE", webhooksUpdateJson(removed.channelId()));
    }

    /** @return the guild's roles except {@code @everyone} and the bot's own role, in creation order */
    public List<FakeRole> createdRoles() {
        synchronized (lock) {
            return roles.values().stream().filter(r -> r.id() != guildId && r.id() != botRoleId).toList();
        }
    }

    /**
     * @param id role id
     * @return the role, if it exists
     */
    public Optional<FakeRole> role(long id) {
        synchronized (lock) {
            return Optional.ofNullable(roles.get(id));
        }
    }

    /**
     * @param name role name
     * @return the roles with that name
     */
    public List<FakeRole> rolesNamed(String name) {
        synchronized (lock) {
            return roles.values().stream().filter(r -> r.name().equals(name)).toList();
        }
    }

    /**
     * @param user a member
     * @return the member's roles (without {@code @everyone})
     */
    public List<FakeRole> rolesOf(FakeUser user) {
        synchronized (lock) {
            return memberRoles.getOrDefault(user.id(), Set.of()).stream().map(roles::get).filter(Objects::nonNull)
                    .toList();
        }
    }

    /** @return all webhooks that exist now */
    public List<FakeWebhook> webhooks() {
        synchronized (lock) {
            return List.copyOf(webhooks.values());
        }
    }

    /** @return every direct message the bot sent, in order */
    public List<DirectMessage> directMessages() {
        synchronized (lock) {
            return List.copyOf(directMessages);
        }
    }

    /**
     * The fake's clock: the real time moved on by {@link #advanceClock}. Attachment links expire by it;
     * give the bot the same clock to let it see the same time.
     *
     * @return the clock
     */
    public java.time.Clock clock() {
        return new java.time.Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(clockShift);
            }
        };
    }

    /**
     * Moves the fake's clock on, e.g. past the 24 hours an attachment link is signed for.
     *
     * @param by how far
     */
    public void advanceClock(Duration by) {
        clockShift = clockShift.plus(by);
    }

    /**
     * What Discord's CDN serves for a link now: a file attached to an interaction, or a message's file
     * behind a correctly signed link that has not expired.
     *
     * @param url the link
     * @return the bytes, empty when the CDN answers 404
     */
    public Optional<byte[]> cdnFile(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !"cdn.discordapp.com".equals(parsed.host())) {
            return Optional.empty();
        }
        synchronized (lock) {
            return Optional.ofNullable(attachmentFiles.get(parsed.encodedPath())).or(() -> signedFile(parsed))
                    .map(FakeAttachment::content);
        }
    }

    /**
     * Makes a member refuse direct messages from the server's members: the bot's DMs to them fail
     * with 403 (50007 Cannot send messages to this user).
     *
     * @param user the member
     */
    public void closeDirectMessages(FakeUser user) {
        synchronized (lock) {
            closedDms.add(user.id());
        }
    }

    /** @return every message posted through "execute webhook", in order */
    public List<WebhookPost> webhookPosts() {
        synchronized (lock) {
            return List.copyOf(posts);
        }
    }

    /** @return the registered global commands (as Discord stores them) */
    public List<JsonNode> globalCommands() {
        synchronized (lock) {
            return List.copyOf(globalCommands.values());
        }
    }

    /** @return the commands registered for the guild */
    public List<JsonNode> guildCommands() {
        synchronized (lock) {
            return List.copyOf(guildCommands.values());
        }
    }

    /** @return every REST call received, in order of completion */
    public List<RecordedCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /**
     * @param endpoint an endpoint
     * @return the calls to it
     */
    public List<RecordedCall> calls(Endpoint endpoint) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.endpoint() == endpoint).toList();
        }
    }

    /** @return calls the fake does not implement (each answered 404) */
    public List<RecordedCall> unhandledCalls() {
        return calls(Endpoint.UNHANDLED);
    }

    /**
     * Problems inside the fake itself: exceptions in its handlers, and connections the client could not
     * make through the proxy. Tests should assert this is empty.
     *
     * @return descriptions of the problems
     */
    public List<String> problems() {
        synchronized (lock) {
            List<String> all = new ArrayList<>(proxyFailures);
            handlerErrors.forEach(t -> all.add("handler error: " + t));
            return all;
        }
    }

    /** @return the tokens of every gateway IDENTIFY, in order */
    public List<String> identifiedTokens() {
        return gateway.identifiedTokens();
    }

    /** @return the shard ({@code "id/total"}, or {@code "none"}) of every gateway IDENTIFY, in order */
    public List<String> identifiedShards() {
        return gateway.identifiedShards();
    }

    /** @return how many gateway heartbeats clients sent (each acknowledged) */
    public int heartbeats() {
        return gateway.heartbeats();
    }

    /**
     * Waits for calls to an endpoint.
     *
     * @param endpoint the endpoint
     * @param count    how many calls (in total since start) to wait for
     * @param timeout  how long to wait
     * @return the calls to the endpoint
     */
    public List<RecordedCall> awaitCalls(Endpoint endpoint, int count, Duration timeout) {
        return awaitCalls(c -> c.endpoint() == endpoint, count, timeout, endpoint.toString());
    }

    /**
     * Waits until {@code condition} holds (checked whenever the fake's state changes, and at least every
     * 100 ms).
     *
     * @param condition what to wait for; called under the fake's lock
     * @param timeout   how long to wait at most
     * @param what      what is waited for, for the failure message
     */
    public void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; calls: " + calls);
                }
                try {
                    lock.wait(Math.max(1, Math.min(100, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /**
     * Waits for calls matching a condition.
     *
     * @param condition which calls count
     * @param count     how many to wait for
     * @param timeout   how long to wait
     * @param what      description for the failure message
     * @return the matching calls
     */
    public List<RecordedCall> awaitCalls(Predicate<RecordedCall> condition, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<RecordedCall> matching = calls.stream().filter(condition).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + count + " x " + what + "; calls: " + calls);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /**
     * Waits until a client has logged in through the gateway.
     *
     * @param timeout how long to wait
     */
    public void awaitLogin(Duration timeout) {
        gateway.awaitReadySession(timeout);
    }

    /**
     * Waits until every gateway connection has been closed.
     *
     * @param timeout how long to wait
     * @return whether they all closed
     */
    public boolean awaitGatewayClosed(Duration timeout) {
        return gateway.awaitAllClosed(timeout);
    }

    // ------------------------------------------------------------------ fault injection

    /**
     * Answers the next call to an endpoint with a fault instead of handling it.
     *
     * @param endpoint the endpoint
     * @param fault    the answer
     */
    public void failNext(Endpoint endpoint, Fault fault) {
        failAfter(endpoint, 0, fault);
    }

    /**
     * Lets a number of calls to an endpoint through, then answers the next one with a fault (e.g. the
     * second role creation of a campaign fails).
     *
     * @param endpoint  the endpoint
     * @param passFirst how many calls to handle normally first
     * @param fault     the answer
     */
    public void failAfter(Endpoint endpoint, int passFirst, Fault fault) {
        if (passFirst < 0) {
            throw new IllegalArgumentException("passFirst must not be negative");
        }
        synchronized (lock) {
            faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(new PendingFault(passFirst, fault));
        }
    }

    /**
     * @param endpoint an endpoint
     * @return how many injected faults for it have not been used yet
     */
    public int pendingFaults(Endpoint endpoint) {
        synchronized (lock) {
            return faults.getOrDefault(endpoint, new ArrayDeque<>()).size();
        }
    }

    private Fault takeFault(Endpoint endpoint) {
        Deque<PendingFault> queue = faults.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        PendingFault head = queue.peek();
        if (head.passesLeft > 0) {
            head.passesLeft--;
            return null;
        }
        queue.poll();
        return head.fault;
    }

    /**
     * Runs {@code action} when the next call to {@code endpoint} arrives, before the fake answers it
     * (e.g. another bot deleting a message while our bot's webhook post is in flight). The action runs
     * on the fake's HTTP thread; the call waits for it.
     *
     * @param endpoint the endpoint
     * @param action   what to do first; given the call (its status is 0, not answered yet)
     */
    public void beforeNext(Endpoint endpoint, java.util.function.Consumer<RecordedCall> action) {
        synchronized (lock) {
            beforeCalls.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(action);
        }
    }

    // ------------------------------------------------------------------ members' ordinary messages

    /**
     * A member sends an ordinary message: kept by the fake and pushed as MESSAGE_CREATE (with
     * {@code member}, {@code attachments} and {@code message_reference}) if the client asked for the
     * guild messages intent; without the Message Content intent its content arrives empty, as on Discord.
     *
     * @param author  who writes it
     * @param channel the channel or thread
     * @param content the text
     * @param files   attachments (served from the fake CDN)
     * @param replyTo the message it replies to, 0 for none
     * @return the message
     */
    public FakeMessage sendMessage(FakeUser author, FakeChannel channel, String content, List<FakeAttachment> files,
                                   long replyTo) {
        FakeMessage message;
        ObjectNode event;
        synchronized (lock) {
            if (!channels.containsKey(channel.id())) {
                throw new IllegalArgumentException("no such channel " + channel);
            }
            message = new FakeMessage(nextId(), channel.id(), author, content, files, replyTo);
            memberMessages.put(message.id(), message);
            event = memberMessageJson(message, true);
            lock.notifyAll();
        }
        dispatchMessageCreate(event);
        return message;
    }

    /**
     * A member sends a plain text message.
     *
     * @param author  who writes it
     * @param channel the channel or thread
     * @param content the text
     * @return the message
     */
    public FakeMessage sendMessage(FakeUser author, FakeChannel channel, String content) {
        return sendMessage(author, channel, content, List.of(), 0);
    }

    /**
     * The author edits a message: the fake keeps the new text and pushes MESSAGE_UPDATE.
     *
     * @param message the message
     * @param content the new text
     */
    public void editMessage(FakeMessage message, String content) {
        ObjectNode event;
        synchronized (lock) {
            FakeMessage current = memberMessages.get(message.id());
            if (current == null) {
                throw new IllegalArgumentException("message " + message.id() + " is gone");
            }
            FakeMessage edited = current.editedTo(content);
            memberMessages.put(edited.id(), edited);
            event = memberMessageJson(edited, false);
            event.put("edited_timestamp", now());
        }
        if ((gateway.lastIntents() & FakeGateway.GUILD_MESSAGES) != 0) {
            gateway.dispatch("MESSAGE_UPDATE", event);
        }
    }

    /**
     * Someone other than the bot (the author, a moderator, another proxy bot) deletes a message: gone
     * from the fake, MESSAGE_DELETE pushed.
     *
     * @param message the message
     */
    public void deleteMessageElsewhere(FakeMessage message) {
        synchronized (lock) {
            if (memberMessages.remove(message.id()) == null) {
                return;
            }
            lock.notifyAll();
        }
        dispatchMessageDelete(message.id(), message.channelId());
    }

    /**
     * Another proxy bot's webhook posts into a channel: pushed as MESSAGE_CREATE with its
     * {@code webhook_id} (the fake keeps no such webhook).
     *
     * @param channel  the channel
     * @param username the name it shows
     * @param content  the text
     */
    public void foreignWebhookPost(FakeChannel channel, String username, String content) {
        ObjectNode event;
        synchronized (lock) {
            long hookId = nextId();
            ObjectNode author = json.createObjectNode();
            author.put("id", Long.toUnsignedString(hookId));
            author.put("username", username);
            author.put("discriminator", "0000");
            author.putNull("avatar");
            author.put("bot", true);
            event = messageJson(nextId(), channel.id(), author, hookId, content, 0);
        }
        dispatchMessageCreate(event);
    }

    /**
     * @param id a message id
     * @return the member's message as the fake holds it now, if it still exists
     */
    public Optional<FakeMessage> memberMessage(long id) {
        synchronized (lock) {
            return Optional.ofNullable(memberMessages.get(id));
        }
    }

    /** @return ids of members' messages the bot deleted, in order */
    public List<Long> messagesDeletedByBot() {
        synchronized (lock) {
            return List.copyOf(deletedMemberMessages);
        }
    }

    /**
     * Sets the permissions of the bot's own role (pushes GUILD_ROLE_UPDATE).
     *
     * @param permissions the permission bits
     */
    public void setBotPermissions(long permissions) {
        ObjectNode event = json.createObjectNode();
        synchronized (lock) {
            FakeRole current = roles.get(botRoleId);
            FakeRole changed = new FakeRole(current.id(), current.name(), permissions, current.color(),
                    current.hoist(), current.mentionable(), current.position());
            roles.put(changed.id(), changed);
            event.put("guild_id", Long.toUnsignedString(guildId));
            event.set("role", roleJson(changed));
        }
        gateway.dispatch("GUILD_ROLE_UPDATE", event);
    }

    /** @return the permissions the bot's own role has now */
    public long botPermissions() {
        synchronized (lock) {
            return roles.get(botRoleId).permissions();
        }
    }

    /**
     * Makes the gateway refuse the Message Content intent with close code 4014, as Discord does when
     * it is not switched on in the Developer Portal.
     *
     * @param refuse whether to refuse it
     */
    public void refuseMessageContentIntent(boolean refuse) {
        gateway.refusePrivilegedIntents(refuse);
    }

    /** @return the close codes the gateway closed sessions with, in order */
    public List<Integer> gatewayCloseCodes() {
        return gateway.closeCodesSent();
    }

    /** @return the intents bit set of the last IDENTIFY */
    public long identifiedIntents() {
        return gateway.lastIntents();
    }

    private void dispatchMessageCreate(ObjectNode event) {
        if ((gateway.lastIntents() & FakeGateway.GUILD_MESSAGES) == 0) {
            return;
        }
        if ((gateway.lastIntents() & FakeGateway.MESSAGE_CONTENT) == 0) {
            event.put("content", "");
            event.putArray("attachments");
        }
        gateway.dispatch("MESSAGE_CREATE", event);
    }

    private void dispatchMessageDelete(long messageId, long channelId) {
        if ((gateway.lastIntents() & FakeGateway.GUILD_MESSAGES) == 0) {
            return;
        }
        ObjectNode event = json.createObjectNode();
        event.put("id", Long.toUnsignedString(messageId));
        event.put("channel_id", Long.toUnsignedString(channelId));
        event.put("guild_id", Long.toUnsignedString(guildId));
        gateway.dispatch("MESSAGE_DELETE", event);
    }

    /** A member's message as Discord sends it; {@code withMember} for gateway events. */
    private ObjectNode memberMessageJson(FakeMessage message, boolean withMember) {
        ObjectNode node = messageJson(message.id(), message.channelId(), userJson(message.author()), null,
                message.content(), 0);
        if (withMember) {
            ObjectNode member = memberJson(message.author());
            member.remove("user");
            node.set("member", member);
        }
        ArrayNode attachments = node.putArray("attachments");
        for (FakeAttachment file : message.files()) {
            long id = nextId();
            String path = "/attachments/" + message.channelId() + "/" + id + "/" + file.filename();
            attachmentFiles.put(path, file);
            String url = "https://cdn.discordapp.com" + path;
            attachments.addObject().put("id", Long.toUnsignedString(id)).put("filename", file.filename())
                    .put("size", file.content().length).put("url", url)
                    .put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"))
                    .put("content_type", file.contentType());
        }
        if (message.replyTo() != 0) {
            node.put("type", 19);
            node.putObject("message_reference").put("message_id", Long.toUnsignedString(message.replyTo()))
                    .put("channel_id", Long.toUnsignedString(message.channelId()))
                    .put("guild_id", Long.toUnsignedString(guildId));
        }
        return node;
    }

    private MockResponse getChannelMessage(Match match) {
        FakeMessage message = memberMessages.get(match.id(1));
        if (message == null || message.channelId() != match.id(0)) {
            return error(404, 10008, "Unknown Message");
        }
        ObjectNode body = memberMessageJson(message, false);
        if ((gateway.lastIntents() & FakeGateway.MESSAGE_CONTENT) == 0) {
            body.put("content", "");
        }
        return ok(body);
    }

    private MockResponse deleteChannelMessage(Match match) {
        FakeMessage message = memberMessages.get(match.id(1));
        if (message == null || message.channelId() != match.id(0)) {
            return error(404, 10008, "Unknown Message");
        }
        if (message.author().id() != botUser.id() && (permissionsOf(botUser.id()) & (MANAGE_MESSAGES | ADMINISTRATOR))
                == 0) {
            return error(403, 50013, "Missing Permissions");
        }
        memberMessages.remove(message.id());
        deletedMemberMessages.add(message.id());
        lock.notifyAll();
        dispatchMessageDelete(message.id(), message.channelId());
        return noContent();
    }

    /** A fault waiting for its call. */
    private static final class PendingFault {
        private int passesLeft;
        private final Fault fault;

        PendingFault(int passesLeft, Fault fault) {
            this.passesLeft = passesLeft;
            this.fault = Objects.requireNonNull(fault);
        }
    }

    /**
     * Registers a guild command the bot does not own, as left behind by another version or another
     * bot's code sharing the application; a well-behaved bot must not answer it.
     *
     * @param name        command name
     * @param description command description
     */
    public void registerForeignGuildCommand(String name, String description) {
        synchronized (lock) {
            ObjectNode command = json.createObjectNode();
            command.put("id", Long.toUnsignedString(nextId()));
            command.put("application_id", Long.toUnsignedString(applicationId));
            command.put("version", Long.toUnsignedString(nextId()));
            command.put("type", 1);
            command.put("guild_id", Long.toUnsignedString(guildId));
            command.put("name", name);
            command.put("description", description);
            command.putNull("default_member_permissions");
            command.put("nsfw", false);
            guildCommands.put(name, command);
        }
    }

    // ------------------------------------------------------------------ interactions

    /**
     * Dispatches a slash command as a user in a channel. The command must have been registered (global
     * or for the guild) and the options must match its declared options, or this fails.
     *
     * @param user    who runs it
     * @param channel where
     * @param command the command name
     * @param options its options (e.g. a sub-command with its own options)
     * @return the interaction, to await the reply on
     */
    public FakeInteraction slash(FakeUser user, FakeChannel channel, String command, Option... options) {
        return interaction(2, user, channel, command, List.of(options));
    }

    /**
     * Submits the form a bot showed in answer to an interaction, as the user who saw it, with the
     * given text input values (by custom id). Discord checks them against the form's lengths.
     *
     * @param shown  the interaction the bot answered with a form
     * @param values the text typed, by text input custom id
     * @return the modal-submit interaction, to await the reply on
     */
    public FakeInteraction submitModal(FakeInteraction shown, Map<String, String> values) {
        JsonNode modal = shown.awaitModal();
        ObjectNode d;
        FakeInteraction interaction;
        synchronized (lock) {
            long id = nextId();
            String token = "interaction-token-" + id + "-" + UUID.randomUUID();
            String customId = modal.path("custom_id").asText();
            interaction = new FakeInteraction(id, token, 5, "form " + customId, shown.user(), shown.channel());
            interactions.put(id, interaction);
            d = interactionBase(id, token, 5, shown.user(), shown.channel());
            ObjectNode data = d.putObject("data");
            data.put("custom_id", customId);
            ArrayNode rows = data.putArray("components");
            for (JsonNode row : modal.path("components")) {
                JsonNode input = row.path("components").get(0);
                String inputId = input.path("custom_id").asText();
                String value = values.getOrDefault(inputId, input.path("value").asText(""));
                if (value.codePointCount(0, value.length()) > input.path("max_length").asInt(4000)) {
                    throw new IllegalArgumentException("Discord would not let the user type that much into "
                            + inputId);
                }
                ObjectNode submitted = rows.addObject().put("type", 1).putArray("components").addObject();
                submitted.put("type", 4).put("custom_id", inputId).put("value", value);
            }
        }
        if (gateway.dispatch("INTERACTION_CREATE", d) == 0) {
            throw new IllegalStateException("no client is logged in to the fake gateway");
        }
        return interaction;
    }

    /**
     * Runs a message command (right-click a message, Apps) on a webhook message, as a user.
     *
     * @param user    who runs it
     * @param name    the message command's name, e.g. "Edit post"
     * @param target  the message
     * @return the interaction, to await the reply or form on
     */
    public FakeInteraction messageCommand(FakeUser user, String name, WebhookPost target) {
        ObjectNode d;
        FakeInteraction interaction;
        synchronized (lock) {
            ObjectNode registered = guildCommands.containsKey(name) ? guildCommands.get(name) : globalCommands.get(name);
            if (registered == null || registered.path("type").asInt() != 3) {
                throw new AssertionError("no message command \"" + name + "\" is registered");
            }
            long channelId = target.threadId() != 0 ? target.threadId() : target.channelId();
            FakeChannel channel = channels.get(channelId);
            long id = nextId();
            String token = "interaction-token-" + id + "-" + UUID.randomUUID();
            interaction = new FakeInteraction(id, token, 2, name, user, channel);
            interactions.put(id, interaction);
            d = interactionBase(id, token, 2, user, channel);
            ObjectNode data = d.putObject("data");
            data.put("id", registered.get("id").asText());
            data.put("name", name);
            data.put("type", 3);
            data.put("target_id", Long.toUnsignedString(target.messageId()));
            ObjectNode author = json.createObjectNode();
            author.put("id", Long.toUnsignedString(target.webhookId()));
            author.put("username", target.username().orElse("webhook"));
            author.put("discriminator", "0000");
            author.putNull("avatar");
            author.put("bot", true);
            data.putObject("resolved").putObject("messages").set(Long.toUnsignedString(target.messageId()),
                    messageJson(target.messageId(), channelId, author, target.webhookId(), target.content(), 0));
        }
        if (gateway.dispatch("INTERACTION_CREATE", d) == 0) {
            throw new IllegalStateException("no client is logged in to the fake gateway");
        }
        return interaction;
    }

    /**
     * A member reacts to a message. Discord sends the event only to a bot that asked for the
     * guild-message-reactions intent.
     *
     * @param user    who reacts
     * @param target  the message
     * @param emoji   the emoji, e.g. "❌"
     * @return whether the event was sent (false without the intent)
     */
    public boolean react(FakeUser user, WebhookPost target, String emoji) {
        ObjectNode d = json.createObjectNode();
        synchronized (lock) {
            if ((gateway.lastIntents() & (1L << 10)) == 0) {
                return false;
            }
            long channelId = target.threadId() != 0 ? target.threadId() : target.channelId();
            d.put("user_id", user.idString());
            d.put("channel_id", Long.toUnsignedString(channelId));
            d.put("message_id", Long.toUnsignedString(target.messageId()));
            d.put("guild_id", Long.toUnsignedString(guildId));
            d.set("member", memberJson(user));
            d.putObject("emoji").putNull("id").put("name", emoji);
            d.put("type", 0);
        }
        gateway.dispatch("MESSAGE_REACTION_ADD", d);
        return true;
    }

    private ObjectNode interactionBase(long id, String token, int type, FakeUser user, FakeChannel channel) {
        ObjectNode d = json.createObjectNode();
        d.put("id", Long.toUnsignedString(id));
        d.put("application_id", Long.toUnsignedString(applicationId));
        d.put("type", type);
        d.put("token", token);
        d.put("version", 1);
        d.put("locale", "en-US");
        d.put("guild_locale", "en-US");
        d.put("guild_id", Long.toUnsignedString(guildId));
        d.put("channel_id", channel.idString());
        d.set("channel", channelJson(channel, 0));
        d.put("app_permissions", Long.toUnsignedString(permissionsOf(botUser.id())));
        ObjectNode member = memberJson(user);
        member.put("permissions", Long.toUnsignedString(permissionsOf(user.id())));
        d.set("member", member);
        return d;
    }

    /**
     * Dispatches an autocomplete request as a user types; exactly one option must be {@link Option#focused}.
     *
     * @param user    who types
     * @param channel where
     * @param command the command name
     * @param options the options so far
     * @return the interaction, to await the choices on
     */
    public FakeInteraction autocomplete(FakeUser user, FakeChannel channel, String command, Option... options) {
        return interaction(4, user, channel, command, List.of(options));
    }

    /** @return every interaction dispatched */
    public List<FakeInteraction> interactions() {
        synchronized (lock) {
            return List.copyOf(interactions.values());
        }
    }

    private FakeInteraction interaction(int type, FakeUser user, FakeChannel channel, String command,
                                        List<Option> options) {
        ObjectNode d;
        FakeInteraction interaction;
        synchronized (lock) {
            if (!memberRoles.containsKey(user.id())) {
                throw new IllegalArgumentException(user + " is not a member of the guild");
            }
            if (!channels.containsKey(channel.id())) {
                throw new IllegalArgumentException(channel + " is not a channel of the guild");
            }
            ObjectNode registered = guildCommands.containsKey(command) ? guildCommands.get(command)
                    : globalCommands.get(command);
            if (registered == null) {
                throw new AssertionError("/" + command + " is not registered; registered: global "
                        + globalCommands.keySet() + ", guild " + guildCommands.keySet());
            }
            checkOptions("/" + command, registered.path("options"), options, type == 4);
            if (type == 4 && countFocused(options) != 1) {
                throw new IllegalArgumentException("an autocomplete interaction needs exactly one focused option");
            }
            long id = nextId();
            String token = "interaction-token-" + id + "-" + UUID.randomUUID();
            interaction = new FakeInteraction(id, token, type, command, user, channel);
            interactions.put(id, interaction);
            d = json.createObjectNode();
            d.put("id", Long.toUnsignedString(id));
            d.put("application_id", Long.toUnsignedString(applicationId));
            d.put("type", type);
            d.put("token", token);
            d.put("version", 1);
            d.put("locale", "en-US");
            d.put("guild_locale", "en-US");
            d.put("guild_id", Long.toUnsignedString(guildId));
            d.put("channel_id", channel.idString());
            d.set("channel", channelJson(channel, 0));
            d.put("app_permissions", Long.toUnsignedString(permissionsOf(botUser.id())));
            ObjectNode member = memberJson(user);
            member.put("permissions", Long.toUnsignedString(permissionsOf(user.id())));
            d.set("member", member);
            ObjectNode data = d.putObject("data");
            data.put("id", registered.get("id").asText());
            data.put("name", command);
            data.put("type", 1);
            if (registered.hasNonNull("guild_id")) {
                data.put("guild_id", registered.get("guild_id").asText());
            }
            ObjectNode resolvedUsers = json.createObjectNode();
            ObjectNode resolvedMembers = json.createObjectNode();
            ObjectNode resolvedAttachments = json.createObjectNode();
            if (!options.isEmpty()) {
                data.set("options", optionsJson(options, resolvedUsers, resolvedMembers, resolvedAttachments));
            }
            if (!resolvedUsers.isEmpty() || !resolvedAttachments.isEmpty()) {
                ObjectNode resolved = data.putObject("resolved");
                if (!resolvedUsers.isEmpty()) {
                    resolved.set("users", resolvedUsers);
                    resolved.set("members", resolvedMembers);
                }
                if (!resolvedAttachments.isEmpty()) {
                    resolved.set("attachments", resolvedAttachments);
                }
            }
        }
        if (gateway.dispatch("INTERACTION_CREATE", d) == 0) {
            throw new IllegalStateException("no client is logged in to the fake gateway");
        }
        return interaction;
    }

    private static int countFocused(List<Option> options) {
        int n = 0;
        for (Option o : options) {
            n += (o.focused() ? 1 : 0) + countFocused(o.options());
        }
        return n;
    }

    private void checkOptions(String where, JsonNode declared, List<Option> given, boolean partial) {
        for (Option option : given) {
            JsonNode match = null;
            for (JsonNode d : declared) {
                if (d.path("name").asText().equals(option.name())) {
                    match = d;
                }
            }
            if (match == null) {
                throw new AssertionError(where + " declares no option '" + option.name() + "'; declared: " + declared);
            }
            int declaredType = match.path("type").asInt();
            if (declaredType != option.type()) {
                throw new AssertionError(where + " option '" + option.name() + "' is declared with type "
                        + declaredType + " but the test sends type " + option.type());
            }
            if (option.focused() && !match.path("autocomplete").asBoolean(false)) {
                throw new AssertionError(where + " option '" + option.name() + "' does not autocomplete");
            }
            if (option.type() == Option.SUB_COMMAND || option.type() == Option.SUB_COMMAND_GROUP) {
                checkOptions(where + " " + option.name(), match.path("options"), option.options(), partial);
            }
        }
        boolean subCommands = false;
        for (JsonNode d : declared) {
            int t = d.path("type").asInt();
            subCommands |= t == Option.SUB_COMMAND || t == Option.SUB_COMMAND_GROUP;
            if (!partial && d.path("required").asBoolean(false)
                    && given.stream().noneMatch(o -> o.name().equals(d.path("name").asText()))) {
                throw new AssertionError(where + " requires option '" + d.path("name").asText() + "'");
            }
        }
        if (subCommands && given.size() != 1) {
            throw new AssertionError(where + " has sub-commands: exactly one must be given");
        }
    }

    private ArrayNode optionsJson(List<Option> options, ObjectNode resolvedUsers, ObjectNode resolvedMembers,
                                  ObjectNode resolvedAttachments) {
        ArrayNode array = json.createArrayNode();
        for (Option option : options) {
            ObjectNode node = array.addObject().put("name", option.name()).put("type", option.type());
            if (option.type() == Option.SUB_COMMAND || option.type() == Option.SUB_COMMAND_GROUP) {
                node.set("options", optionsJson(option.options(), resolvedUsers, resolvedMembers,
                        resolvedAttachments));
            } else if (option.value() instanceof FakeAttachment file) {
                long id = nextId();
                node.put("value", Long.toUnsignedString(id));
                String url = "https://cdn.discordapp.com/attachments/" + guildId + "/" + id + "/" + file.filename();
                attachmentFiles.put("/attachments/" + guildId + "/" + id + "/" + file.filename(), file);
                resolvedAttachments.putObject(Long.toUnsignedString(id))
                        .put("id", Long.toUnsignedString(id))
                        .put("filename", file.filename())
                        .put("size", file.content().length)
                        .put("url", url)
                        .put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"))
                        .put("content_type", file.contentType())
                        .put("ephemeral", true);
            } else if (option.value() instanceof FakeUser user) {
                node.put("value", user.idString());
                resolvedUsers.set(user.idString(), userJson(user));
                if (memberRoles.containsKey(user.id())) {
                    ObjectNode member = memberJson(user);
                    member.remove("user");
                    resolvedMembers.set(user.idString(), member);
                }
            } else if (option.value() instanceof String s) {
                node.put("value", s);
            } else if (option.value() instanceof Long l) {
                node.put("value", l);
            } else if (option.value() instanceof Boolean b) {
                node.put("value", b);
            }
            if (option.focused()) {
                node.put("focused", true);
            }
        }
        return array;
    }

    // ------------------------------------------------------------------ JSON shapes

    private long nextId() {
        return snowflakes.incrementAndGet();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    private ObjectNode userJson(FakeUser user) {
        ObjectNode node = json.createObjectNode();
        node.put("id", user.idString());
        node.put("username", user.username());
        node.put("discriminator", "0");
        node.putNull("global_name");
        node.putNull("avatar");
        node.put("bot", user.bot());
        node.put("public_flags", 0);
        return node;
    }

    private ObjectNode memberJson(FakeUser user) {
        ObjectNode node = json.createObjectNode();
        node.set("user", userJson(user));
        node.putNull("nick");
        node.putNull("avatar");
        ArrayNode roleIds = node.putArray("roles");
        memberRoles.getOrDefault(user.id(), Set.of()).forEach(r -> roleIds.add(Long.toUnsignedString(r)));
        node.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        node.putNull("premium_since");
        node.put("deaf", false);
        node.put("mute", false);
        node.put("pending", false);
        node.put("flags", 0);
        return node;
    }

    private ObjectNode memberUpdateJson(FakeUser user) {
        ObjectNode node = memberJson(user);
        node.put("guild_id", Long.toUnsignedString(guildId));
        return node;
    }

    private ObjectNode roleJson(FakeRole role) {
        ObjectNode node = json.createObjectNode();
        node.put("id", role.idString());
        node.put("name", role.name());
        node.put("color", role.color());
        node.put("hoist", role.hoist());
        node.putNull("icon");
        node.putNull("unicode_emoji");
        node.put("position", role.position());
        node.put("permissions", Long.toUnsignedString(role.permissions()));
        node.put("managed", role.id() == botRoleId);
        node.put("mentionable", role.mentionable());
        node.put("flags", 0);
        if (role.id() == botRoleId) {
            node.putObject("tags").put("bot_id", botUser.idString());
        }
        return node;
    }

    private ObjectNode channelJson(FakeChannel channel, int position) {
        ObjectNode node = json.createObjectNode();
        node.put("id", channel.idString());
        node.put("type", channel.type());
        node.put("guild_id", Long.toUnsignedString(guildId));
        node.put("name", channel.name());
        node.put("rate_limit_per_user", 0);
        node.putNull("last_message_id");
        if (channel.isThread()) {
            node.put("parent_id", Long.toUnsignedString(channel.parentId()));
            node.put("owner_id", owner.idString());
            node.put("message_count", 0);
            node.put("member_count", 1);
            node.put("total_message_sent", 0);
            ObjectNode metadata = node.putObject("thread_metadata");
            metadata.put("archived", channel.archived());
            metadata.put("auto_archive_duration", 1440);
            metadata.put("archive_timestamp", now());
            metadata.put("locked", channel.locked());
            metadata.put("create_timestamp", now());
            return node;
        }
        node.put("position", position);
        node.putArray("permission_overwrites");
        node.put("nsfw", false);
        node.putNull("topic");
        node.putNull("parent_id");
        if (channel.type() == FakeChannel.FORUM) {
            node.putArray("available_tags");
            node.put("default_sort_order", 0);
        }
        return node;
    }

    private ObjectNode webhookJson(FakeWebhook webhook) {
        ObjectNode node = json.createObjectNode();
        node.put("id", webhook.idString());
        node.put("type", 1);
        node.put("guild_id", Long.toUnsignedString(guildId));
        node.put("channel_id", Long.toUnsignedString(webhook.channelId()));
        FakeUser creator = users.get(webhook.creatorId());
        if (creator != null) {
            node.set("user", userJson(creator));
        }
        node.put("name", webhook.name());
        node.putNull("avatar");
        node.put("token", webhook.token());
        node.putNull("application_id");
        return node;
    }

    private ObjectNode webhooksUpdateJson(long channelId) {
        return json.createObjectNode().put("guild_id", Long.toUnsignedString(guildId))
                .put("channel_id", Long.toUnsignedString(channelId));
    }

    private ObjectNode messageJson(long id, long channelId, JsonNode author, Long webhookId, String content,
                                   int flags) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toUnsignedString(id));
        node.put("type", 0);
        node.put("channel_id", Long.toUnsignedString(channelId));
        node.put("guild_id", Long.toUnsignedString(guildId));
        node.put("content", content);
        node.set("author", author);
        if (webhookId != null) {
            node.put("webhook_id", Long.toUnsignedString(webhookId));
        }
        node.putArray("attachments");
        node.putArray("embeds");
        node.putArray("mentions");
        node.putArray("mention_roles");
        node.putArray("components");
        node.put("pinned", false);
        node.put("mention_everyone", false);
        node.put("tts", false);
        node.put("timestamp", now());
        node.putNull("edited_timestamp");
        node.put("flags", flags);
        return node;
    }

    private ObjectNode guildJson() {
        ObjectNode g = json.createObjectNode();
        g.put("id", Long.toUnsignedString(guildId));
        g.put("name", "Fake Guild");
        g.putNull("icon");
        g.putNull("splash");
        g.putNull("discovery_splash");
        g.putNull("description");
        g.put("region", "us-west");
        g.put("large", false);
        g.put("unavailable", false);
        g.put("member_count", memberRoles.size());
        g.put("owner_id", owner.idString());
        g.put("verification_level", 0);
        g.put("explicit_content_filter", 0);
        g.put("default_message_notifications", 0);
        g.put("mfa_level", 0);
        g.put("premium_tier", 0);
        g.put("premium_subscription_count", 0);
        g.put("nsfw_level", 0);
        g.put("preferred_locale", "en-US");
        g.put("afk_timeout", 300);
        g.putNull("afk_channel_id");
        g.putNull("system_channel_id");
        g.putNull("rules_channel_id");
        g.putNull("application_id");
        g.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        ArrayNode roleArray = g.putArray("roles");
        roles.values().forEach(r -> roleArray.add(roleJson(r)));
        ArrayNode channelArray = g.putArray("channels");
        int position = 0;
        ArrayNode threadArray = json.createArrayNode();
        for (FakeChannel c : channels.values()) {
            ObjectNode node = channelJson(c, position++);
            if (c.isThread()) {
                if (!c.archived()) {
                    threadArray.add(node);
                }
                continue;
            }
            node.remove("guild_id");
            channelArray.add(node);
        }
        ArrayNode memberArray = g.putArray("members");
        memberRoles.keySet().forEach(id -> memberArray.add(memberJson(users.get(id))));
        g.set("threads", threadArray);
        g.putArray("presences");
        g.putArray("voice_states");
        g.putArray("emojis");
        g.putArray("stickers");
        return g;
    }

    private List<ObjectNode> loginEvents(String sessionId) {
        synchronized (lock) {
            ObjectNode ready = json.createObjectNode();
            ready.put("v", 10);
            ObjectNode self = userJson(botUser);
            self.put("verified", true);
            self.put("mfa_enabled", false);
            self.put("flags", 0);
            ready.set("user", self);
            ready.putArray("guilds").addObject().put("id", Long.toUnsignedString(guildId)).put("unavailable", true);
            ready.put("session_id", sessionId);
            ready.put("resume_gateway_url", gateway.url());
            ready.putArray("private_channels");
            ready.putObject("application").put("id", Long.toUnsignedString(applicationId)).put("flags", 0);
            ObjectNode readyEvent = json.createObjectNode().put("t", "READY");
            readyEvent.set("d", ready);
            ObjectNode guildEvent = json.createObjectNode().put("t", "GUILD_CREATE");
            guildEvent.set("d", guildJson());
            return List.of(readyEvent, guildEvent);
        }
    }

    private long permissionsOf(long userId) {
        if (userId == owner.id()) {
            return ~0L >>> 1;
        }
        long permissions = roles.get(guildId).permissions();
        for (long roleId : memberRoles.getOrDefault(userId, Set.of())) {
            FakeRole role = roles.get(roleId);
            if (role != null) {
                permissions |= role.permissions();
            }
        }
        return permissions;
    }

    private FakeRole createRoleInternal(String name, long permissions, int color, boolean hoist, boolean mentionable) {
        FakeRole role;
        ObjectNode event = json.createObjectNode();
        synchronized (lock) {
            role = new FakeRole(nextId(), name, permissions, color, hoist, mentionable, 1);
            roles.put(role.id(), role);
            event.put("guild_id", Long.toUnsignedString(guildId));
            event.set("role", roleJson(role));
        }
        gateway.dispatch("GUILD_ROLE_CREATE", event);
        return role;
    }

    // ------------------------------------------------------------------ REST

    /** A parsed request. */
    private record Request(String method, String path, String query, HttpUrl url, String authorization,
                           String bodyText, JsonNode body, Map<String, String> files, Map<String, byte[]> fileBytes) {
    }

    /** An endpoint with the path parameters it matched. */
    private record Match(Endpoint endpoint, List<String> params) {
        String param(int i) {
            return params.get(i);
        }

        long id(int i) {
            return Long.parseUnsignedLong(params.get(i));
        }
    }

    private record RouteRule(String method, Pattern pattern, Endpoint endpoint) {
    }

    private static final List<RouteRule> ROUTES = List.of(
            rule("GET", "/gateway", Endpoint.GET_GATEWAY),
            rule("GET", "/gateway/bot", Endpoint.GET_GATEWAY_BOT),
            rule("GET", "/oauth2/applications/@me", Endpoint.GET_APPLICATION_INFO),
            rule("GET", "/users/@me", Endpoint.GET_CURRENT_USER),
            rule("GET", "/users/(\\d+)", Endpoint.GET_USER),
            rule("GET", "/guilds/(\\d+)/members/(\\d+)", Endpoint.GET_MEMBER),
            rule("GET", "/applications/(\\d+)/commands", Endpoint.GET_GLOBAL_COMMANDS),
            rule("PUT", "/applications/(\\d+)/commands", Endpoint.OVERWRITE_GLOBAL_COMMANDS),
            rule("GET", "/applications/(\\d+)/guilds/(\\d+)/commands", Endpoint.GET_GUILD_COMMANDS),
            rule("PUT", "/applications/(\\d+)/guilds/(\\d+)/commands", Endpoint.OVERWRITE_GUILD_COMMANDS),
            rule("POST", "/interactions/(\\d+)/([^/]+)/callback", Endpoint.INTERACTION_CALLBACK),
            rule("PATCH", "/webhooks/(\\d+)/([^/]+)/messages/@original", Endpoint.EDIT_ORIGINAL_RESPONSE),
            rule("DELETE", "/webhooks/(\\d+)/([^/]+)/messages/@original", Endpoint.DELETE_ORIGINAL_RESPONSE),
            rule("PATCH", "/webhooks/(\\d+)/([^/]+)/messages/(\\d+)", Endpoint.EDIT_WEBHOOK_MESSAGE),
            rule("DELETE", "/webhooks/(\\d+)/([^/]+)/messages/(\\d+)", Endpoint.DELETE_WEBHOOK_MESSAGE),
            rule("POST", "/webhooks/(\\d+)/([^/]+)", Endpoint.EXECUTE_WEBHOOK),
            rule("GET", "/webhooks/(\\d+)(?:/([^/]+))?", Endpoint.GET_WEBHOOK),
            rule("PATCH", "/webhooks/(\\d+)(?:/([^/]+))?", Endpoint.MODIFY_WEBHOOK),
            rule("DELETE", "/webhooks/(\\d+)(?:/([^/]+))?", Endpoint.DELETE_WEBHOOK),
            rule("POST", "/channels/(\\d+)/webhooks", Endpoint.CREATE_WEBHOOK),
            rule("GET", "/channels/(\\d+)/webhooks", Endpoint.LIST_CHANNEL_WEBHOOKS),
            rule("GET", "/guilds/(\\d+)/webhooks", Endpoint.LIST_GUILD_WEBHOOKS),
            rule("POST", "/guilds/(\\d+)/roles", Endpoint.CREATE_ROLE),
            rule("PATCH", "/guilds/(\\d+)/roles/(\\d+)", Endpoint.MODIFY_ROLE),
            rule("DELETE", "/guilds/(\\d+)/roles/(\\d+)", Endpoint.DELETE_ROLE),
            rule("POST", "/users/@me/channels", Endpoint.OPEN_DM_CHANNEL),
            rule("POST", "/channels/(\\d+)/messages", Endpoint.CREATE_MESSAGE),
            rule("GET", "/channels/(\\d+)/messages/(\\d+)", Endpoint.GET_CHANNEL_MESSAGE),
            rule("DELETE", "/channels/(\\d+)/messages/(\\d+)", Endpoint.DELETE_CHANNEL_MESSAGE),
            rule("POST", "/attachments/refresh-urls", Endpoint.REFRESH_ATTACHMENT_URLS),
            rule("PUT", "/guilds/(\\d+)/members/(\\d+)/roles/(\\d+)", Endpoint.ADD_MEMBER_ROLE),
            rule("DELETE", "/guilds/(\\d+)/members/(\\d+)/roles/(\\d+)", Endpoint.REMOVE_MEMBER_ROLE));

    private static RouteRule rule(String method, String regex, Endpoint endpoint) {
        return new RouteRule(method, Pattern.compile(regex), endpoint);
    }

    private Match classify(String method, String path) {
        if ("GET".equals(method) && path.startsWith("/attachments/")) {
            return new Match(Endpoint.CDN_ATTACHMENT, List.of(path));
        }
        if (!path.startsWith(API + "/")) {
            return new Match(Endpoint.UNHANDLED, List.of());
        }
        String p = path.substring(API.length());
        for (RouteRule r : ROUTES) {
            Matcher m = r.pattern().matcher(p);
            if (r.method().equals(method) && m.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                Endpoint endpoint = r.endpoint();
                if (endpoint == Endpoint.EXECUTE_WEBHOOK
                        && Long.parseUnsignedLong(params.get(0)) == applicationId) {
                    endpoint = Endpoint.FOLLOWUP_MESSAGE;
                }
                return new Match(endpoint, params);
            }
        }
        return new Match(Endpoint.UNHANDLED, List.of());
    }

    private final class RestDispatcher extends Dispatcher {
        @Override
        public MockResponse peek() {
            // consulted for the proxy's CONNECT: upgrade the tunnel to TLS after answering it
            return new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END);
        }

        @Override
        public MockResponse dispatch(RecordedRequest recorded) {
            if ("CONNECT".equals(recorded.getMethod())) {
                return new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END);
            }
            Instant receivedAt = Instant.now();
            Request request;
            Match match;
            try {
                request = parse(recorded);
                match = classify(request.method(), request.path());
            } catch (RuntimeException | IOException e) {
                synchronized (lock) {
                    handlerErrors.add(e);
                }
                return error(400, 50109, "The request body contains invalid JSON.");
            }
            MockResponse response;
            boolean injected = false;
            Fault fault;
            java.util.function.Consumer<RecordedCall> before;
            synchronized (lock) {
                Deque<java.util.function.Consumer<RecordedCall>> queue = beforeCalls.get(match.endpoint());
                before = queue == null ? null : queue.poll();
            }
            if (before != null) {
                before.accept(new RecordedCall(match.endpoint(), request.method(),
                        request.path().startsWith(API) ? request.path().substring(API.length()) : request.path(),
                        request.query(), request.bodyText(), request.authorization(), 0, false, receivedAt));
            }
            synchronized (lock) {
                fault = takeFault(match.endpoint());
            }
            if (fault != null) {
                injected = true;
                response = new MockResponse().setResponseCode(fault.status())
                        .setHeader("Content-Type", "application/json").setBody(fault.body());
                fault.headers().forEach(response::setHeader);
            } else {
                try {
                    response = handle(match, request);
                } catch (RuntimeException e) {
                    synchronized (lock) {
                        handlerErrors.add(e);
                    }
                    response = error(500, 0, "fake Discord failed: " + e);
                }
            }
            int status = Integer.parseInt(response.getStatus().split(" ")[1]);
            RecordedCall call = new RecordedCall(match.endpoint(), request.method(),
                    request.path().startsWith(API) ? request.path().substring(API.length()) : request.path(),
                    request.query(), request.bodyText(), request.authorization(), status, injected, receivedAt);
            synchronized (lock) {
                calls.add(call);
                lock.notifyAll();
            }
            return response;
        }
    }

    private Request parse(RecordedRequest recorded) throws IOException {
        HttpUrl url = recorded.getRequestUrl();
        String path = url == null ? String.valueOf(recorded.getPath()) : url.encodedPath();
        String query = url == null || url.encodedQuery() == null ? "" : url.encodedQuery();
        String authorization = Optional.ofNullable(recorded.getHeader("Authorization")).orElse("");
        byte[] bytes = recorded.getBody().readByteArray();
        String contentType = Optional.ofNullable(recorded.getHeader("Content-Type")).orElse("");
        MediaType mediaType = MediaType.parse(contentType);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, byte[]> fileBytes = new LinkedHashMap<>();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (mediaType != null && "multipart".equals(mediaType.type())) {
            String payload = "";
            try (MultipartReader reader = new MultipartReader(new Buffer().write(bytes),
                    Objects.requireNonNull(mediaType.parameter("boundary"), "boundary"))) {
                MultipartReader.Part part;
                while ((part = reader.nextPart()) != null) {
                    String disposition = Optional.ofNullable(part.headers().get("Content-Disposition")).orElse("");
                    byte[] raw = part.body().readByteArray();
                    String content = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
                    String name = dispositionParameter(disposition, "name");
                    String filename = dispositionParameter(disposition, "filename");
                    if ("payload_json".equals(name)) {
                        payload = content;
                    } else {
                        files.put(filename != null ? filename : String.valueOf(name), content);
                        fileBytes.put(filename != null ? filename : String.valueOf(name), raw);
                    }
                }
            }
            text = payload;
        }
        JsonNode body = text.isBlank() ? json.createObjectNode() : json.readTree(text);
        return new Request(recorded.getMethod(), path, query, url, authorization, text, body, files, fileBytes);
    }

    private static String dispositionParameter(String disposition, String name) {
        Matcher m = Pattern.compile("(?:^|;)\\s*" + name + "=\"([^\"]*)\"").matcher(disposition);
        return m.find() ? m.group(1) : null;
    }

    private MockResponse jsonResponse(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    private MockResponse ok(JsonNode body) {
        return jsonResponse(200, body);
    }

    private static MockResponse noContent() {
        return new MockResponse().setResponseCode(204);
    }

    private MockResponse error(int status, int code, String message) {
        return jsonResponse(status, json.createObjectNode().put("message", message).put("code", code));
    }

    private MockResponse invalidForm(String problem) {
        ObjectNode body = json.createObjectNode().put("message", "Invalid Form Body").put("code", 50035);
        body.putObject("errors").putArray("_errors").addObject().put("code", "BASE_TYPE_INVALID")
                .put("message", problem);
        return jsonResponse(400, body);
    }

    private static boolean needsBotToken(Match match) {
        return switch (match.endpoint()) {
            case GET_GATEWAY, INTERACTION_CALLBACK, EDIT_ORIGINAL_RESPONSE, DELETE_ORIGINAL_RESPONSE,
                    FOLLOWUP_MESSAGE, EXECUTE_WEBHOOK, EDIT_WEBHOOK_MESSAGE, DELETE_WEBHOOK_MESSAGE, CDN_ATTACHMENT,
                    UNHANDLED -> false;
            case GET_WEBHOOK, MODIFY_WEBHOOK, DELETE_WEBHOOK -> match.param(1) == null;
            default -> true;
        };
    }

    private MockResponse handle(Match match, Request request) {
        if (needsBotToken(match) && !request.authorization().matches("Bot \\S+")) {
            return error(401, 0, "401: Unauthorized");
        }
        synchronized (lock) {
            return switch (match.endpoint()) {
                case GET_GATEWAY -> ok(json.createObjectNode().put("url", gateway.url()));
                case GET_GATEWAY_BOT -> gatewayBot();
                case GET_APPLICATION_INFO -> ok(applicationInfo());
                case GET_CURRENT_USER -> ok(userJson(botUser));
                case GET_USER -> Optional.ofNullable(users.get(match.id(0))).map(u -> ok(userJson(u)))
                        .orElseGet(() -> error(404, 10013, "Unknown User"));
                case GET_MEMBER -> getMember(match);
                case GET_GLOBAL_COMMANDS -> ok(json.valueToTree(globalCommands.values()));
                case GET_GUILD_COMMANDS -> ok(json.valueToTree(guildCommands.values()));
                case OVERWRITE_GLOBAL_COMMANDS -> overwriteCommands(match, request, globalCommands, null);
                case OVERWRITE_GUILD_COMMANDS -> match.id(1) == guildId
                        ? overwriteCommands(match, request, guildCommands, guildId)
                        : error(404, 10004, "Unknown Guild");
                case INTERACTION_CALLBACK -> interactionCallback(match, request);
                case EDIT_ORIGINAL_RESPONSE -> editOriginal(match, request);
                case DELETE_ORIGINAL_RESPONSE -> deleteOriginal(match);
                case FOLLOWUP_MESSAGE -> followup(match, request);
                case EXECUTE_WEBHOOK -> executeWebhook(match, request);
                case EDIT_WEBHOOK_MESSAGE -> editWebhookMessage(match, request);
                case CDN_ATTACHMENT -> Optional.ofNullable(attachmentFiles.get(match.param(0)))
                        .or(() -> signedFile(request.url()))
                        .map(file -> new MockResponse().setHeader("Content-Type", file.contentType())
                                .setBody(new Buffer().write(file.content())))
                        .orElseGet(() -> new MockResponse().setResponseCode(404)
                                .setBody("This content is no longer available."));
                case REFRESH_ATTACHMENT_URLS -> refreshUrls(request);
                case DELETE_WEBHOOK_MESSAGE -> deleteWebhookMessage(match, request);
                case GET_WEBHOOK -> getWebhook(match);
                case MODIFY_WEBHOOK -> modifyWebhook(match, request);
                case DELETE_WEBHOOK -> deleteWebhook(match);
                case CREATE_WEBHOOK -> createWebhook(match, request);
                case LIST_CHANNEL_WEBHOOKS -> listChannelWebhooks(match);
                case LIST_GUILD_WEBHOOKS -> match.id(0) == guildId
                        ? ok(json.valueToTree(webhooks.values().stream().map(this::webhookJson).toList()))
                        : error(404, 10004, "Unknown Guild");
                case CREATE_ROLE -> createRole(match, request);
                case MODIFY_ROLE -> modifyRole(match, request);
                case DELETE_ROLE -> deleteRole(match);
                case ADD_MEMBER_ROLE -> changeMemberRole(match, true);
                case REMOVE_MEMBER_ROLE -> changeMemberRole(match, false);
                case OPEN_DM_CHANNEL -> openDmChannel(request);
                case CREATE_MESSAGE -> createMessage(match, request);
                case GET_CHANNEL_MESSAGE -> getChannelMessage(match);
                case DELETE_CHANNEL_MESSAGE -> deleteChannelMessage(match);
                case UNHANDLED -> error(404, 0, "404: Not Found (not implemented by the fake Discord)");
            };
        }
    }

    private MockResponse gatewayBot() {
        ObjectNode body = json.createObjectNode().put("url", gateway.url()).put("shards", 1);
        body.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 0)
                .put("max_concurrency", 1);
        return ok(body);
    }

    private ObjectNode applicationInfo() {
        ObjectNode info = json.createObjectNode();
        info.put("id", Long.toUnsignedString(applicationId));
        info.put("name", botUser.username());
        info.putNull("icon");
        info.put("description", "");
        info.put("bot_public", true);
        info.put("bot_require_code_grant", false);
        info.putNull("team");
        info.set("owner", userJson(owner));
        info.put("flags", 0);
        info.put("verify_key", "0".repeat(64));
        return info;
    }

    private MockResponse getMember(Match match) {
        if (match.id(0) != guildId) {
            return error(404, 10004, "Unknown Guild");
        }
        FakeUser user = users.get(match.id(1));
        if (user == null || !memberRoles.containsKey(user.id())) {
            return error(404, 10007, "Unknown Member");
        }
        return ok(memberJson(user));
    }

    private MockResponse overwriteCommands(Match match, Request request, Map<String, ObjectNode> store, Long guild) {
        if (match.id(0) != applicationId) {
            return error(403, 20012, "You are not authorized to perform this action on this application");
        }
        if (!request.body().isArray()) {
            return invalidForm("expected an array of commands");
        }
        if (request.body().size() > 100) {
            return invalidForm("at most 100 commands");
        }
        Map<String, ObjectNode> replaced = new LinkedHashMap<>();
        for (JsonNode command : request.body()) {
            String problem = commandProblem(command);
            if (problem != null) {
                return invalidForm(problem);
            }
            String name = command.get("name").asText();
            if (replaced.containsKey(name)) {
                return invalidForm("duplicate command name " + name);
            }
            ObjectNode stored = ((ObjectNode) command).deepCopy();
            ObjectNode previous = store.get(name);
            stored.put("id", previous != null ? previous.get("id").asText() : Long.toUnsignedString(nextId()));
            stored.put("application_id", Long.toUnsignedString(applicationId));
            stored.put("version", Long.toUnsignedString(nextId()));
            if (!stored.has("type")) {
                stored.put("type", 1);
            }
            if (guild != null) {
                stored.put("guild_id", Long.toUnsignedString(guild));
            }
            if (!stored.has("default_member_permissions")) {
                stored.putNull("default_member_permissions");
            }
            if (!stored.has("dm_permission") && guild == null) {
                stored.put("dm_permission", true);
            }
            stored.put("nsfw", stored.path("nsfw").asBoolean(false));
            replaced.put(name, stored);
        }
        store.clear();
        store.putAll(replaced);
        return ok(json.valueToTree(replaced.values()));
    }

    private String commandProblem(JsonNode command) {
        String name = command.path("name").asText("");
        int type = command.path("type").asInt(1);
        boolean badName = type == 1
                ? !COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))
                : name.isBlank() || name.length() > 32;
        if (badName || type < 1 || type > 3) {
            return "invalid command name '" + name + "'";
        }
        if (type == 1) {
            String description = command.path("description").asText("");
            if (description.isEmpty() || description.length() > 100) {
                return "/" + name + ": description must be 1-100 characters";
            }
            return optionsProblem("/" + name, command.path("options"));
        }
        return null;
    }

    private String optionsProblem(String where, JsonNode options) {
        if (options.isMissingNode() || options.isNull()) {
            return null;
        }
        if (options.size() > 25) {
            return where + ": at most 25 options";
        }
        Set<String> names = new LinkedHashSet<>();
        boolean optionalSeen = false;
        for (JsonNode option : options) {
            String name = option.path("name").asText("");
            String at = where + " " + name;
            int type = option.path("type").asInt(0);
            if (!COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return where + ": invalid option name '" + name + "'";
            }
            if (!names.add(name)) {
                return where + ": duplicate option " + name;
            }
            String description = option.path("description").asText("");
            if (description.isEmpty() || description.length() > 100) {
                return at + ": description must be 1-100 characters";
            }
            if (type < 1 || type > 11) {
                return at + ": invalid option type " + type;
            }
            boolean required = option.path("required").asBoolean(false);
            if (type == Option.SUB_COMMAND || type == Option.SUB_COMMAND_GROUP) {
                if (required) {
                    return at + ": sub-commands cannot be required";
                }
                String nested = optionsProblem(at, option.path("options"));
                if (nested != null) {
                    return nested;
                }
                continue;
            }
            if (required && optionalSeen) {
                return at + ": required options must come before optional ones";
            }
            optionalSeen |= !required;
            if (option.path("choices").size() > 25) {
                return at + ": at most 25 choices";
            }
            if (option.path("autocomplete").asBoolean(false) && option.path("choices").size() > 0) {
                return at + ": autocomplete options cannot have choices";
            }
        }
        return null;
    }

    private FakeInteraction interactionByToken(Match match) {
        if (match.id(0) != applicationId) {
            return null;
        }
        String token = match.param(1);
        return interactions.values().stream().filter(i -> i.token().equals(token)).findFirst().orElse(null);
    }

    private MockResponse interactionCallback(Match match, Request request) {
        FakeInteraction interaction = interactions.get(match.id(0));
        if (interaction == null || !interaction.token().equals(match.param(1))) {
            return error(404, 10062, "Unknown interaction");
        }
        if (Duration.between(interaction.dispatchedAt(), Instant.now()).compareTo(interactionDeadline) > 0
                && !interaction.acknowledged()) {
            interaction.addLateCallback();
            return error(404, 10062, "Unknown interaction");
        }
        int type = request.body().path("type").asInt();
        JsonNode data = request.body().path("data");
        if (type == FakeInteraction.CHANNEL_MESSAGE_WITH_SOURCE) {
            String problem = messageProblem(data, request.files());
            if (problem != null) {
                return invalidForm(problem);
            }
        } else if (type == FakeInteraction.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT) {
            if (data.path("choices").size() > 25) {
                return invalidForm("at most 25 choices");
            }
            for (JsonNode choice : data.path("choices")) {
                int length = choice.path("name").asText("").length();
                if (length < 1 || length > 100) {
                    return invalidForm("choice names must be 1-100 characters");
                }
            }
        } else if (type == FakeInteraction.MODAL) {
            String problem = modalProblem(data, interaction);
            if (problem != null) {
                return invalidForm(problem);
            }
        } else if (type != FakeInteraction.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE) {
            return invalidForm("unsupported interaction callback type " + type);
        }
        if (!interaction.addCallback(new FakeInteraction.Payload(request.body(), request.files()))) {
            return error(400, 40060, "Interaction has already been acknowledged.");
        }
        return noContent();
    }

    /** Discord's rules for a modal: not in answer to a modal, id and title, 1-5 rows of one text input each. */
    private static String modalProblem(JsonNode data, FakeInteraction interaction) {
        if (interaction.type() == 5) {
            return "a modal cannot answer a modal submission";
        }
        String id = data.path("custom_id").asText("");
        String title = data.path("title").asText("");
        if (id.isEmpty() || id.length() > 100) {
            return "custom_id must be 1-100 characters";
        }
        if (title.isEmpty() || title.codePointCount(0, title.length()) > 45) {
            return "title must be 1-45 characters";
        }
        JsonNode rows = data.path("components");
        if (rows.size() < 1 || rows.size() > 5) {
            return "a modal has 1 to 5 action rows";
        }
        for (JsonNode row : rows) {
            if (row.path("type").asInt() != 1 || row.path("components").size() != 1) {
                return "each modal row holds one text input";
            }
            JsonNode input = row.path("components").get(0);
            if (input.path("type").asInt() != 4) {
                return "modal components must be text inputs";
            }
            String label = input.path("label").asText("");
            if (label.isEmpty() || label.length() > 45) {
                return "text input label must be 1-45 characters";
            }
            int max = input.path("max_length").asInt(4000);
            if (max < 1 || max > 4000) {
                return "text input max_length must be 1-4000";
            }
            String value = input.path("value").asText("");
            if (value.codePointCount(0, value.length()) > max) {
                return "text input value longer than its max_length";
            }
        }
        return null;
    }

    private static String messageProblem(JsonNode message, Map<String, String> files) {
        String content = message.path("content").asText("");
        if (content.codePointCount(0, content.length()) > 2000) {
            return "content must be 2000 or fewer in length";
        }
        if (content.isEmpty() && files.isEmpty() && message.path("embeds").size() == 0
                && message.path("attachments").size() == 0) {
            return "Cannot send an empty message";
        }
        return null;
    }

    private MockResponse editOriginal(Match match, Request request) {
        FakeInteraction interaction = interactionByToken(match);
        if (interaction == null || !interaction.acknowledged()) {
            return error(404, 10008, "Unknown Message");
        }
        if (request.body().path("content").asText("").length() > 2000) {
            return invalidForm("content must be 2000 or fewer in length");
        }
        interaction.addEdit(new FakeInteraction.Payload(request.body(), request.files()));
        int flags = interaction.callbacks().get(0).json().path("data").path("flags").asInt(0) & EPHEMERAL;
        return ok(messageJson(nextId(), interaction.channel().id(), userJson(botUser), applicationId,
                request.body().path("content").asText(""), flags));
    }

    private MockResponse followup(Match match, Request request) {
        FakeInteraction interaction = interactionByToken(match);
        if (interaction == null || !interaction.acknowledged()) {
            return error(404, 10015, "Unknown Webhook");
        }
        String problem = messageProblem(request.body(), request.files());
        if (problem != null) {
            return invalidForm(problem);
        }
        int flags = interaction.addFollowup(new FakeInteraction.Payload(request.body(), request.files()));
        return ok(messageJson(nextId(), interaction.channel().id(), userJson(botUser), applicationId,
                request.body().path("content").asText(""), flags));
    }

    private MockResponse deleteOriginal(Match match) {
        FakeInteraction interaction = interactionByToken(match);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        interaction.deleteOriginal();
        return noContent();
    }

    private MockResponse openDmChannel(Request request) {
        FakeUser recipient = users.get(Long.parseUnsignedLong(request.body().path("recipient_id").asText("0")));
        if (recipient == null) {
            return error(400, 50033, "Invalid Recipient(s)");
        }
        long channelId = dmChannels.entrySet().stream().filter(e -> e.getValue().equals(recipient))
                .map(Map.Entry::getKey).findFirst().orElseGet(() -> {
                    long id = nextId();
                    dmChannels.put(id, recipient);
                    return id;
                });
        ObjectNode channel = json.createObjectNode();
        channel.put("id", Long.toUnsignedString(channelId));
        channel.put("type", 1);
        channel.putNull("last_message_id");
        channel.putArray("recipients").add(userJson(recipient));
        return ok(channel);
    }

    private MockResponse createMessage(Match match, Request request) {
        FakeUser recipient = dmChannels.get(match.id(0));
        if (recipient == null) {
            return error(404, 0, "404: Not Found (the fake implements create message for DM channels only)");
        }
        if (closedDms.contains(recipient.id())) {
            return error(403, 50007, "Cannot send messages to this user");
        }
        JsonNode body = request.body();
        String problem = messageProblem(body, request.files());
        if (problem != null) {
            return invalidForm(problem);
        }
        String content = body.path("content").asText("");
        directMessages.add(new DirectMessage(match.id(0), recipient, content,
                Optional.ofNullable(body.get("allowed_mentions")), List.copyOf(request.files().keySet())));
        lock.notifyAll();
        ObjectNode message = messageJson(nextId(), match.id(0), userJson(botUser), null, content, 0);
        message.remove("guild_id");
        ArrayNode attachments = message.putArray("attachments");
        for (Map.Entry<String, byte[]> file : request.fileBytes().entrySet()) {
            long id = nextId();
            String path = "/attachments/" + match.id(0) + "/" + id + "/" + file.getKey();
            messageFiles.put(path, new FakeAttachment(file.getKey(), "image/png", file.getValue()));
            String url = signed(path);
            attachments.addObject().put("id", Long.toUnsignedString(id)).put("filename", file.getKey())
                    .put("size", file.getValue().length).put("url", url)
                    .put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"));
        }
        return ok(message);
    }

    /** Discord signs attachment links for 24 hours. */
    private static final Duration LINK_LIFETIME = Duration.ofHours(24);

    /** A signed CDN link to a message's file, valid for {@link #LINK_LIFETIME} from the fake's now. */
    private String signed(String path) {
        long now = now(clock()).getEpochSecond();
        String ex = Long.toHexString(now + LINK_LIFETIME.toSeconds());
        String is = Long.toHexString(now);
        return "https://cdn.discordapp.com" + path + "?ex=" + ex + "&is=" + is + "&hm=" + signature(path, ex, is) + "&";
    }

    private static String signature(String path, String ex, String is) {
        return Integer.toHexString((path + "|" + ex + "|" + is + "|fake-secret").hashCode());
    }

    /** A message's file behind a link whose signature is right and not expired, as the CDN serves it. */
    private Optional<FakeAttachment> signedFile(HttpUrl url) {
        if (url == null) {
            return Optional.empty();
        }
        FakeAttachment file = messageFiles.get(url.encodedPath());
        String ex = url.queryParameter("ex");
        String is = url.queryParameter("is");
        String hm = url.queryParameter("hm");
        if (file == null || ex == null || is == null || !signature(url.encodedPath(), ex, is).equals(hm)) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(ex, 16) > now(clock()).getEpochSecond() ? Optional.of(file) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code POST /attachments/refresh-urls}: signs links to files that still exist anew (bot token only). */
    private MockResponse refreshUrls(Request request) {
        if (!request.authorization().startsWith("Bot ")) {
            return error(401, 0, "401: Unauthorized");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode refreshed = answer.putArray("refreshed_urls");
        for (JsonNode link : request.body().path("attachment_urls")) {
            HttpUrl url = HttpUrl.parse(link.asText());
            if (url != null && messageFiles.containsKey(url.encodedPath())) {
                refreshed.addObject().put("original", link.asText()).put("refreshed", signed(url.encodedPath()));
            }
        }
        return ok(answer);
    }

    private static Instant now(java.time.Clock clock) {
        return clock.instant();
    }

    private MockResponse executeWebhook(Match match, Request request) {
        FakeWebhook webhook = webhooks.get(match.id(0));
        if (webhook == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        if (!webhook.token().equals(match.param(1))) {
            return error(401, 50027, "Invalid Webhook Token");
        }
        JsonNode body = request.body();
        String problem = messageProblem(body, request.files());
        if (problem != null) {
            return invalidForm(problem);
        }
        Optional<String> username = Optional.ofNullable(body.get("username")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        if (username.isPresent()) {
            String u = username.get().toLowerCase(Locale.ROOT);
            if (u.isEmpty() || u.length() > 80 || u.contains("discord") || u.contains("clyde")) {
                return invalidForm("username: invalid webhook user name '" + username.get() + "'");
            }
        }
        Optional<String> avatarUrl = Optional.ofNullable(body.get("avatar_url")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        FakeChannel home = channels.get(webhook.channelId());
        String threadParam = request.url() == null ? null : request.url().queryParameter("thread_id");
        String threadName = body.hasNonNull("thread_name") ? body.get("thread_name").asText() : null;
        long threadId = 0;
        if (threadParam != null) {
            FakeChannel thread = channels.get(Long.parseUnsignedLong(threadParam));
            if (thread == null || !thread.isThread() || thread.parentId() != webhook.channelId()) {
                return error(400, 10003, "Unknown Channel");
            }
            if (thread.locked()) {
                return error(403, 160005, "Thread is locked");
            }
            if (thread.archived()) {
                FakeChannel reopened = thread.withState(false, false);
                channels.put(reopened.id(), reopened);
                gateway.dispatch("THREAD_UPDATE", channelJson(reopened, 0));
            }
            threadId = thread.id();
        } else if (threadName != null) {
            if (home == null || home.type() != FakeChannel.FORUM) {
                return error(400, 220003, "Webhooks can only create threads in forum channels");
            }
            if (threadName.isBlank() || threadName.codePointCount(0, threadName.length()) > 100) {
                return invalidForm("thread_name: must be 1 to 100 in length");
            }
            FakeChannel post = new FakeChannel(nextId(), threadName, FakeChannel.PUBLIC_THREAD, home.id(), false,
                    false);
            channels.put(post.id(), post);
            ObjectNode event = channelJson(post, 0);
            event.put("newly_created", true);
            gateway.dispatch("THREAD_CREATE", event);
            threadId = post.id();
        } else if (home != null && home.type() == FakeChannel.FORUM) {
            return error(400, 220001, "Webhooks posted to forum channels must have a thread_name or thread_id");
        }
        long messageId = nextId();
        String content = body.path("content").asText("");
        posts.add(new WebhookPost(messageId, webhook.id(), webhook.channelId(), username, avatarUrl, content,
                Optional.ofNullable(body.get("allowed_mentions")), body, threadId,
                List.copyOf(request.files().keySet()), false));
        lock.notifyAll();
        ObjectNode hookAuthor = json.createObjectNode();
        hookAuthor.put("id", webhook.idString());
        hookAuthor.put("username", username.orElse(webhook.name()));
        hookAuthor.put("discriminator", "0000");
        hookAuthor.putNull("avatar");
        hookAuthor.put("bot", true);
        dispatchMessageCreate(messageJson(messageId, threadId != 0 ? threadId : webhook.channelId(), hookAuthor,
                webhook.id(), content, 0));
        boolean wait = request.url() != null && "true".equalsIgnoreCase(request.url().queryParameter("wait"));
        if (!wait) {
            return noContent();
        }
        ObjectNode author = json.createObjectNode();
        author.put("id", webhook.idString());
        author.put("username", username.orElse(webhook.name()));
        author.put("discriminator", "0000");
        author.putNull("avatar");
        author.put("bot", true);
        return ok(messageJson(messageId, threadId != 0 ? threadId : webhook.channelId(), author, webhook.id(),
                content, 0));
    }

    /** Finds a webhook's message by the URL's message id and {@code thread_id}, as Discord does. */
    private int webhookMessageIndex(FakeWebhook webhook, Match match, Request request) {
        long messageId = Long.parseUnsignedLong(match.param(2));
        String threadParam = request.url() == null ? null : request.url().queryParameter("thread_id");
        long threadId = threadParam == null ? 0 : Long.parseUnsignedLong(threadParam);
        for (int i = 0; i < posts.size(); i++) {
            WebhookPost post = posts.get(i);
            if (post.messageId() == messageId && post.webhookId() == webhook.id() && post.threadId() == threadId) {
                return i;
            }
        }
        return -1;
    }

    private MockResponse editWebhookMessage(Match match, Request request) {
        FakeWebhook webhook = webhookFor(match);
        if (webhook == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        int index = webhookMessageIndex(webhook, match, request);
        if (index < 0) {
            return error(404, 10008, "Unknown Message");
        }
        String problem = messageProblem(request.body(), request.files());
        if (problem != null) {
            return invalidForm(problem);
        }
        WebhookPost edited = posts.get(index).editedTo(request.body().path("content").asText(""));
        posts.set(index, edited);
        lock.notifyAll();
        return ok(messageJson(edited.messageId(), edited.threadId() != 0 ? edited.threadId() : edited.channelId(),
                userJson(botUser), webhook.id(), edited.content(), 0));
    }

    private MockResponse deleteWebhookMessage(Match match, Request request) {
        FakeWebhook webhook = webhookFor(match);
        if (webhook == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        int index = webhookMessageIndex(webhook, match, request);
        if (index < 0) {
            return error(404, 10008, "Unknown Message");
        }
        deletedMessages.add(posts.remove(index).messageId());
        lock.notifyAll();
        return noContent();
    }

    private FakeWebhook webhookFor(Match match) {
        FakeWebhook webhook = webhooks.get(match.id(0));
        String token = match.param(1);
        if (webhook == null || (token != null && !webhook.token().equals(token))) {
            return null;
        }
        return webhook;
    }

    private MockResponse getWebhook(Match match) {
        FakeWebhook webhook = webhookFor(match);
        return webhook == null ? error(404, 10015, "Unknown Webhook") : ok(webhookJson(webhook));
    }

    private MockResponse modifyWebhook(Match match, Request request) {
        FakeWebhook webhook = webhookFor(match);
        if (webhook == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        String name = request.body().path("name").asText(webhook.name());
        long channelId = webhook.channelId();
        if (request.body().hasNonNull("channel_id") && match.param(1) == null) {
            channelId = Long.parseUnsignedLong(request.body().get("channel_id").asText());
        }
        FakeWebhook updated = new FakeWebhook(webhook.id(), webhook.token(), channelId, name, webhook.creatorId());
        webhooks.put(updated.id(), updated);
        gateway.dispatch("WEBHOOKS_UPDATE", webhooksUpdateJson(updated.channelId()));
        return ok(webhookJson(updated));
    }

    private MockResponse deleteWebhook(Match match) {
        FakeWebhook webhook = webhookFor(match);
        if (webhook == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        webhooks.remove(webhook.id());
        gateway.dispatch("WEBHOOKS_UPDATE", webhooksUpdateJson(webhook.channelId()));
        return noContent();
    }

    private MockResponse createWebhook(Match match, Request request) {
        FakeChannel channel = channels.get(match.id(0));
        if (channel == null) {
            return error(404, 10003, "Unknown Channel");
        }
        String name = request.body().path("name").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 80 || lower.contains("discord") || lower.contains("clyde")) {
            return invalidForm("name: invalid webhook name '" + name + "'");
        }
        long inChannel = webhooks.values().stream().filter(w -> w.channelId() == channel.id()).count();
        if (inChannel >= MAX_WEBHOOKS_PER_CHANNEL) {
            return error(400, 30007, "Maximum number of webhooks reached (15)");
        }
        FakeWebhook webhook = new FakeWebhook(nextId(), "webhook-token-" + UUID.randomUUID(), channel.id(), name,
                botUser.id());
        webhooks.put(webhook.id(), webhook);
        gateway.dispatch("WEBHOOKS_UPDATE", webhooksUpdateJson(channel.id()));
        return ok(webhookJson(webhook));
    }

    private MockResponse listChannelWebhooks(Match match) {
        FakeChannel channel = channels.get(match.id(0));
        if (channel == null) {
            return error(404, 10003, "Unknown Channel");
        }
        Collection<ObjectNode> list = webhooks.values().stream().filter(w -> w.channelId() == channel.id())
                .map(this::webhookJson).toList();
        return ok(json.valueToTree(list));
    }

    private MockResponse createRole(Match match, Request request) {
        if (match.id(0) != guildId) {
            return error(404, 10004, "Unknown Guild");
        }
        JsonNode body = request.body();
        String name = body.path("name").asText("new role");
        if (name.length() > 100) {
            return invalidForm("name must be 100 or fewer in length");
        }
        long permissions = body.hasNonNull("permissions") ? Long.parseUnsignedLong(body.get("permissions").asText())
                : roles.get(guildId).permissions();
        FakeRole role = createRoleInternal(name, permissions, body.path("color").asInt(0),
                body.path("hoist").asBoolean(false), body.path("mentionable").asBoolean(false));
        return ok(roleJson(role));
    }

    private MockResponse modifyRole(Match match, Request request) {
        FakeRole role = match.id(0) == guildId ? roles.get(match.id(1)) : null;
        if (role == null) {
            return error(404, 10011, "Unknown Role");
        }
        JsonNode body = request.body();
        FakeRole updated = new FakeRole(role.id(), body.path("name").asText(role.name()),
                body.hasNonNull("permissions") ? Long.parseUnsignedLong(body.get("permissions").asText())
                        : role.permissions(),
                body.path("color").asInt(role.color()), body.path("hoist").asBoolean(role.hoist()),
                body.path("mentionable").asBoolean(role.mentionable()), role.position());
        roles.put(updated.id(), updated);
        ObjectNode event = json.createObjectNode().put("guild_id", Long.toUnsignedString(guildId));
        event.set("role", roleJson(updated));
        gateway.dispatch("GUILD_ROLE_UPDATE", event);
        return ok(roleJson(updated));
    }

    private MockResponse deleteRole(Match match) {
        FakeRole role = match.id(0) == guildId ? roles.get(match.id(1)) : null;
        if (role == null) {
            return error(404, 10011, "Unknown Role");
        }
        if (role.id() == guildId || role.id() == botRoleId) {
            return error(400, 50028, "Invalid Role");
        }
        roles.remove(role.id());
        memberRoles.values().forEach(set -> set.remove(role.id()));
        gateway.dispatch("GUILD_ROLE_DELETE", json.createObjectNode().put("guild_id", Long.toUnsignedString(guildId))
                .put("role_id", role.idString()));
        return noContent();
    }

    private MockResponse changeMemberRole(Match match, boolean add) {
        if (match.id(0) != guildId) {
            return error(404, 10004, "Unknown Guild");
        }
        FakeUser user = users.get(match.id(1));
        if (user == null || !memberRoles.containsKey(user.id())) {
            return error(404, 10007, "Unknown Member");
        }
        FakeRole role = roles.get(match.id(2));
        if (role == null) {
            return error(404, 10011, "Unknown Role");
        }
        if (role.position() >= roles.get(botRoleId).position()) {
            // Discord's role hierarchy: a bot may only give or take roles below its highest role.
            return error(403, 50013, "Missing Permissions");
        }
        boolean changed = add ? memberRoles.get(user.id()).add(role.id()) : memberRoles.get(user.id()).remove(role.id());
        if (changed) {
            gateway.dispatch("GUILD_MEMBER_UPDATE", memberUpdateJson(user));
        }
        return noContent();
    }

    // ------------------------------------------------------------------ shutdown

    @Override
    public void close() {
        try {
            gateway.close();
        } catch (IOException e) {
            synchronized (lock) {
                handlerErrors.add(e);
            }
        }
        try {
            rest.shutdown();
        } catch (IOException e) {
            synchronized (lock) {
                handlerErrors.add(e);
            }
        }
    }
}
