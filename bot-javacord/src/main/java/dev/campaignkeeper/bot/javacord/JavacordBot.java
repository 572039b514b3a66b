package dev.campaignkeeper.bot.javacord;

import dev.campaignkeeper.bot.command.CommandHandlers;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.interaction.ApplicationCommandBuilder;
import org.javacord.api.util.event.ListenerManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the bot to Discord: logs in with Javacord, attaches the interaction listener and
 * registers the slash commands by bulk overwrite (on the dev guild if one is configured, globally
 * otherwise).
 */
public final class JavacordBot {

    private static final Logger LOG = LoggerFactory.getLogger(JavacordBot.class);
    private static final int SLOW_WORKERS = 4;
    private static final int FAST_WORKERS = 2;
    private static final int PROXY_WORKERS = 2;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    /** Javacord waits about 5.5 s between the IDENTIFYs of one token's shards. */
    private static final Duration IDENTIFY_SPACING = Duration.ofSeconds(6);

    private final JavacordConfig config;
    private final DiscordApiBuilderCustomizer customizer;
    private final DiscordConnection connection;
    private final JavacordChatPlatform platform;
    private final Provider<CommandHandlers> handlers;
    private final BotMetrics metrics;
    private final ShardStatus shardStatus;
    private final Optional<ProxySupport> proxy;

    /**
     * Creates the connector, recording no metrics.
     *
     * @param config token, dev guild and timeouts
     * @param customizer the builder seam (a no-op in production)
     * @param connection receives the API once logged in
     * @param platform the chat platform, which remembers users seen in commands
     * @param handlers the command handlers
     */
    public JavacordBot(JavacordConfig config, DiscordApiBuilderCustomizer customizer, DiscordConnection connection,
                       JavacordChatPlatform platform, Provider<CommandHandlers> handlers) {
        this(config, customizer, connection, platform, handlers, BotMetrics.none(), new ShardStatus());
    }

    /**
     * Creates the connector.
     *
     * @param config token, dev guild, timeouts and shards
     * @param customizer the builder seam (a no-op in production)
     * @param connection receives the shards' APIs once logged in
     * @param platform the chat platform, which remembers users seen in commands
     * @param handlers the command handlers
     * @param metrics told about commands and shard connections
     * @param shardStatus kept up to date with each shard's connection
     */
    public JavacordBot(JavacordConfig config, DiscordApiBuilderCustomizer customizer, DiscordConnection connection,
                       JavacordChatPlatform platform, Provider<CommandHandlers> handlers, BotMetrics metrics,
                       ShardStatus shardStatus) {
        this(config, customizer, connection, platform, handlers, metrics, shardStatus, Optional.empty());
    }

    /**
     * Creates the connector with proxy tags: with {@link JavacordConfig#messageContent()} it asks for
     * the Message Content intent and attaches the proxy listener to every shard.
     *
     * @param config token, dev guild, timeouts, shards and the Message Content intent
     * @param customizer the builder seam (a no-op in production)
     * @param connection receives the shards' APIs once logged in
     * @param platform the chat platform, which remembers users seen in commands
     * @param handlers the command handlers
     * @param metrics told about commands and shard connections
     * @param shardStatus kept up to date with each shard's connection
     * @param proxy the proxy listener and its readiness
     */
    @Inject
    public JavacordBot(JavacordConfig config, DiscordApiBuilderCustomizer customizer, DiscordConnection connection,
                       JavacordChatPlatform platform, Provider<CommandHandlers> handlers, BotMetrics metrics,
                       ShardStatus shardStatus, ProxySupport proxy) {
        this(config, customizer, connection, platform, handlers, metrics, shardStatus,
                Optional.of(Objects.requireNonNull(proxy, "proxy")));
    }

    private JavacordBot(JavacordConfig config, DiscordApiBuilderCustomizer customizer, DiscordConnection connection,
                        JavacordChatPlatform platform, Provider<CommandHandlers> handlers, BotMetrics metrics,
                        ShardStatus shardStatus, Optional<ProxySupport> proxy) {
        this.proxy = proxy;
        this.config = Objects.requireNonNull(config, "config");
        this.customizer = Objects.requireNonNull(customizer, "customizer");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.shardStatus = Objects.requireNonNull(shardStatus, "shardStatus");
    }

