package dev.campaignkeeper.bot;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.bot.console.ConsoleModule;
import dev.campaignkeeper.bot.console.ConsoleNames;
import dev.campaignkeeper.bot.console.ConsoleSession;
import dev.campaignkeeper.bot.console.LineEditorInput;
import dev.campaignkeeper.bot.javacord.DiscordStartException;
import dev.campaignkeeper.bot.javacord.JavacordConfig;
import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.bot.metrics.MetricsModules;
import dev.campaignkeeper.bot.metrics.MetricsServer;
import dev.campaignkeeper.bot.metrics.PrometheusMetrics;
import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonPersistenceModule;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.postgres.PostgresPersistenceModule;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the console or the Discord bot with the production wiring: the JSON store in the data
 * directory, the core use cases, the command handlers writing {@link ExportJson} exports, and
 * either the console's in-memory platform or Javacord.
 */
final class ProductionLauncher implements CampaignBot.Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionLauncher.class);

    /** Added when the data directory is locked: what to do to run several processes. */
    static final String ONE_PROCESS_PER_DIRECTORY = "A data directory serves one bot process; to run several "
            + "(for example one per group of gateway shards), store the campaigns in PostgreSQL with --database-url"
            + " (see the admin guide, \"Moving to PostgreSQL\")";

    private final PrintStream err;
    private final boolean interactive;

    /**
     * Creates the launcher.
     *
     * @param err where startup failures are reported
     * @param interactive whether the console's input is a terminal (else lines are echoed)
     */
    ProductionLauncher(PrintStream err, boolean interactive) {
        this.err = Objects.requireNonNull(err, "err");
        this.interactive = interactive;
    }

    /**
     * Where the console saves attached exports: an {@code exports} directory beside the data
     * directory.
     *
     * @param dataDir the data directory
     * @return the exports directory
     */
    static Path exportDir(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? dataDir.toAbsolutePath() : parent).resolve("exports");
    }

    /**
     * The store the options name: PostgreSQL with {@code --database-url}, else the data directory.
     *
     * @param options the options
     * @return the Guice module binding the store
     * @throws IllegalArgumentException if the database URL cannot be used (the message hides the password)
     */
    static com.google.inject.Module storeModule(BotOptions options) {
        if (options.databaseUrl().isPresent()) {
            return new PostgresPersistenceModule(databaseConfig(options));
        }
        return new JsonPersistenceModule(jsonConfig(options));
    }

    /** The JSON store's configuration: the data directory, and {@code --post-retention} if given. */
    static JsonStoreConfig jsonConfig(BotOptions options) {
        JsonStoreConfig config = JsonStoreConfig.defaults(options.dataDir());
        return options.postRetention().map(config::withPostRetentionPerCampaign).orElse(config);
    }

    private static PostgresStoreConfig databaseConfig(BotOptions options) {
        return databaseConfig(options, System.getenv());
    }

    /** The PostgreSQL store's configuration: the database URL, and {@code --post-retention} if given. */
    static PostgresStoreConfig databaseConfig(BotOptions options, java.util.Map<String, String> environment) {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(options.databaseUrl().orElseThrow(),
                environment);
        return options.postRetention().map(config::withPostRetentionPerCampaign).orElse(config);
    }

    @Override
    public int console(BotOptions options, InputStream in, PrintStream out) {
        quietLogging();
        ConsoleNames names = new ConsoleNames();
        com.google.inject.Module store;
        try {
            store = storeModule(options);
        } catch (IllegalArgumentException e) {
            return startFailed(e);
        }
        Injector injector = Guice.createInjector(
                store,
                new CoreModule(options.seed().map(DiceRoller::seeded).orElseGet(DiceRoller::secure)),
                new CommandModule(ExportJson::write),
                new ConsoleModule(out, names));
        CampaignStore opened;
        try {
            opened = injector.getInstance(CampaignStore.class);
        } catch (ProvisionException e) {
            return startFailed(e);
        }
        // SIGTERM (or Ctrl-C while a command runs) ends the JVM: close the store first, with its
        // final checkpoint, as /quit and end of input do; closing twice is harmless
        CampaignStore openedStore = opened;
        Thread closeOnSignal = new Thread(openedStore::close, "campaign-keeper-console-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnSignal);
        try {
            out.println(options.databaseUrl().isPresent()
                    ? "Database: " + databaseConfig(options).describe()
                    : "Data directory: " + options.dataDir().toAbsolutePath().normalize());
            ConsoleSession session = new ConsoleSession(injector.getInstance(CommandHandlers.class),
                    injector.getInstance(InMemoryChatPlatform.class), names, out,
                    options.exports().orElseGet(() -> exportDir(options.dataDir())));
            if (interactive) {
                // a terminal: line editing, history and tab completion
                try (LineEditorInput editor = LineEditorInput.onSystemTerminal()) {
                    session.run(editor);
                }
            } else {
                session.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), true);
            }
            return 0;
        } finally {
            openedStore.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnSignal);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs (or ran) and closes nothing twice
            }
        }
    }

    @Override
    public int discord(BotOptions options, String token) {
        BotRunner.Running running;
        java.util.Optional<OffsiteSetup.Settings> offsiteSettings;
        try {
            offsiteSettings = OffsiteSetup.fromEnvironment(System.getenv(), options.databaseUrl().isPresent());
        } catch (IllegalArgumentException e) {
            return startFailed(e);
        }
        AtomicReference<BotRunner.Running> started = new AtomicReference<>();
        MetricsServer metricsServer = null;
        try {
            List<com.google.inject.Module> modules = BotRunner.productionModules(storeModule(options),
                    JavacordConfig.of(token, options.devGuild()).withShards(options.shards())
                            .withMessageContent(options.messageContent()));
            if (options.metricsPort().isPresent()) {
                PrometheusMetrics metrics = new PrometheusMetrics();
                modules = MetricsModules.recordingInto(modules, metrics);
                metricsServer = MetricsServer.start(options.metricsPort().get(), metrics, () -> {
                    BotRunner.Running bot = started.get();
                    return bot == null ? Optional.of("starting: the store is not open or Discord not connected yet")
                            : bot.notReady();
                });
            }
            running = BotRunner.create(modules).start();
            started.set(running);
        } catch (CampaignKeeperException | DiscordStartException | ProvisionException | IllegalArgumentException
                 | UncheckedIOException e) {
            if (metricsServer != null) {
                metricsServer.close();
            }
            return startFailed(e);
        }
        // after the store is open (and holds the directory), so a second process never copies it
        java.util.Optional<dev.campaignkeeper.backup.s3.OffsiteSchedule> offsite =
                offsiteSettings.map(settings -> settings.start(options.dataDir()));
        CountDownLatch stopped = new CountDownLatch(1);
        MetricsServer serving = metricsServer;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close(); // the store's final checkpoint writes the last backup set
                offsite.ifPresent(dev.campaignkeeper.backup.s3.OffsiteSchedule::close); // and this copies it
            } finally {
                if (serving != null) {
                    serving.close();
                }
                stopped.countDown();
            }
        }, "campaign-keeper-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The console shares stdout with the log: keep only warnings and errors there. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
                && !root.isEnabledFor(ch.qos.logback.classic.Level.DEBUG)) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private int startFailed(RuntimeException failure) {
        Throwable shown = failure;
        if (failure instanceof ProvisionException) {
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CampaignKeeperException) {
                    shown = cause;
                    break;
                }
            }
        }
        LOG.debug("Start failed", failure);
        err.println("Campaign Keeper could not start: " + shown.getMessage()
                + (shown instanceof DataDirectoryLockedException ? ". " + ONE_PROCESS_PER_DIRECTORY : ""));
        return CampaignBot.EXIT_FAILED;
    }
}
