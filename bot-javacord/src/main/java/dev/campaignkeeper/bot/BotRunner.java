package dev.campaignkeeper.bot;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.campaignkeeper.bot.javacord.JavacordBot;
import dev.campaignkeeper.bot.javacord.JavacordConfig;
import dev.campaignkeeper.bot.javacord.JavacordModule;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonPersistenceModule;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.javacord.api.DiscordApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the Discord bot. Production ({@link CampaignBot#main}) and end-to-end tests use
 * the same path:
 * <pre>{@code
 * try (BotRunner.Running bot = BotRunner.create(modules).start()) { ... }
 * }</pre>
 * Start opens the store first (failing fast if another process holds the data directory), then
 * logs in, listens and registers the commands. Closing disconnects and then closes the store.
 */
public final class BotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);

    private final Provider<CampaignStore> store;
    private final JavacordBot discord;

    /**
     * Creates the runner.
     *
     * @param store the store, opened on {@link #start()}
     * @param discord the Discord connector
     */
    @Inject
    public BotRunner(Provider<CampaignStore> store, JavacordBot discord) {
        this.store = Objects.requireNonNull(store, "store");
        this.discord = Objects.requireNonNull(discord, "discord");
    }

    /**
     * A runner wired from Guice modules: a store module, {@link CoreModule}, {@link CommandModule}
     * and {@link dev.campaignkeeper.bot.javacord.JavacordModule}.
     *
     * @param modules the modules
     * @return the runner
     */
    public static BotRunner create(Iterable<? extends Module> modules) {
        return Guice.createInjector(modules).getInstance(BotRunner.class);
    }

    /**
     * The production wiring: the JSON store, the core use cases, the command handlers (attaching
     * {@link ExportJson} exports) and the Javacord adapter. Tests override single bindings with
     * {@code Modules.override(productionModules(...)).with(...)}.
     *
     * @param store the JSON store's configuration (data directory)
     * @param discord token, dev guild and timeouts
     * @return the modules
     */
    public static List<Module> productionModules(JsonStoreConfig store, JavacordConfig discord) {
        return productionModules(new JsonPersistenceModule(store), discord);
    }

    /**
     * The production wiring on another store module (such as the PostgreSQL store's).
     *
     * @param storeModule binds {@link CampaignStore}
     * @param discord token, dev guild and timeouts
     * @return the modules
     */
    public static List<Module> productionModules(Module storeModule, JavacordConfig discord) {
        return List.of(storeModule, new CoreModule(), new CommandModule(ExportJson::write),
                new JavacordModule(discord));
    }

    /**
     * Opens the store and connects to Discord.
     *
     * @return the running bot; close it to stop
     * @throws CampaignKeeperException if the store cannot be opened (e.g. the data directory is
     *     locked by another process)
     * @throws dev.campaignkeeper.bot.javacord.DiscordStartException if Discord login or command
     *     registration fails
     */
    public Running start() {
        CampaignStore opened = openStore();
        try {
            return new Running(discord.connect(), opened);
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private CampaignStore openStore() {
        try {
            return store.get();
        } catch (ProvisionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CampaignKeeperException domain) {
                    throw domain;
                }
            }
            throw e;
        }
    }

    private static void closeQuietly(CampaignStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the store failed", e);
        }
    }

    /** The running bot. Closing it is idempotent and safe from a shutdown hook. */
    public static final class Running implements AutoCloseable {

        private final JavacordBot.Connected connected;
        private final CampaignStore store;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Running(JavacordBot.Connected connected, CampaignStore store) {
            this.connected = connected;
            this.store = store;
        }

        /**
         * The store the bot runs on (for tests and embedders that set campaigns up directly).
         *
         * @return the open store
         */
        public CampaignStore store() {
            return store;
        }

        /**
         * The logged-in Javacord API.
         *
         * @return the API
         */
        public DiscordApi api() {
            return connected.api();
        }

        /**
         * Why the bot cannot serve commands, if it cannot (for {@code /health}).
         *
         * @return empty while the store is open and every shard connected; else the reason
         */
        public java.util.Optional<String> notReady() {
            return closed.get() ? java.util.Optional.of("the bot is stopping; the store is closed")
                    : connected.notReady();
        }

        /** Disconnects from Discord, then closes the store. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                connected.close();
            } finally {
                closeQuietly(store);
                LOG.info("Campaign Keeper stopped");
            }
        }
    }
}