    /**
     * Logs in, starts listening and registers the commands.
     *
     * @return the connection; close it to disconnect
     * @throws DiscordStartException if login or registration fails (the API is disconnected again)
     */
    public Connected connect() {
        CommandHandlers commandHandlers = handlers.get();
        boolean messageContent = config.messageContent() && proxy.isPresent();
        DiscordApiBuilder builder = new DiscordApiBuilder()
                .setToken(config.token())
                .setIntents(intents(messageContent))
                .setUserCacheEnabled(false)
                .setShutdownHookRegistrationEnabled(false);
        customizer.customize(builder);
        ShardPlan shards = config.shards();
        List<DiscordApi> apis;
        try {
            apis = shards.total() == 1 ? List.of(login(builder)) : loginShards(builder, shards);
        } catch (DiscordStartException refused) {
            if (!messageContent || !closedBeforeReady(refused)) {
                throw refused;
            }
            LOG.warn("Discord closed the connection before READY while the bot asked for the Message Content intent "
                    + "(close code 4014, disallowed intents, when it is not switched on in the Developer Portal). "
                    + "Logging in again without it; proxy tags stay off until it is switched on and the bot restarted");
            messageContent = false;
            proxy.get().intent(ProxySupport.Intent.REFUSED);
            builder.setIntents(intents(false));
            apis = shards.total() == 1 ? List.of(login(builder)) : loginShards(builder, shards);
        }
        if (messageContent) {
            proxy.get().intent(ProxySupport.Intent.GRANTED);
        }
        ExecutorService slow = Executors.newFixedThreadPool(SLOW_WORKERS, new WorkerThreads("slow"));
        ExecutorService fast = Executors.newFixedThreadPool(FAST_WORKERS, new WorkerThreads("fast"));
        ExecutorService proxying = Executors.newFixedThreadPool(PROXY_WORKERS, new WorkerThreads("proxy"));
        Connected connected = new Connected(apis, List.of(slow, fast, proxying), connection, shardStatus);
        try {
            connection.connected(apis);
            ShardGuard guard = new ShardGuard(new InteractionListener(commandHandlers, platform, slow, fast, metrics));
            List<ListenerManager<?>> attached = new ArrayList<>();
            for (DiscordApi api : apis) {
                attached.addAll(List.of(api.addSlashCommandCreateListener(guard),
                        api.addAutocompleteCreateListener(guard), api.addModalSubmitListener(guard),
                        api.addMessageContextMenuCommandListener(guard), api.addReactionAddListener(guard)));
                if (messageContent) {
                    attached.add(api.addMessageCreateListener(proxy.get().listener(proxying)));
                }
                attached.addAll(watchConnection(api));
            }
            proxy.ifPresent(ProxySupport::reportAtStart);
            connected.listeners = Set.copyOf(attached);
            if (shards.ids().contains(0)) {
                register(apis.get(0));
            } else {
                LOG.info("Not registering the slash commands: the process running shard 0 does");
            }
            LOG.info("Campaign Keeper is ready as {} in {} guild(s) on shard(s) {} of {}",
                    apis.get(0).getYourself().getName(), apis.stream().mapToInt(api -> api.getServers().size()).sum(),
                    shards.describeIds(), shards.total());
            return connected;
        } catch (RuntimeException e) {
            connected.close();
            throw e;
        }
    }

    /** The gateway intents: guilds and reactions; for proxy tags also guild messages and their text. */
    private static Intent[] intents(boolean messageContent) {
        return messageContent
                ? new Intent[] {Intent.GUILDS, Intent.GUILD_MESSAGE_REACTIONS, Intent.GUILD_MESSAGES,
                        Intent.MESSAGE_CONTENT}
                : new Intent[] {Intent.GUILDS, Intent.GUILD_MESSAGE_REACTIONS};
    }

