package dev.campaignkeeper.bot.e2e;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.campaignkeeper.bot.BotRunner;
import dev.campaignkeeper.bot.javacord.DiscordApiBuilderCustomizer;
import dev.campaignkeeper.bot.javacord.JavacordConfig;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The bot as production wires it (Guice modules, Javacord adapter, store in a data directory), with the
 * two test-specific bindings: the {@link DiscordApiBuilderCustomizer} that points Javacord at the fake, and
 * the fake's clock (so the bot sees the time the fake's attachment links expire by).
 */
final class BotUnderTest implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BotRunner.Running running;

    private BotUnderTest(BotRunner.Running running) {
        this.running = running;
    }

    /**
     * Starts the bot with global command registration.
     *
     * @param discord the fake to connect to
     * @param dataDir the data directory
     * @return the running bot
     */
    static BotUnderTest start(FakeDiscord discord, Path dataDir) {
        return start(discord, dataDir, Optional.empty());
    }

    /**
     * Starts the bot.
     *
     * @param discord  the fake to connect to
     * @param dataDir  the data directory
     * @param devGuild the guild to register commands on, if any
     * @return the running bot
     */
    static BotUnderTest start(FakeDiscord discord, Path dataDir, Optional<Long> devGuild) {
        return start(discord, dataDir, new JavacordConfig(Javacord.uniqueToken(), devGuild, TIMEOUT, TIMEOUT));
    }

    /**
     * Starts the bot asking for the Message Content intent ({@code --message-content}), so proxy tags work.
     *
     * @param discord the fake to connect to
     * @param dataDir the data directory
     * @return the running bot
     */
    static BotUnderTest startWithMessageContent(FakeDiscord discord, Path dataDir) {
        return start(discord, dataDir, new JavacordConfig(Javacord.uniqueToken(), Optional.empty(), TIMEOUT, TIMEOUT)
                .withMessageContent(true));
    }

    private static BotUnderTest start(FakeDiscord discord, Path dataDir, JavacordConfig config) {
        DiscordApiBuilderCustomizer toFake = new DiscordApiBuilderCustomizer() {
            @Override
            public void customize(org.javacord.api.DiscordApiBuilder builder) {
                discord.configure(builder);
            }

            @Override
            public void customizeHttp(okhttp3.OkHttpClient.Builder http) {
                discord.configure(http);
            }
        };
        Module wiring = Modules.override(BotRunner.productionModules(JsonStoreConfig.defaults(dataDir), config))
                .with(binder -> {
                    binder.bind(DiscordApiBuilderCustomizer.class).toInstance(toFake);
                    binder.bind(java.time.Clock.class).toInstance(discord.clock()); // links expire by the fake's time
                });
        return new BotUnderTest(BotRunner.create(List.of(wiring)).start());
    }

    /** @return the store the bot runs on, to set campaigns up directly */
    dev.campaignkeeper.core.port.CampaignStore store() {
        return running.store();
    }

    /** Stops the bot: disconnects from the fake and closes the store. */
    @Override
    public void close() {
        try {
            running.close();
        } catch (RejectedExecutionException e) {
            // Javacord 3.8.0 may reject tasks while its pool shuts down
        }
    }
}