    /**
     * Whether a login failed because Discord closed the gateway before READY: what Javacord 3.8.0
     * reports for a close code such as 4014 (disallowed intents), without the code itself (it only logs
     * it, "Websocket closed with reason ... and code 4014 by server").
     */
    private static boolean closedBeforeReady(DiscordStartException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("closed before READY")) {
                return true;
            }
        }
        return false;
    }

    private List<ListenerManager<?>> watchConnection(DiscordApi api) {
        int shard = api.getCurrentShard();
        shardStatus.set(shard, true);
        metrics.shardStatus(shard, true);
        return List.of(
                api.addLostConnectionListener(event -> {
                    LOG.warn("Gateway shard {} lost its connection to Discord; Javacord reconnects", shard);
                    shardStatus.set(shard, false);
                    metrics.shardStatus(shard, false);
                }),
                api.addReconnectListener(event -> {
                    shardStatus.set(shard, true);
                    metrics.shardStatus(shard, true);
                }),
                api.addResumeListener(event -> {
                    shardStatus.set(shard, true);
                    metrics.shardStatus(shard, true);
                }));
    }

    /**
     * Logs in each shard of the plan; Javacord spaces their IDENTIFYs as Discord requires (about
     * 5 s apart), so the wait grows with the number of shards.
     */
    private List<DiscordApi> loginShards(DiscordApiBuilder builder, ShardPlan shards) {
        LOG.info("Logging in to Discord: shard(s) {} of {}", shards.describeIds(), shards.total());
        builder.setTotalShards(shards.total());
        List<CompletableFuture<DiscordApi>> logins = builder.loginShards(
                shards.ids().stream().mapToInt(Integer::intValue).toArray());
        long deadline = System.nanoTime() + config.loginTimeout().toNanos() + IDENTIFY_SPACING.toNanos() * logins.size();
        List<DiscordApi> apis = new ArrayList<>();
        try {
            for (CompletableFuture<DiscordApi> login : logins) {
                long left = Math.max(1, deadline - System.nanoTime());
                apis.add(login.get(left, TimeUnit.NANOSECONDS));
            }
            apis.sort(java.util.Comparator.comparingInt(DiscordApi::getCurrentShard));
            return List.copyOf(apis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logins.forEach(login -> login.thenAccept(JavacordBot::quietlyDisconnect));
            throw new DiscordStartException("Interrupted while logging in to Discord.", e);
        } catch (TimeoutException e) {
            logins.forEach(login -> login.thenAccept(JavacordBot::quietlyDisconnect));
            throw new DiscordStartException("Discord did not complete the login of shard(s) " + shards.describeIds()
                    + " in time. Check the network and the token.", e);
        } catch (ExecutionException e) {
            logins.forEach(login -> login.thenAccept(JavacordBot::quietlyDisconnect));
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DiscordStartException("Could not log in to Discord: " + cause.getMessage()
                    + ". Check that DISCORD_TOKEN holds the bot's current token and that --shards is at least"
                    + " what Discord requires for the bot's guild count.", cause);
        }
    }

    private DiscordApi login(DiscordApiBuilder builder) {
        LOG.info("Logging in to Discord");
        CompletableFuture<DiscordApi> login = builder.login();
        try {
            return login.get(config.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            login.thenAccept(JavacordBot::quietlyDisconnect);
            throw new DiscordStartException("Interrupted while logging in to Discord.", e);
        } catch (TimeoutException e) {
            login.thenAccept(JavacordBot::quietlyDisconnect);
            throw new DiscordStartException("Discord did not complete the login within "
                    + config.loginTimeout().toSeconds() + " s. Check the network and the token.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DiscordStartException("Could not log in to Discord: " + cause.getMessage()
                    + ". Check that DISCORD_TOKEN holds the bot's current token.", cause);
        }
    }

    private void register(DiscordApi api) {
        Set<ApplicationCommandBuilder<?, ?, ?>> commands = SlashCommands.builders();
        CompletableFuture<?> registration = config.devGuild()
                .map(guild -> api.bulkOverwriteServerApplicationCommands(guild, commands))
                .orElseGet(() -> api.bulkOverwriteGlobalApplicationCommands(commands));
        try {
            registration.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordStartException("Interrupted while registering the slash commands.", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DiscordStartException("Could not register the slash commands: " + cause.getMessage(), cause);
        }
        LOG.info("Registered {} commands (slash and message commands) {}", commands.size(), config.devGuild()
                .map(guild -> "on guild " + guild + " (available at once)")
                .orElse("globally (Discord may take up to an hour to show changes)"));
    }

    private static void quietlyDisconnect(DiscordApi api) {
        try {
            api.disconnect();
        } catch (RuntimeException e) {
            LOG.debug("Disconnect after a failed login failed", e);
        }
    }

    /** A live connection to Discord. Closing it stops the workers and disconnects; it is idempotent. */
    public static final class Connected implements AutoCloseable {

        private final List<DiscordApi> apis;
        private final List<ExecutorService> workers;
        private final DiscordConnection connection;
        private final ShardStatus shardStatus;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Set<ListenerManager<?>> listeners = Set.of();

        private Connected(List<DiscordApi> apis, List<ExecutorService> workers, DiscordConnection connection,
                          ShardStatus shardStatus) {
            this.apis = List.copyOf(apis);
            this.workers = workers;
            this.connection = connection;
            this.shardStatus = shardStatus;
        }

        /**
         * The logged-in Javacord API of the lowest shard this process runs.
         *
         * @return the API
         */
        public DiscordApi api() {
            return apis.get(0);
        }

        /**
         * Why the shards are not ready, if they are not.
         *
         * @return empty when every shard is connected; else the reason
         */
        public java.util.Optional<String> notReady() {
            return closed.get() ? java.util.Optional.of("disconnected from Discord") : shardStatus.notReady();
        }

        /**
         * Every shard's logged-in API, by shard id.
         *
         * @return the APIs
         */
        public List<DiscordApi> apis() {
            return apis;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            listeners.forEach(ListenerManager::remove);
            workers.forEach(ExecutorService::shutdown);
            for (ExecutorService pool : workers) {
                try {
                    if (!pool.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        LOG.warn("Commands still running after {} s; stopping them", SHUTDOWN_WAIT.toSeconds());
                        pool.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
            for (DiscordApi api : apis) {
                try {
                    api.disconnect().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
                    LOG.debug("Disconnect did not finish cleanly", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.debug("Disconnect failed", e);
                }
            }
            connection.disconnected();
            shardStatus.clear();
            LOG.info("Disconnected from Discord");
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String kind;

        WorkerThreads(String kind) {
            this.kind = kind;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "campaign-keeper-" + kind + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
